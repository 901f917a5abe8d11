package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts views of published pages per page and day, off the request's hot path: a view is an
 * increment in memory, and a timer adds the counts to PostgreSQL in one batch. Nothing about the
 * viewer is recorded. Counts not yet written when the server dies (at most one flush period of
 * them; a normal shutdown writes them) are lost: they are statistics, not content. Every server's
 * search index learns the written counts from the database, whichever server wrote them.
 */
public final class ViewCounter {
  private static final Logger LOG = LoggerFactory.getLogger(ViewCounter.class);

  private final Pool pool;
  private final ViewRepository repository = new ViewRepository();
  private final ZoneId zone;
  private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

  private record Key(long pageId, LocalDate day) {}

  public ViewCounter(Pool pool, ZoneId zone) {
    this.pool = pool;
    this.zone = zone;
  }

  /** Writes the counts every {@code periodMs}; call once at start-up. */
  public void start(Vertx vertx, long periodMs) {
    vertx.setPeriodic(periodMs, id -> flush());
  }

  /** One view of a published page, now. Safe from any thread. */
  void viewed(long pageId) {
    pending.computeIfAbsent(new Key(pageId, LocalDate.now(zone)), k -> new LongAdder()).increment();
  }

  /** Adds what was counted since the last flush to the database. */
  public Future<Void> flush() {
    List<ViewRepository.Count> counts = new ArrayList<>();
    LocalDate today = LocalDate.now(zone);
    for (var entry : pending.entrySet()) {
      long views = entry.getValue().sumThenReset();
      if (views > 0) {
        counts.add(new ViewRepository.Count(entry.getKey().pageId(), entry.getKey().day(), views));
      }
      // New views go to today's counters, so yesterday's can go once read.
      if (entry.getKey().day().isBefore(today)) {
        pending.remove(entry.getKey());
      }
    }
    if (counts.isEmpty()) {
      return Future.succeededFuture();
    }
    return repository
        .add(pool, counts)
        .onFailure(
            e -> LOG.warn("Could not write {} page view counts: {}", counts.size(), e.toString()));
  }
}
