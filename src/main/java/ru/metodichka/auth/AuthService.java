package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.error.AppError;

/**
 * Logging in and out, and finding the user behind a session token. Failed logins are limited by
 * {@link LoginThrottle}: per login, per client address, and per trusted browser.
 */
public final class AuthService {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

  private final Pool pool;
  private final UserRepository users;
  private final SessionRepository sessions = new SessionRepository();
  private final PasswordHasher hasher;
  private final Duration sessionTtl;
  private final TrustedDevices devices;
  private final LoginThrottle throttle;

  public AuthService(
      Pool pool,
      UserRepository users,
      PasswordHasher hasher,
      Duration sessionTtl,
      TrustedDevices devices) {
    this.pool = pool;
    this.users = users;
    this.hasher = hasher;
    this.sessionTtl = sessionTtl;
    this.devices = devices;
    this.throttle = new LoginThrottle(pool);
  }

  /**
   * A new session for correct credentials; 401 otherwise, 429 when a throttling budget is spent
   * (the password is then not checked). The previous session, if any, ends.
   */
  public Future<Login> login(LoginAttempt attempt) {
    String key = NewUser.loginKey(attempt.login());
    Optional<String> device = devices.deviceId(key, attempt.deviceCookie());
    List<String> buckets = LoginThrottle.buckets(key, attempt.address(), device);
    return throttle
        .reserve(buckets)
        .compose(v -> users.findCredentials(pool, attempt.login()))
        .compose(
            credentials ->
                verified(credentials, attempt.password())
                    .map(ok -> ok ? credentials : Optional.<UserRepository.Credentials>empty()))
        .compose(
            matched -> {
              Optional<Long> userId = matched.map(UserRepository.Credentials::userId);
              if (userId.isEmpty()) {
                // The attempt stays counted: that is what a failure costs.
                LOG.info("Failed login for '{}' from {}", key, attempt.address().getHostAddress());
                return Future.failedFuture(AppError.unauthorized("invalid_credentials"));
              }
              if (matched.get().disabled()) {
                // The right password: no guess, so the attempt is taken back; but no session.
                LOG.info("Refused login of disabled account '{}'", key);
                return throttle
                    .release(buckets)
                    .compose(v -> Future.failedFuture(AppError.forbidden("account_disabled")));
              }
              return throttle
                  .release(buckets)
                  .compose(released -> startSession(userId.get(), attempt.previousToken()))
                  .map(started -> started.withDevice(devices.cookieFor(key, device)));
            });
  }

  /** Whether the password matches. An unknown login costs as much time as a known one. */
  private Future<Boolean> verified(
      Optional<UserRepository.Credentials> credentials, String password) {
    String hash = credentials.map(UserRepository.Credentials::passwordHash).orElse(null);
    return hasher.verify(password, hash);
  }

  /**
   * Whether this is the password of the logged-in user's local account, counted against the same
   * budgets as a login (so changing one's password cannot be used to guess it): 429 when a budget
   * is spent. A correct password takes its attempt back.
   */
  public Future<Boolean> checkOwnPassword(
      CurrentUser user, String password, java.net.InetAddress address) {
    String key = NewUser.loginKey(user.login());
    List<String> buckets = LoginThrottle.buckets(key, address, Optional.empty());
    return throttle
        .reserve(buckets)
        .compose(v -> users.findCredentials(pool, user.login()))
        .compose(credentials -> verified(credentials, password))
        .compose(ok -> ok ? throttle.release(buckets).map(true) : Future.succeededFuture(false));
  }

  private Future<Login> startSession(long userId, String previousToken) {
    String token = SessionTokens.newToken();
    OffsetDateTime expires = OffsetDateTime.now().plus(sessionTtl);
    return pool.withTransaction(
            tx ->
                endIfPresent(tx, previousToken)
                    .compose(v -> sessions.insert(tx, SessionTokens.hash(token), userId, expires))
                    .compose(v -> users.findById(tx, userId)))
        .map(user -> new Login(token, user, sessionTtl, null));
  }

  /**
   * Starts a session for a user some other way has vouched for (an OpenID Connect provider), in the
   * caller's transaction: the same server-side session a password login makes. The previous
   * session, if any, ends.
   */
  public Future<Login> startSession(
      io.vertx.sqlclient.SqlClient tx, long userId, String previousToken) {
    String token = SessionTokens.newToken();
    OffsetDateTime expires = OffsetDateTime.now().plus(sessionTtl);
    return endIfPresent(tx, previousToken)
        .compose(v -> sessions.insert(tx, SessionTokens.hash(token), userId, expires))
        .compose(v -> users.findById(tx, userId))
        .map(user -> new Login(token, user, sessionTtl, null));
  }

  /** The key a session token is stored under (tables that refer to a session use it). */
  public static byte[] tokenHash(String token) {
    return SessionTokens.hash(token);
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

  /** Deletes sessions dead for a week and login attempt counters older than a day. */
  public Future<Integer> purgeExpired() {
    return sessions.purge(pool).compose(dead -> throttle.purge().map(counters -> dead + counters));
  }

  /**
   * A started session.
   *
   * @param deviceCookie the value of the browser's device cookie from now on ({@link
   *     TrustedDevices})
   */
  public record Login(String token, User user, Duration ttl, String deviceCookie) {
    Login withDevice(String cookie) {
      return new Login(token, user, ttl, cookie);
    }
  }
}
