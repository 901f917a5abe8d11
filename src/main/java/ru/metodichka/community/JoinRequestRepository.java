package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.Person;
import ru.metodichka.db.DatabaseErrors;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/**
 * SQL for join requests: membership periods that start as {@code requested}. The unique index on a
 * user's current period in a community (requested or active) makes a second request, or a request
 * by a member, a conflict the database itself refuses.
 */
final class JoinRequestRepository {
  private static final String INSERT =
      """
      INSERT INTO memberships (community_id, user_id, role, status, requested_at, request_message,
                               changed_by)
      VALUES ($1, $2, 'member', 'requested', now(), $3, $2)
      RETURNING id
      """;
  private static final String SELECT =
      """
      SELECT m.id, c.slug AS community, c.name AS community_name, u.login, u.display_name,
             i.name AS institution, u.position, m.request_message, m.status, m.requested_at,
             CASE WHEN m.status = 'requested' THEN NULL
                  WHEN m.status IN ('rejected', 'withdrawn') THEN m.ended_at
                  ELSE m.started_at END AS decided_at,
             d.login AS decided_login, d.display_name AS decided_name,
             CASE WHEN m.status = 'rejected' THEN m.end_note END AS reason
        FROM memberships m
        JOIN communities c ON c.id = m.community_id
        JOIN users u ON u.id = m.user_id
        LEFT JOIN institutions i ON i.id = u.institution_id
        LEFT JOIN users d ON d.id = CASE WHEN m.status IN ('rejected', 'withdrawn')
                                         THEN m.ended_by
                                         WHEN m.status <> 'requested' THEN m.changed_by END
      """;
  private static final String PENDING =
      SELECT
          + " WHERE m.community_id = $1 AND m.status = 'requested' ORDER BY m.requested_at, m.id";
  // Requests a user made (requested_at is set only on rows that began as a request), newest first.
  private static final String OF_USER =
      SELECT + " WHERE m.user_id = $1 AND m.requested_at IS NOT NULL ORDER BY m.id DESC LIMIT $2";
  // The user's latest request to one community: what its page tells them.
  private static final String LATEST =
      SELECT
          + """
           WHERE m.user_id = $1 AND m.community_id = $2 AND m.requested_at IS NOT NULL
           ORDER BY m.id DESC LIMIT 1
          """;
  private static final String LOCK =
      """
      SELECT id, user_id FROM memberships
       WHERE id = $1 AND community_id = $2 AND status = 'requested'
         FOR UPDATE
      """;
  private static final String FIND = SELECT + " WHERE m.id = $1";
  private static final String APPROVE =
      """
      UPDATE memberships SET status = 'active', started_at = now(), changed_by = $2
       WHERE id = $1 AND status = 'requested'
      """;
  private static final String CLOSE =
      """
      UPDATE memberships SET status = $2, ended_at = now(), end_reason = $2, ended_by = $3,
                             changed_by = $3, end_note = $4
       WHERE id = $1 AND status = 'requested'
      """;
  // Pending requests in the active communities a moderator (or, with $1, an administrator)
  // decides on.
  private static final String DECIDES =
      """
       WHERE m.status = 'requested' AND c.status = 'active'
         AND ($1 OR EXISTS (SELECT 1 FROM memberships mod
                             WHERE mod.community_id = m.community_id AND mod.user_id = $2
                               AND mod.status = 'active' AND mod.role = 'moderator'))
      """;
  private static final String PENDING_FOR =
      "SELECT count(*) FROM memberships m JOIN communities c ON c.id = m.community_id" + DECIDES;
  private static final String WAITING_FOR = SELECT + DECIDES + " ORDER BY m.requested_at, m.id";

  /** Records a request; 409 when the user already is a member or has a request pending. */
  Future<Long> insert(SqlClient sql, long communityId, long userId, String message) {
    return sql.preparedQuery(INSERT)
        .execute(Tuple.of(communityId, userId, message))
        .recover(
            DatabaseErrors.uniqueViolation(() -> AppError.conflict("already_member_or_requested")))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<List<JoinRequest>> pending(SqlClient sql, long communityId) {
    return sql.preparedQuery(PENDING)
        .execute(Tuple.of(communityId))
        .map(rows -> Rows.list(rows, JoinRequestRepository::request));
  }

  Future<List<JoinRequest>> ofUser(SqlClient sql, long userId, int limit) {
    return sql.preparedQuery(OF_USER)
        .execute(Tuple.of(userId, limit))
        .map(rows -> Rows.list(rows, JoinRequestRepository::request));
  }

  Future<JoinRequest> find(SqlClient sql, long id) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, JoinRequestRepository::request).orElseThrow());
  }

  Future<Optional<JoinRequest>> latest(SqlClient sql, long userId, long communityId) {
    return sql.preparedQuery(LATEST)
        .execute(Tuple.of(userId, communityId))
        .map(rows -> Rows.first(rows, JoinRequestRepository::request));
  }

  /** The pending request's requester, locked until the transaction ends; empty when none. */
  Future<Optional<Long>> lockPending(SqlClient sql, long id, long communityId) {
    return sql.preparedQuery(LOCK)
        .execute(Tuple.of(id, communityId))
        .map(rows -> Rows.first(rows, r -> r.getLong("user_id")));
  }

  Future<Void> approve(SqlClient sql, long id, long decidedBy) {
    return sql.preparedQuery(APPROVE).execute(Tuple.of(id, decidedBy)).mapEmpty();
  }

  /** Rejects ({@code rejected}, with the reason) or withdraws ({@code withdrawn}) a request. */
  Future<Void> close(SqlClient sql, long id, String status, long decidedBy, String reason) {
    return sql.preparedQuery(CLOSE).execute(Tuple.of(id, status, decidedBy, reason)).mapEmpty();
  }

  /** How many requests wait for this moderator's (or administrator's) decision. */
  Future<Long> pendingFor(SqlClient sql, long userId, boolean admin) {
    return sql.preparedQuery(PENDING_FOR)
        .execute(Tuple.of(admin, userId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The requests waiting for this moderator's (or administrator's) decision, oldest first. */
  Future<List<JoinRequest>> waitingFor(SqlClient sql, long userId, boolean admin) {
    return sql.preparedQuery(WAITING_FOR)
        .execute(Tuple.of(admin, userId))
        .map(rows -> Rows.list(rows, JoinRequestRepository::request));
  }

  private static JoinRequest request(Row r) {
    String decided = r.getString("decided_login");
    return new JoinRequest(
        r.getLong("id"),
        r.getString("community"),
        r.getString("community_name"),
        new Person(r.getString("login"), r.getString("display_name")),
        r.getString("institution"),
        r.getString("position"),
        r.getString("request_message"),
        r.getString("status"),
        r.getOffsetDateTime("requested_at"),
        r.getOffsetDateTime("decided_at"),
        decided == null ? null : new Person(decided, r.getString("decided_name")),
        r.getString("reason"));
  }
}
