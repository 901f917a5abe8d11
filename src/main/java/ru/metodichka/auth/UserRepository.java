package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.db.DatabaseErrors;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/** SQL for users, their local credentials and institutions. */
public final class UserRepository {
  private static final String SELECT_USER =
      """
      SELECT u.id, u.login, u.display_name, u.email, i.name AS institution, u.position,
             u.is_admin, u.is_methodist, u.auth_source, u.created_at, u.disabled_at
        FROM users u LEFT JOIN institutions i ON i.id = u.institution_id
      """;
  private static final String FIND_BY_LOGIN = SELECT_USER + " WHERE u.login_key = $1";
  private static final String FIND_BY_ID = SELECT_USER + " WHERE u.id = $1";
  private static final String UPSERT_INSTITUTION =
      """
      INSERT INTO institutions (name) VALUES ($1)
      ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
      RETURNING id
      """;
  private static final String INSERT_USER =
      """
      INSERT INTO users (login, login_key, display_name, email, institution_id, position,
                         is_admin, is_methodist, auth_source)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'local')
      RETURNING id
      """;
  private static final String UPSERT_PASSWORD =
      """
      INSERT INTO local_credentials (user_id, password_hash) VALUES ($1, $2)
      ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, changed_at = now()
      """;
  private static final String FIND_CREDENTIALS =
      """
      SELECT u.id, c.password_hash, u.disabled_at IS NOT NULL AS disabled
        FROM users u JOIN local_credentials c ON c.user_id = u.id
       WHERE u.login_key = $1
      """;
  private static final String LIST = SELECT_USER + " ORDER BY u.display_name, u.login_key";
  private static final String COUNT_USERS = "SELECT count(*) FROM users";
  private static final String MAKE_ADMIN = "UPDATE users SET is_admin = true WHERE id = $1";
  private static final String MEMBERSHIPS_OF =
      """
      SELECT c.slug, c.name, m.role, m.started_at
        FROM memberships m JOIN communities c ON c.id = m.community_id
       WHERE m.user_id = $1 AND m.status = 'active'
       ORDER BY c.name
      """;

  public Future<Optional<User>> findByLogin(SqlClient sql, String login) {
    if (login.length() > 64 || login.indexOf('\u0000') >= 0) {
      return Future.succeededFuture(Optional.empty());
    }
    return sql.preparedQuery(FIND_BY_LOGIN)
        .execute(Tuple.of(NewUser.loginKey(login)))
        .map(rows -> Rows.first(rows, User::from));
  }

  public Future<User> findById(SqlClient sql, long id) {
    return sql.preparedQuery(FIND_BY_ID)
        .execute(Tuple.of(id))
        .map(
            rows ->
                Rows.first(rows, User::from)
                    .orElseThrow(() -> AppError.notFound("user_not_found", id)));
  }

  /** Inserts the user and its password hash; 409 when the login is taken. Call in a transaction. */
  public Future<Long> insert(SqlClient sql, NewUser user, String passwordHash) {
    return institutionId(sql, user.institution())
        .compose(
            institutionId ->
                sql.preparedQuery(INSERT_USER)
                    .execute(
                        Tuple.from(
                            new Object[] {
                              user.login(),
                              NewUser.loginKey(user.login()),
                              user.name(),
                              user.email(),
                              institutionId,
                              user.position(),
                              user.admin(),
                              user.methodist()
                            })))
        .recover(e -> Future.failedFuture(translate(e, user.login())))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> setPassword(sql, id, passwordHash).map(id));
  }

  public Future<Void> setPassword(SqlClient sql, long userId, String passwordHash) {
    return sql.preparedQuery(UPSERT_PASSWORD).execute(Tuple.of(userId, passwordHash)).mapEmpty();
  }

  public Future<Void> makeAdmin(SqlClient sql, long userId) {
    return sql.preparedQuery(MAKE_ADMIN).execute(Tuple.of(userId)).mapEmpty();
  }

  /**
   * The user id and password hash of a local account, and whether it is disabled (a disabled
   * account is refused only after its password matched, so the refusal tells a guesser nothing).
   */
  public Future<Optional<Credentials>> findCredentials(SqlClient sql, String login) {
    return sql.preparedQuery(FIND_CREDENTIALS)
        .execute(Tuple.of(NewUser.loginKey(login)))
        .map(
            rows ->
                Rows.first(
                    rows,
                    r ->
                        new Credentials(
                            r.getLong("id"),
                            r.getString("password_hash"),
                            r.getBoolean("disabled"))));
  }

  /** Every account, enabled or not, by name: what administrators see. */
  public Future<List<User>> list(SqlClient sql) {
    return sql.query(LIST).execute().map(rows -> Rows.list(rows, User::from));
  }

  public Future<Long> count(SqlClient sql) {
    return sql.query(COUNT_USERS).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** The user's active memberships. */
  public Future<List<UserMembership>> memberships(SqlClient sql, long userId) {
    return sql.preparedQuery(MEMBERSHIPS_OF)
        .execute(Tuple.of(userId))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new UserMembership(
                            r.getString("slug"),
                            r.getString("name"),
                            r.getString("role"),
                            r.getOffsetDateTime("started_at"))));
  }

  private Future<Long> institutionId(SqlClient sql, String institution) {
    if (institution == null) {
      return Future.succeededFuture(null);
    }
    return sql.preparedQuery(UPSERT_INSTITUTION)
        .execute(Tuple.of(institution))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  private static Throwable translate(Throwable e, String login) {
    if (DatabaseErrors.isUniqueViolation(e)) {
      return AppError.conflict("login_taken", login);
    }
    return e;
  }

  /** A local account's id and password hash, and whether an administrator disabled it. */
  public record Credentials(long userId, String passwordHash, boolean disabled) {}
}
