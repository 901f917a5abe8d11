package ru.metodichka;

import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.auth.UserService;

/**
 * The first administrator: {@code METODICHKA_ADMIN_PASSWORD} creates or updates user {@code admin};
 * without it, the first start on an empty database generates a password and logs it once.
 */
final class AdminBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private AdminBootstrap() {}

  /** Blocking: runs before the server is deployed. */
  static void run(UserService users, Optional<String> password) {
    if (password.isPresent()) {
      users.ensureAdmin(password.get()).await();
      LOG.info("Administrator 'admin' has the password from the configuration");
      return;
    }
    if (!users.anyUsers().await()) {
      String generated = generate();
      users.ensureAdmin(generated).await();
      LOG.warn(
          "Created administrator 'admin' with password: {}  (shown once; set "
              + "METODICHKA_ADMIN_PASSWORD to choose your own)",
          generated);
    }
  }

  private static String generate() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
