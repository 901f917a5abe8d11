package ru.metodichka.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

/**
 * Salted Argon2id password hashes (password4j). Hashing is deliberately slow, so it runs on the
 * blocking worker executor, never on an event loop.
 */
public final class PasswordHasher {
  // OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane.
  static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  /**
   * Checked against when a login does not exist, so that answer takes as long as a wrong password:
   * a hash with {@link #ARGON2}'s parameters of a random password that was thrown away. A constant,
   * not a hash made at start-up: each server made two, 0.3-0.5 s of a 100k-page start (measured
   * 2026-12-07). {@code PasswordHasherTest} keeps its parameters those of {@link #ARGON2}.
   */
  static final String DECOY =
      "$argon2id$v=19$m=19456,t=2,p=1$ri9AEc1p54Zc6UkMUHczMQ$/jKjplahe+up8kHmQ3EplHeWhZbDWS3M6IXaBKd0cRQ";

  private final WorkerExecutor blocking;

  public PasswordHasher(WorkerExecutor blocking) {
    this.blocking = blocking;
  }

  public Future<String> hash(String password) {
    return blocking.executeBlocking(() -> hashNow(password), false);
  }

  /** True when the password matches; an absent hash is checked against a decoy and fails. */
  public Future<Boolean> verify(String password, String hashOrNull) {
    return blocking.executeBlocking(
        () -> {
          String hash = hashOrNull != null ? hashOrNull : DECOY;
          // The hash string carries its own parameters, so older hashes keep verifying after a
          // change.
          boolean matches = Argon2Function.getInstanceFromHash(hash).check(password, hash);
          return hashOrNull != null && matches;
        },
        false);
  }

  static String hashNow(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }
}
