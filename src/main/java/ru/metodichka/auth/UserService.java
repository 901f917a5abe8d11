package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;

/** Creating accounts and reading one's own profile. */
public final class UserService {
  private final Pool pool;
  private final UserRepository users;
  private final PasswordHasher hasher;

  public UserService(Pool pool, UserRepository users, PasswordHasher hasher) {
    this.pool = pool;
    this.users = users;
    this.hasher = hasher;
  }

  /** Creates a local account (administrators only); 409 when the login is taken. */
  public Future<User> create(CurrentUser actor, NewUser user) {
    actor.requireAdmin();
    return hasher
        .hash(user.password())
        .compose(
            hash ->
                pool.withTransaction(
                    tx -> users.insert(tx, user, hash).compose(id -> users.findById(tx, id))));
  }

  /** Every account with its institution and flags, disabled ones included (administrators). */
  public Future<List<User>> list(CurrentUser actor) {
    actor.requireAdmin();
    return users.list(pool);
  }

  /** The caller's profile with the communities they belong to. */
  public Future<Profile> me(CurrentUser actor) {
    actor.requireLoggedIn();
    return users
        .findById(pool, actor.id())
        .compose(user -> users.memberships(pool, user.id()).map(list -> new Profile(user, list)));
  }

  /**
   * Creates user {@code admin} with this password, or resets its password and makes sure it is an
   * administrator. Used at start-up.
   */
  public Future<Void> ensureAdmin(String password) {
    return hasher
        .hash(password)
        .compose(hash -> pool.withTransaction(tx -> ensureAdmin(tx, password, hash)));
  }

  private Future<Void> ensureAdmin(SqlClient tx, String password, String hash) {
    return users
        .findByLogin(tx, "admin")
        .compose(
            existing -> {
              if (existing.isEmpty()) {
                return users.insert(tx, administrator(password), hash).mapEmpty();
              }
              long id = existing.get().id();
              return users.setPassword(tx, id, hash).compose(v -> users.makeAdmin(tx, id));
            });
  }

  /** Whether any account exists yet (the first start creates the administrator). */
  public Future<Boolean> anyUsers() {
    return users.count(pool).map(n -> n > 0);
  }

  private static NewUser administrator(String password) {
    return new NewUser("admin", password, "Администратор", null, null, null, true, true);
  }
}
