package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.error.AppError;

/** Creating accounts and reading one's own profile. */
public final class UserService {
  private static final String ADMIN = "admin";
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
   * Creates user {@code admin}, an administrator with this password, unless an account of that name
   * exists; true when this call created it. Used at start-up: of several nodes starting at once,
   * one creates it and the others find it.
   */
  public Future<Boolean> createAdmin(String password) {
    return users
        .findByLogin(pool, ADMIN)
        .compose(
            found -> found.isPresent() ? Future.succeededFuture(false) : insertAdmin(password));
  }

  private Future<Boolean> insertAdmin(String password) {
    return hasher
        .hash(password)
        .compose(
            hash -> pool.withTransaction(tx -> users.insert(tx, administrator(password), hash)))
        .map(id -> true)
        // Another node inserted it between our look and our insert: it exists, as wanted.
        .recover(
            e ->
                e instanceof AppError error && error.status() == 409
                    ? Future.succeededFuture(false)
                    : Future.failedFuture(e));
  }

  /**
   * Gives user {@code admin} this password and makes it an administrator again, creating it if
   * needed. Used at start-up when the configuration asks for a reset.
   */
  public Future<Void> resetAdmin(String password) {
    return createAdmin(password)
        .compose(created -> created ? Future.succeededFuture() : updateAdmin(password));
  }

  private Future<Void> updateAdmin(String password) {
    return hasher
        .hash(password)
        .compose(
            hash ->
                pool.withTransaction(
                    tx ->
                        users
                            .findByLogin(tx, ADMIN)
                            .compose(
                                admin -> {
                                  long id = admin.orElseThrow().id();
                                  return users
                                      .setPassword(tx, id, hash)
                                      .compose(v -> users.makeAdmin(tx, id));
                                })));
  }

  /** Whether any account exists yet (the first start creates the administrator). */
  public Future<Boolean> anyUsers() {
    return users.count(pool).map(n -> n > 0);
  }

  private static NewUser administrator(String password) {
    return new NewUser(ADMIN, password, "Администратор", null, null, null, true, true);
  }
}
