package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.error.AppError;

/**
 * Logging in and out, and finding the user behind a session token. Repeated failures for one login
 * are slowed down: from the third failure on, each attempt waits longer before an answer.
 */
public final class AuthService {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  private static final int FREE_FAILURES = 3;
  private static final long FIRST_DELAY_MS = 500;
  private static final long MAX_DELAY_MS = 10_000;

  private final Vertx vertx;
  private final Pool pool;
  private final UserRepository users;
  private final SessionRepository sessions = new SessionRepository();
  private final PasswordHasher hasher;
  private final Duration sessionTtl;

  public AuthService(
      Vertx vertx, Pool pool, UserRepository users, PasswordHasher hasher, Duration sessionTtl) {
    this.vertx = vertx;
    this.pool = pool;
    this.users = users;
    this.hasher = hasher;
    this.sessionTtl = sessionTtl;
  }

  /** A new session for correct credentials; 401 otherwise. The previous session, if any, ends. */
  public Future<Login> login(String login, String password, String previousToken) {
    String key = NewUser.loginKey(login);
    return sessions
        .recentFailures(pool, key)
        .compose(failures -> delay(failures))
        .compose(v -> users.findCredentials(pool, login))
        .compose(credentials -> verified(credentials, password))
        .compose(
            userId ->
                userId.isPresent()
                    ? startSession(userId.get(), key, previousToken)
                    : rejected(key));
  }

  /**
   * The user's id when the password matches. An unknown login costs as much time as a known one.
   */
  private Future<Optional<Long>> verified(
      Optional<UserRepository.Credentials> credentials, String password) {
    String hash = credentials.map(UserRepository.Credentials::passwordHash).orElse(null);
    return hasher
        .verify(password, hash)
        .map(ok -> ok ? credentials.map(UserRepository.Credentials::userId) : Optional.empty());
  }

  private Future<Void> delay(int failures) {
    if (failures < FREE_FAILURES) {
      return Future.succeededFuture();
    }
    long ms = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(failures - FREE_FAILURES, 16));
    return vertx.timer(ms).mapEmpty();
  }

  private Future<Login> rejected(String key) {
    LOG.info("Failed login for '{}'", key);
    return sessions
        .recordFailure(pool, key)
        .transform(ar -> Future.failedFuture(AppError.unauthorized("invalid_credentials")));
  }

  private Future<Login> startSession(long userId, String key, String previousToken) {
    String token = SessionTokens.newToken();
    OffsetDateTime expires = OffsetDateTime.now().plus(sessionTtl);
    return pool.withTransaction(
            tx ->
                endIfPresent(tx, previousToken)
                    .compose(v -> sessions.insert(tx, SessionTokens.hash(token), userId, expires))
                    .compose(v -> sessions.clearFailures(tx, key))
                    .compose(v -> users.findById(tx, userId)))
        .map(user -> new Login(token, user, sessionTtl));
  }

  private Future<Void> endIfPresent(io.vertx.sqlclient.SqlClient sql, String token) {
    return token == null ? Future.succeededFuture() : sessions.end(sql, SessionTokens.hash(token));
  }

  /** Ends the session on the server, so the token stops working on every node. */
  public Future<Void> logout(String token) {
    return token == null ? Future.succeededFuture() : sessions.end(pool, SessionTokens.hash(token));
  }

  /** The user of a live session, or empty for an unknown, ended or expired token. */
  public Future<Optional<CurrentUser>> resolve(String token) {
    return sessions.findUser(pool, SessionTokens.hash(token));
  }

  /** Deletes sessions dead for a week and login failure counters older than a day. */
  public Future<Integer> purgeExpired() {
    return sessions.purge(pool);
  }

  /** A started session. */
  public record Login(String token, User user, Duration ttl) {}
}
