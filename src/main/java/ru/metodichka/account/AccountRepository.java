package ru.metodichka.account;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ru.metodichka.db.Rows;

/** SQL for managing accounts: changes, their record, sessions to end, reset links, imports. */
final class AccountRepository {
  private static final String LOCK_USER =
      """
      SELECT u.id, u.login, u.display_name, u.email, u.institution_id, u.position,
             u.is_admin, u.is_methodist, u.disabled_at IS NOT NULL AS disabled, u.auth_source
        FROM users u WHERE u.login_key = $1 FOR UPDATE
      """;
  private static final String UPDATE_USER =
      """
      UPDATE users SET display_name = $2, email = $3, institution_id = $4, position = $5,
                       is_admin = $6, is_methodist = $7,
                       disabled_at = CASE WHEN $8 THEN coalesce(disabled_at, now()) END
       WHERE id = $1
      """;
  private static final String INSERT_EVENT =
      "INSERT INTO account_events (user_id, actor_id, kind, detail) VALUES ($1, $2, $3, $4)";
  private static final String EVENTS_OF =
      """
      SELECT a.login AS actor, e.kind, e.detail, e.created_at
        FROM account_events e LEFT JOIN users a ON a.id = e.actor_id
       WHERE e.user_id = $1
       ORDER BY e.id DESC
       LIMIT 200
      """;
  // The session a request came with may stay (changing one's own password); null ends them all.
  private static final String END_SESSIONS =
      """
      UPDATE sessions SET ended_at = now()
       WHERE user_id = $1 AND ended_at IS NULL AND token_hash IS DISTINCT FROM $2
      """;
  private static final String MODERATES =
      """
      SELECT c.name FROM memberships m JOIN communities c ON c.id = m.community_id
       WHERE m.user_id = $1 AND m.status = 'active' AND m.role = 'moderator'
       ORDER BY c.name
      """;
  private static final String INSTITUTIONS =
      "SELECT id, name, short_name FROM institutions ORDER BY id";
  private static final String TAKEN_LOGINS =
      "SELECT login_key FROM users WHERE login_key = ANY($1)";
  private static final String TAKEN_INSTITUTIONS =
      "SELECT name FROM institutions WHERE name = ANY($1)";
  private static final String INSERT_USER =
      """
      INSERT INTO users (login, login_key, display_name, email, institution_id, position,
                         is_admin, is_methodist, auth_source)
      VALUES ($1, $2, $3, $4, $5, $6, false, $7, 'local')
      RETURNING id
      """;
  private static final String INSERT_INSTITUTION =
      "INSERT INTO institutions (name, short_name, kind) VALUES ($1, $2, $3)";
  // A new link voids the person's older unused ones: only the latest works.
  private static final String VOID_RESETS =
      "UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL";
  private static final String INSERT_RESET =
      """
      INSERT INTO password_resets (token_hash, user_id, created_by, expires_at)
      VALUES ($1, $2, $3, $4)
      """;
  private static final String FIND_RESET =
      """
      SELECT u.id, u.login, u.display_name
        FROM password_resets r JOIN users u ON u.id = r.user_id
       WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now()
         AND u.disabled_at IS NULL
      """;
  private static final String USE_RESET =
      """
      UPDATE password_resets r SET used_at = now()
        FROM users u
       WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now()
         AND u.id = r.user_id AND u.disabled_at IS NULL
      RETURNING u.id, u.login, u.display_name
      """;

  /** An account as a change sees it, locked until the transaction ends. */
  record Locked(
      long id,
      String login,
      String name,
      String email,
      Long institutionId,
      String position,
      boolean admin,
      boolean methodist,
      boolean disabled,
      String authSource) {}

  /** The person a live reset link is for. */
  record ResetOwner(long userId, String login, String name) {}

  /** An institution as imports match it: by its name or short name. */
  record InstitutionName(long id, String name, String shortName) {}

  Future<Optional<Locked>> lock(SqlClient sql, String loginKey) {
    return sql.preparedQuery(LOCK_USER)
        .execute(Tuple.of(loginKey))
        .map(
            rows ->
                Rows.first(
                    rows,
                    r ->
                        new Locked(
                            r.getLong("id"),
                            r.getString("login"),
                            r.getString("display_name"),
                            r.getString("email"),
                            r.getLong("institution_id"),
                            r.getString("position"),
                            r.getBoolean("is_admin"),
                            r.getBoolean("is_methodist"),
                            r.getBoolean("disabled"),
                            r.getString("auth_source"))));
  }

  Future<Void> update(SqlClient sql, Locked u) {
    return sql.preparedQuery(UPDATE_USER)
        .execute(
            Tuple.from(
                new Object[] {
                  u.id(),
                  u.name(),
                  u.email(),
                  u.institutionId(),
                  u.position(),
                  u.admin(),
                  u.methodist(),
                  u.disabled()
                }))
        .mapEmpty();
  }

