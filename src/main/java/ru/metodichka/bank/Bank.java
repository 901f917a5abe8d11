package ru.metodichka.bank;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The bank of practices (§2.2): the communities' published materials, read by anyone. What it shows
 * is always the pages' current state in PostgreSQL, so unpublishing takes a material out of the
 * front page, the feed and the sitemap at once.
 */
public final class Bank {
  /** Materials per kind and list on the front page. */
  static final int ON_SHELF = 5;

  /** Entries in the feed: enough for a reader that checks once a week. */
  static final int IN_FEED = 50;

  private final Pool pool;
  private final BankRepository repository;

  public Bank(Pool pool) {
    this.pool = pool;
    this.repository = new BankRepository();
  }

  /** One shelf per kind, with its newest and most viewed materials. */
  Future<List<KindShelf>> shelves() {
    return repository.front(pool, ON_SHELF).map(rows -> KindShelf.of(rows, ON_SHELF));
  }

  /** The Atom document of the newest materials, with links under {@code base}. */
  Future<String> feed(String base) {
    return repository
        .newest(pool, IN_FEED)
        .map(entries -> AtomFeed.xml(base, entries, OffsetDateTime.now()));
  }

  /** The sitemap, with links under {@code base}. */
  Future<String> sitemap(String base) {
    var communities = repository.activeCommunities(pool);
    var pages = repository.published(pool);
    return Future.all(communities, pages)
        .map(v -> Sitemap.xml(base, communities.result(), pages.result()));
  }
}
