package ru.metodichka.page.history;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;

/** SQL for history listings: a page's revisions without their text, newest first. */
final class HistoryRepository {
  // delta is computed over the whole history before paging, so the oldest row on a page is right.
  private static final String LIST =
      """
      SELECT * FROM (
        SELECT r.number, u.login, u.display_name, r.created_at, r.summary, r.size, r.merged,
               r.reverted_from, r.resolved_conflict_with,
               EXISTS (SELECT 1 FROM revision_hidings hid
                        WHERE hid.page_id = r.page_id AND hid.revision = r.number) AS hidden,
               r.size - lag(r.size, 1, 0) OVER (ORDER BY r.number) AS delta
          FROM revisions r JOIN users u ON u.id = r.author_id
         WHERE r.page_id = $1) h
       WHERE h.number < $2
       ORDER BY h.number DESC
       LIMIT $3
      """;

  /** Newest first, revisions numbered below {@code before}. */
  Future<List<RevisionEntry>> list(SqlClient sql, long pageId, int before, int limit) {
    return sql.preparedQuery(LIST)
        .execute(Tuple.of(pageId, before, limit))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new RevisionEntry(
                            r.getInteger("number"),
                            new Person(r.getString("login"), r.getString("display_name")),
                            r.getOffsetDateTime("created_at"),
                            r.getString("summary"),
                            r.getInteger("size"),
                            r.getInteger("delta"),
                            r.getBoolean("merged"),
                            r.getInteger("reverted_from"),
                            r.getInteger("resolved_conflict_with"),
                            r.getBoolean("hidden"))));
  }
}
