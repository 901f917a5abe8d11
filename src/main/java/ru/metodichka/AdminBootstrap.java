package ru.metodichka;

import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.auth.UserService;

/**
 * The first administrator. {@code METODICHKA_ADMIN_PASSWORD} creates user {@code admin} with that
 * password when there is no such account; an existing account keeps its password (changed in the
 * UI, say), so nodes whose configurations differ never override each other at every start, unless
 * {@code METODICHKA_ADMIN_RESET_PASSWORD=true} asks for a reset. Without a configured password, the
 * first start on an empty database generates one and logs it once.
 */
final class AdminBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private AdminBootstrap() {}

  /** Blocking: runs before the server is deployed. */
  static void run(UserService users, Optional<String> password, boolean reset) {
    if (password.isPresent() && reset) {
      users.resetAdmin(password.get()).await();
      LOG.info("Administrator 'admin' has the password from the configuration (reset asked for)");
    } else if (password.isPresent()) {
      if (users.createAdmin(password.get()).await()) {
        LOG.info("Created administrator 'admin' with the password from the configuration");
      } else {
        LOG.info(
            "Administrator 'admin' exists and keeps its password; set "
                + "METODICHKA_ADMIN_RESET_PASSWORD=true for one start to reset it to "
                + "METODICHKA_ADMIN_PASSWORD");
      }
    } else if (!users.anyUsers().await()) {
      String generated = generate();
      // Another node starting at the same moment may create it first; then its log has the
      // password.
      if (users.createAdmin(generated).await()) {
        LOG.warn(
            "Created administrator 'admin' with password: {}  (shown once; set "
                + "METODICHKA_ADMIN_PASSWORD to choose your own)",
            generated);
      }
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
