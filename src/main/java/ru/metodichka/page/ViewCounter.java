package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts views of published pages per page and day, off the request's hot path: a view is an
 * increment in memory, and a timer adds the counts to PostgreSQL in one batch. Nothing about the
 * viewer is recorded. Counts not yet written when the server dies are lost; they are statistics,
 * not content.
 */
public final class ViewCounter {
  private static final Logger LOG = LoggerFactory.getLogger(ViewCounter.class);

  /**
   * Adds to the page's count for the day and to its running total in {@code pages.views} (which the
   * bank's "most viewed" reads from an index) in one statement, so the two never disagree.
   */
  private static final String ADD =
      """
      WITH counted AS (
        INSERT INTO page_views (page_id, day, views) VALUES ($1, $2, $3)
        ON CONFLICT (page_id, day) DO UPDATE SET views = page_views.views + EXCLUDED.views)
      UPDATE pages SET views = views + $3 WHERE id = $1
      """;

  private final Pool pool;
  private final ZoneId zone;
  private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
  private volatile Consumer<Set<Long>> written = ids -> {};

  private record Key(long pageId, LocalDate day) {}

  public ViewCounter(Pool pool, ZoneId zone) {
    this.pool = pool;
    this.zone = zone;
  }

  /** Writes the counts every {@code periodMs}; call once at start-up. */
  public void start(Vertx vertx, long periodMs) {
    vertx.setPeriodic(periodMs, id -> flush());
  }

  /** Told which pages' counts were just written (the search index sorts by them). */
  public void onWritten(Consumer<Set<Long>> listener) {
    this.written = listener;
  }

  /** One view of a published page, now. Safe from any thread. */
  void viewed(long pageId) {
    pending.computeIfAbsent(new Key(pageId, LocalDate.now(zone)), k -> new LongAdder()).increment();
  }

  /** Adds what was counted since the last flush to the database. */
  public Future<Void> flush() {
    List<Tuple> batch = new ArrayList<>();
    Set<Long> pages = new HashSet<>();
    LocalDate today = LocalDate.now(zone);
    for (var entry : pending.entrySet()) {
      long views = entry.getValue().sumThenReset();
      if (views > 0) {
        batch.add(Tuple.of(entry.getKey().pageId(), entry.getKey().day(), views));
        pages.add(entry.getKey().pageId());
      }
      // New views go to today's counters, so yesterday's can go once read.
      if (entry.getKey().day().isBefore(today)) {
        pending.remove(entry.getKey());
      }
    }
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    // A batch is one transaction that locks each page's row in turn: in page order, two flushes
    // that overlap wait for each other instead of deadlocking.
    batch.sort(Comparator.comparingLong((Tuple t) -> t.getLong(0)));
    return pool.preparedQuery(ADD)
        .executeBatch(batch)
        .<Void>mapEmpty()
        .onSuccess(v -> written.accept(pages))
        .onFailure(
            e -> LOG.warn("Could not write {} page view counts: {}", batch.size(), e.toString()));
  }
}