  Future<Void> event(SqlClient sql, long userId, Long actorId, String kind, String detail) {
    return sql.preparedQuery(INSERT_EVENT)
        .execute(Tuple.of(userId, actorId, kind, detail))
        .mapEmpty();
  }

  Future<List<AccountEvent>> events(SqlClient sql, long userId) {
    return sql.preparedQuery(EVENTS_OF)
        .execute(Tuple.of(userId))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new AccountEvent(
                            r.getString("actor"),
                            r.getString("kind"),
                            r.getString("detail"),
                            r.getOffsetDateTime("created_at"))));
  }

  /** Ends the user's live sessions but {@code keepTokenHash} (null: all); returns how many. */
  Future<Integer> endSessions(SqlClient sql, long userId, byte[] keepTokenHash) {
    return sql.preparedQuery(END_SESSIONS)
        .execute(Tuple.of(userId, keepTokenHash))
        .map(rows -> rows.rowCount());
  }

  /** The names of the communities the user moderates now. */
  Future<List<String>> moderates(SqlClient sql, long userId) {
    return sql.preparedQuery(MODERATES)
        .execute(Tuple.of(userId))
        .map(rows -> Rows.list(rows, r -> r.getString("name")));
  }

  Future<List<InstitutionName>> institutions(SqlClient sql) {
    return sql.query(INSTITUTIONS)
        .execute()
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new InstitutionName(
                            r.getLong("id"), r.getString("name"), r.getString("short_name"))));
  }

  /** Which of these login keys belong to an account already. */
  Future<Set<String>> takenLogins(SqlClient sql, List<String> loginKeys) {
    return sql.preparedQuery(TAKEN_LOGINS)
        .execute(Tuple.of(loginKeys.toArray(String[]::new)))
        .map(rows -> Rows.list(rows, r -> r.getString(0)).stream().collect(Collectors.toSet()));
  }

  /** Which of these institution names exist already. */
  Future<Set<String>> takenInstitutions(SqlClient sql, List<String> names) {
    return sql.preparedQuery(TAKEN_INSTITUTIONS)
        .execute(Tuple.of(names.toArray(String[]::new)))
        .map(rows -> Rows.list(rows, r -> r.getString(0)).stream().collect(Collectors.toSet()));
  }

  /** A local account without a password (its owner sets one through a reset link). */
  Future<Long> insertUser(SqlClient sql, ImportedUser user, String loginKey, Long institutionId) {
    return sql.preparedQuery(INSERT_USER)
        .execute(
            Tuple.from(
                new Object[] {
                  user.login(),
                  loginKey,
                  user.name(),
                  user.email(),
                  institutionId,
                  user.position(),
                  user.methodist()
                }))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> insertInstitution(SqlClient sql, ImportedInstitution institution) {
    return sql.preparedQuery(INSERT_INSTITUTION)
        .execute(Tuple.of(institution.name(), institution.shortName(), institution.kind()))
        .mapEmpty();
  }

  Future<Void> insertReset(
      SqlClient sql, byte[] tokenHash, long userId, long actorId, OffsetDateTime expires) {
    return sql.preparedQuery(VOID_RESETS)
        .execute(Tuple.of(userId))
        .compose(
            v ->
                sql.preparedQuery(INSERT_RESET)
                    .execute(Tuple.of(tokenHash, userId, actorId, expires)))
        .mapEmpty();
  }

  /** Whom a live link is for, without using it. */
  Future<Optional<ResetOwner>> findReset(SqlClient sql, byte[] tokenHash) {
    return sql.preparedQuery(FIND_RESET)
        .execute(Tuple.of(tokenHash))
        .map(rows -> Rows.first(rows, AccountRepository::owner));
  }

  /** Uses a live link up (atomically: of two uses at once, one wins); whom it was for. */
  Future<Optional<ResetOwner>> useReset(SqlClient sql, byte[] tokenHash) {
    return sql.preparedQuery(USE_RESET)
        .execute(Tuple.of(tokenHash))
        .map(rows -> Rows.first(rows, AccountRepository::owner));
  }

  private static ResetOwner owner(io.vertx.sqlclient.Row r) {
    return new ResetOwner(r.getLong("id"), r.getString("login"), r.getString("display_name"));
  }

  /** Institution ids by every name and short name they answer to (names win over short names). */
  static Map<String, Long> byName(List<InstitutionName> institutions) {
    Map<String, Long> ids = new HashMap<>();
    for (InstitutionName i : institutions) {
      if (i.shortName() != null) {
        ids.putIfAbsent(i.shortName().strip(), i.id());
      }
    }
    for (InstitutionName i : institutions) {
      ids.put(i.name().strip(), i.id());
    }
    return ids;
  }
}
