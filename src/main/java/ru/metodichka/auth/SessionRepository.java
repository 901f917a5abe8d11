package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;

/** SQL for login sessions and for the failed-login counter. */
final class SessionRepository {
  private static final String INSERT =
      "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)";
  private static final String FIND_USER =
      """
      SELECT u.id, u.login, u.display_name, u.is_admin
        FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
         AND u.disabled_at IS NULL
      """;
  private static final String END = "UPDATE sessions SET ended_at = now() WHERE token_hash = $1";
  // Failures older than the window no longer count: a forgotten password is not punished forever.
  private static final String RECENT_FAILURES =
      """
      SELECT failures FROM login_failures
       WHERE login_key = $1 AND last_failure_at > now() - interval '15 minutes'
      """;
  private static final String RECORD_FAILURE =
      """
      INSERT INTO login_failures (login_key, failures, last_failure_at) VALUES ($1, 1, now())
      ON CONFLICT (login_key) DO UPDATE SET
        failures = CASE WHEN login_failures.last_failure_at > now() - interval '15 minutes'
                        THEN login_failures.failures + 1 ELSE 1 END,
        last_failure_at = now()
      """;
  private static final String CLEAR_FAILURES = "DELETE FROM login_failures WHERE login_key = $1";
  // A week after a session ended or expired nobody needs it; failure counters outlive their window.
  private static final String PURGE_SESSIONS =
      """
      DELETE FROM sessions
       WHERE coalesce(ended_at, expires_at) < now() - interval '7 days'
      """;
  private static final String PURGE_FAILURES =
      "DELETE FROM login_failures WHERE last_failure_at < now() - interval '1 day'";

  Future<Void> insert(SqlClient sql, byte[] tokenHash, long userId, OffsetDateTime expiresAt) {
    return sql.preparedQuery(INSERT).execute(Tuple.of(tokenHash, userId, expiresAt)).mapEmpty();
  }

  Future<Optional<CurrentUser>> findUser(SqlClient sql, byte[] tokenHash) {
    return sql.preparedQuery(FIND_USER)
        .execute(Tuple.of(tokenHash))
        .map(
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                return Optional.empty();
              }
              var r = it.next();
              return Optional.of(
                  new CurrentUser(
                      r.getLong("id"),
                      r.getString("login"),
                      r.getString("display_name"),
                      r.getBoolean("is_admin")));
            });
  }

  Future<Void> end(SqlClient sql, byte[] tokenHash) {
    return sql.preparedQuery(END).execute(Tuple.of(tokenHash)).mapEmpty();
  }

  Future<Integer> recentFailures(SqlClient sql, String loginKey) {
    return sql.preparedQuery(RECENT_FAILURES)
        .execute(Tuple.of(loginKey))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getInteger(0) : 0);
  }

  Future<Void> recordFailure(SqlClient sql, String loginKey) {
    return sql.preparedQuery(RECORD_FAILURE).execute(Tuple.of(loginKey)).mapEmpty();
  }

  /** Deletes long-dead sessions and stale failure counters; returns how many rows went. */
  Future<Integer> purge(SqlClient sql) {
    return sql.query(PURGE_SESSIONS)
        .execute()
        .compose(
            sessions ->
                sql.query(PURGE_FAILURES)
                    .execute()
                    .map(failures -> sessions.rowCount() + failures.rowCount()));
  }

  Future<Void> clearFailures(SqlClient sql, String loginKey) {
    return sql.preparedQuery(CLEAR_FAILURES).execute(Tuple.of(loginKey)).mapEmpty();
  }
}
