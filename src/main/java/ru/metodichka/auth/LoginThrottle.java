package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.metodichka.error.AppError;

/**
 * Budgets of failed logins per 15-minute window, counted in PostgreSQL so that they hold across
 * nodes. Every attempt is counted <em>before</em> its password is checked, in one atomic statement,
 * so parallel guesses cannot share one look at the counter: once a budget is spent, further
 * attempts get a 429 with the time to wait, without a password check. A correct password takes its
 * attempt back, so logging in never uses a budget up; nor is it ever delayed.
 *
 * <p>An attempt counts in these buckets:
 *
 * <ul>
 *   <li>from a browser with the login's device cookie ({@link TrustedDevices}): that device's own
 *       budget ({@value #PER_DEVICE}) only, so nobody else's guesses lock its owner out;
 *   <li>otherwise: the login's budget ({@value #PER_LOGIN}, whatever the addresses the guesses come
 *       from) and the client address's budget ({@value #PER_ADDRESS}, whatever the logins tried; an
 *       IPv6 address counts by its /64 network, which one subscriber gets whole).
 * </ul>
 */
final class LoginThrottle {
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final int PER_LOGIN = 10;
  static final int PER_ADDRESS = 50;
  static final int PER_DEVICE = 10;
  private static final Map<String, Integer> BUDGETS =
      Map.of("login", PER_LOGIN, "address", PER_ADDRESS, "device", PER_DEVICE);

  private final Pool pool;
  private final LoginAttemptRepository attempts = new LoginAttemptRepository();

  LoginThrottle(Pool pool) {
    this.pool = pool;
  }

  /** The buckets an attempt on {@code loginKey} counts in (see the class comment). */
  static List<String> buckets(String loginKey, InetAddress address, Optional<String> device) {
    if (device.isPresent()) {
      return List.of("device:" + device.get());
    }
    // Hashed: what people type as a login is sometimes their password.
    return List.of("login:" + sha256(loginKey), "address:" + network(address));
  }

  /**
   * Counts the attempt in its buckets; fails with 429 {@code login_throttled} (the attempt not
   * counted) when any of them is over its budget.
   */
  Future<Void> reserve(List<String> buckets) {
    return attempts
        .reserve(pool, buckets, WINDOW)
        .compose(
            counts -> {
              int wait =
                  counts.stream()
                      .filter(c -> c.attempts() > budget(c.bucket()))
                      .mapToInt(LoginAttemptRepository.Count::retryAfterSeconds)
                      .max()
                      .orElse(-1);
              if (wait < 0) {
                return Future.succeededFuture();
              }
              AppError throttled = AppError.tooManyRequests("login_throttled", Math.max(1, wait));
              return release(buckets).transform(ar -> Future.failedFuture(throttled));
            });
  }

  /** Takes the attempt back: it was not a failure (a correct password). */
  Future<Void> release(List<String> buckets) {
    return attempts.release(pool, buckets);
  }

  /** Deletes counters of windows that ended a day ago. */
  Future<Integer> purge() {
    return attempts.purge(pool);
  }

  private static int budget(String bucket) {
    return BUDGETS.get(bucket.substring(0, bucket.indexOf(':')));
  }

  /** The address, or for IPv6 its /64 network: a subscriber has a whole /64 to pick from. */
  static String network(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = Arrays.copyOf(address.getAddress(), 16);
    Arrays.fill(bytes, 8, 16, (byte) 0);
    try {
      return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are an IPv6 address", e);
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
