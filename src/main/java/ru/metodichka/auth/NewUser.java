package ru.metodichka.auth;

import java.util.Locale;

/**
 * A local account to create (the API and the admin screens validate it: {@code
 * account.NewUserInput}).
 */
public record NewUser(
    String login,
    String password,
    String name,
    String email,
    String institution,
    String position,
    boolean admin,
    boolean methodist) {
  /** Logins are case-insensitive: this is the unique key. */
  public static String loginKey(String login) {
    return login.strip().toLowerCase(Locale.ROOT);
  }
}
