package ru.metodichka.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.community.Access;
import ru.metodichka.db.Rows;

/** SQL for ethics reports. */
final class ReportRepository {
  private static final String INSERT =
      """
      INSERT INTO reports (reporter_id, community_id, page_id, target_kind, revision, comment_id,
                           reason, text)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
      """;
  private static final String FIND = "SELECT " + Report.COLUMNS + Report.FROM + " WHERE rp.id = $1";
  private static final String LOCK = "SELECT id FROM reports WHERE id = $1 FOR UPDATE";
  // The reports of the communities the reader moderates ($1 admin, $2 user id), of one status
  // ($3, null: both), newest first.
  private static final String QUEUE =
      "SELECT "
          + Report.COLUMNS
          + Report.FROM
          + " WHERE "
          + Access.moderatorSql("rp.community_id", "$1", "$2")
          + " AND ($3::text IS NULL OR rp.status = $3)"
          + " ORDER BY rp.id DESC LIMIT $4";
  private static final String MINE =
      "SELECT "
          + Report.COLUMNS
          + Report.FROM
          + " WHERE rp.reporter_id = $1 ORDER BY rp.id DESC LIMIT $2";
  private static final String RESOLVE =
      """
      UPDATE reports SET status = 'resolved', action = $2, note = $3, resolved_by = $4,
                         resolved_at = clock_timestamp()
       WHERE id = $1 AND status = 'open'
      """;

  Future<Long> insert(
      SqlClient sql,
      long reporterId,
      long communityId,
      long pageId,
      ReportTarget target,
      String reason,
      String text) {
    Object[] values = {
      reporterId,
      communityId,
      pageId,
      target.kind(),
      target.revision(),
      target.comment(),
      reason,
      text
    };
    return sql.preparedQuery(INSERT)
        .execute(Tuple.from(values))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Optional<Report>> find(SqlClient sql, long id) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, Report::from));
  }

  /** Locks the report's row until the transaction ends; false when there is no such report. */
  Future<Boolean> lock(SqlClient sql, long id) {
    return sql.preparedQuery(LOCK).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }

  Future<List<Report>> queue(SqlClient sql, boolean admin, long userId, String status, int limit) {
    return sql.preparedQuery(QUEUE)
        .execute(Tuple.of(admin, userId, status, limit))
        .map(rows -> Rows.list(rows, Report::from));
  }

  Future<List<Report>> mine(SqlClient sql, long userId, int limit) {
    return sql.preparedQuery(MINE)
        .execute(Tuple.of(userId, limit))
        .map(rows -> Rows.list(rows, Report::from));
  }

  Future<Void> resolve(SqlClient sql, long id, String action, String note, long userId) {
    return sql.preparedQuery(RESOLVE).execute(Tuple.of(id, action, note, userId)).mapEmpty();
  }
}
