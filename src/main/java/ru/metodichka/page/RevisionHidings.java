package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * SQL for hidden revisions ({@code revision_hidings}, append-only): which revisions of a page a
 * moderator hid, and hiding one.
 */
final class RevisionHidings {
  private static final String IS_HIDDEN =
      "SELECT 1 FROM revision_hidings WHERE page_id = $1 AND revision = $2";
  private static final String OF_PAGE = "SELECT revision FROM revision_hidings WHERE page_id = $1";
  private static final String HIDE =
      """
      INSERT INTO revision_hidings (page_id, revision, hidden_by, reason) VALUES ($1, $2, $3, $4)
      ON CONFLICT (page_id, revision) DO NOTHING
      """;
  // The newest revision before $2 that is not hidden: what a page goes back to when its read
  // revision is hidden.
  private static final String VISIBLE_BEFORE =
      """
      SELECT max(r.number) FROM revisions r
       WHERE r.page_id = $1 AND r.number < $2
         AND NOT EXISTS (SELECT 1 FROM revision_hidings h
                          WHERE h.page_id = r.page_id AND h.revision = r.number)
      """;

  Future<Boolean> isHidden(SqlClient sql, long pageId, int number) {
    return sql.preparedQuery(IS_HIDDEN)
        .execute(Tuple.of(pageId, number))
        .map(rows -> rows.size() > 0);
  }

  Future<Set<Integer>> ofPage(SqlClient sql, long pageId) {
    return sql.preparedQuery(OF_PAGE)
        .execute(Tuple.of(pageId))
        .map(
            rows -> {
              Set<Integer> hidden = new HashSet<>();
              rows.forEach(r -> hidden.add(r.getInteger(0)));
              return hidden;
            });
  }

  /** Hides the revision; false when it was hidden already. */
  Future<Boolean> hide(SqlClient sql, long pageId, int number, long userId, String reason) {
    return sql.preparedQuery(HIDE)
        .execute(Tuple.of(pageId, number, userId, reason == null ? "" : reason))
        .map(rows -> rows.rowCount() > 0);
  }

  Future<Optional<Integer>> visibleBefore(SqlClient sql, long pageId, int number) {
    return sql.preparedQuery(VISIBLE_BEFORE)
        .execute(Tuple.of(pageId, number))
        .map(rows -> Optional.ofNullable(rows.iterator().next().getInteger(0)));
  }
}
