package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** SQL for page views: counts per page and day, and each page's running total. */
final class ViewRepository {
  /**
   * Adds to the page's count for the day and to its running total in {@code pages.views} (which the
   * bank's "most viewed" reads from an index) in one statement, so the two never disagree. Changing
   * the total also tells every server's search index (V5__view_changes.sql).
   */
  private static final String ADD =
      """
      WITH counted AS (
        INSERT INTO page_views (page_id, day, views) VALUES ($1, $2, $3)
        ON CONFLICT (page_id, day) DO UPDATE SET views = page_views.views + EXCLUDED.views)
      UPDATE pages SET views = views + $3 WHERE id = $1
      """;

  /** Views of a page on a day, to be added. */
  record Count(long pageId, LocalDate day, long views) {}

  /** Adds these counts in one batch. */
  Future<Void> add(SqlClient sql, List<Count> counts) {
    // A batch is one transaction that locks each page's row in turn: in page order, two batches
    // that overlap (two servers flushing at once) wait for each other instead of deadlocking.
    List<Tuple> batch =
        counts.stream()
            .sorted(Comparator.comparingLong(Count::pageId))
            .map(c -> Tuple.of(c.pageId(), c.day(), c.views()))
            .toList();
    return sql.preparedQuery(ADD).executeBatch(batch).mapEmpty();
  }
}
