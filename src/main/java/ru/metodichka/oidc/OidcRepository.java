package ru.metodichka.oidc;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import ru.metodichka.db.DatabaseErrors;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/** SQL for sign-ins through an OpenID Connect provider. */
final class OidcRepository {
  private static final String INSERT_REQUEST =
      """
      INSERT INTO oidc_requests (state_hash, nonce, code_verifier, redirect_uri, back, expires_at)
      VALUES ($1, $2, $3, $4, $5, $6)
      """;
  // Consumed by the first callback that names it: a state (and with it the code) is good once.
  private static final String TAKE_REQUEST =
      """
      DELETE FROM oidc_requests WHERE state_hash = $1
      RETURNING nonce, code_verifier, redirect_uri, back, expires_at > now() AS live
      """;
  private static final String PURGE_REQUESTS =
      "DELETE FROM oidc_requests WHERE expires_at < now() - interval '1 hour'";
  private static final String FIND_IDENTITY =
      "SELECT user_id FROM external_identities WHERE issuer = $1 AND subject = $2";
  private static final String INSERT_IDENTITY =
      "INSERT INTO external_identities (issuer, subject, user_id) VALUES ($1, $2, $3)";
  private static final String TAKEN_LOGINS =
      """
      SELECT login_key FROM users
       WHERE login_key = $1 OR login_key LIKE replace(replace($1, '_', '\\_'), '%', '\\%') || '-%'
      """;
  private static final String UPSERT_INSTITUTION =
      """
      INSERT INTO institutions (name) VALUES ($1)
      ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
      RETURNING id
      """;
  private static final String INSERT_USER =
      """
      INSERT INTO users (login, login_key, display_name, email, institution_id, position,
                         auth_source)
      VALUES ($1, $2, $3, $4, $5, $6, 'oidc')
      RETURNING id
      """;
  // What the provider says at each sign-in: rights always, the rest when it says anything.
  private static final String UPDATE_USER =
      """
      UPDATE users SET is_admin = $2, is_methodist = $3,
             display_name = coalesce($4, display_name), email = coalesce($5, email),
             institution_id = coalesce($6, institution_id), position = coalesce($7, position)
       WHERE id = $1
      RETURNING disabled_at IS NOT NULL AS disabled
      """;
  private static final String INSERT_SESSION =
      """
      INSERT INTO oidc_sessions (token_hash, issuer, subject, sid, id_token)
      VALUES ($1, $2, $3, $4, $5)
      """;
  private static final String ID_TOKEN =
      """
      SELECT o.id_token FROM oidc_sessions o JOIN sessions s ON s.token_hash = o.token_hash
       WHERE o.token_hash = $1
      """;
  private static final String END_BY_SID =
      """
      UPDATE sessions SET ended_at = now()
       WHERE ended_at IS NULL
         AND token_hash IN (SELECT token_hash FROM oidc_sessions WHERE issuer = $1 AND sid = $2)
      """;
  private static final String END_BY_SUBJECT =
      """
      UPDATE sessions SET ended_at = now()
       WHERE ended_at IS NULL
         AND token_hash IN (SELECT token_hash FROM oidc_sessions WHERE issuer = $1 AND subject = $2)
      """;

  record Request(
      String nonce, String codeVerifier, String redirectUri, String back, boolean live) {}

  Future<Void> insertRequest(
      SqlClient sql,
      byte[] stateHash,
      String nonce,
      String verifier,
      String redirectUri,
      String back,
      OffsetDateTime expires) {
    return sql.preparedQuery(INSERT_REQUEST)
        .execute(Tuple.of(stateHash, nonce, verifier, redirectUri, back, expires))
        .mapEmpty();
  }

  Future<Optional<Request>> takeRequest(SqlClient sql, byte[] stateHash) {
    return sql.preparedQuery(TAKE_REQUEST)
        .execute(Tuple.of(stateHash))
        .map(
            rows ->
                Rows.first(
                    rows,
                    r ->
                        new Request(
                            r.getString("nonce"),
                            r.getString("code_verifier"),
                            r.getString("redirect_uri"),
                            r.getString("back"),
                            r.getBoolean("live"))));
  }

  Future<Integer> purgeRequests(SqlClient sql) {
    return sql.query(PURGE_REQUESTS).execute().map(rows -> rows.rowCount());
  }

  Future<Optional<Long>> findIdentity(SqlClient sql, String issuer, String subject) {
    return sql.preparedQuery(FIND_IDENTITY)
        .execute(Tuple.of(issuer, subject))
        .map(rows -> Rows.first(rows, r -> r.getLong("user_id")));
  }

  /** Links the identity to the user; 409 when it is linked already (to anyone). */
  Future<Void> insertIdentity(SqlClient sql, String issuer, String subject, long userId) {
    return sql.preparedQuery(INSERT_IDENTITY)
        .execute(Tuple.of(issuer, subject, userId))
        .recover(
            e ->
                Future.failedFuture(
                    DatabaseErrors.isUniqueViolation(e)
                        ? AppError.conflict("identity_linked", subject)
                        : e))
        .mapEmpty();
  }

  /** Logins (keys) equal to {@code base} or of the form {@code base-…}. */
  Future<Set<String>> takenLogins(SqlClient sql, String baseKey) {
    return sql.preparedQuery(TAKEN_LOGINS)
        .execute(Tuple.of(baseKey))
        .map(
            rows -> {
              Set<String> taken = new HashSet<>();
              rows.forEach(r -> taken.add(r.getString(0)));
              return taken;
            });
  }

  Future<Long> institutionId(SqlClient sql, String institution) {
    if (institution == null) {
      return Future.succeededFuture(null);
    }
    return sql.preparedQuery(UPSERT_INSTITUTION)
        .execute(Tuple.of(institution))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Long> insertUser(
      SqlClient sql,
      String login,
      String loginKey,
      String name,
      String email,
      Long institutionId,
      String position) {
    return sql.preparedQuery(INSERT_USER)
        .execute(Tuple.of(login, loginKey, name, email, institutionId, position))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Applies what the provider says; true when the account is disabled. */
  Future<Boolean> updateUser(
      SqlClient sql,
      long id,
      boolean admin,
      boolean methodist,
      String name,
      String email,
      Long institutionId,
      String position) {
    return sql.preparedQuery(UPDATE_USER)
        .execute(
            Tuple.from(new Object[] {id, admin, methodist, name, email, institutionId, position}))
        .map(rows -> rows.iterator().next().getBoolean("disabled"));
  }

  Future<Void> insertSession(
      SqlClient sql, byte[] tokenHash, String issuer, String subject, String sid, String idToken) {
    return sql.preparedQuery(INSERT_SESSION)
        .execute(Tuple.of(tokenHash, issuer, subject, sid, idToken))
        .mapEmpty();
  }

  Future<Optional<String>> idToken(SqlClient sql, byte[] tokenHash) {
    return sql.preparedQuery(ID_TOKEN)
        .execute(Tuple.of(tokenHash))
        .map(rows -> Rows.first(rows, r -> r.getString("id_token")));
  }

  /** Ends the live sessions of a provider session (sid) or, without one, of a subject. */
  Future<Integer> endSessions(SqlClient sql, String issuer, String sid, String subject) {
    String query = sid != null ? END_BY_SID : END_BY_SUBJECT;
    return sql.preparedQuery(query)
        .execute(Tuple.of(issuer, sid != null ? sid : subject))
        .map(rows -> rows.rowCount());
  }
}
