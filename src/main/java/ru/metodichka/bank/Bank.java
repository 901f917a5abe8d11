package ru.metodichka.bank;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import ru.metodichka.page.ResultKind;

/**
 * The bank of practices (§2.2): the communities' published materials, read by anyone. What it shows
 * is always the pages' current state in PostgreSQL, so unpublishing takes a material out of the
 * front page and the feed at once.
 */
public final class Bank {
  /** Materials per kind and list on the front page. */
  static final int ON_SHELF = 5;

  /** Entries in the feed: enough for a reader that checks once a week. */
  static final int IN_FEED = 50;

  private static final List<String> KINDS =
      Arrays.stream(ResultKind.values()).map(ResultKind::code).toList();

  private final Pool pool;
  private final BankRepository repository;

  public Bank(Pool pool) {
    this.pool = pool;
    this.repository = new BankRepository();
  }

  /** One shelf per kind, with its newest and most viewed materials (two queries side by side). */
  Future<List<KindShelf>> shelves() {
    var newest = repository.newest(pool, KINDS, ON_SHELF);
    var mostViewed = repository.mostViewed(pool, KINDS, ON_SHELF);
    return Future.all(newest, mostViewed)
        .map(v -> KindShelf.of(newest.result(), mostViewed.result()));
  }

  /** The Atom document of the newest materials, with links under {@code base}. */
  Future<String> feed(String base) {
    return repository
        .feed(pool, IN_FEED)
        .map(entries -> AtomFeed.xml(base, entries, OffsetDateTime.now()));
  }
}
