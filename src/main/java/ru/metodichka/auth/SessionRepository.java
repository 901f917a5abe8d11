package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;

/** SQL for login sessions. */
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
  // A week after a session ended or expired nobody needs it; failure counters outlive their window.
  private static final String PURGE_SESSIONS =
      """
      DELETE FROM sessions
       WHERE coalesce(ended_at, expires_at) < now() - interval '7 days'
      """;

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

  /** Deletes long-dead sessions; returns how many went. */
  Future<Integer> purge(SqlClient sql) {
    return sql.query(PURGE_SESSIONS).execute().map(rows -> rows.rowCount());
  }
}
