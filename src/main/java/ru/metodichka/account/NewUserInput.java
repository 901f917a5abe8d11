package ru.metodichka.account;

import java.util.regex.Pattern;
import ru.metodichka.auth.NewUser;
import ru.metodichka.web.JsonInput;

/** Reads a new local account from a request (the API's JSON or the admin screen's form). */
public final class NewUserInput {
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private NewUserInput() {}

  /** Reads and validates the body of {@code POST /api/users}; 422 lists every problem. */
  public static NewUser from(JsonInput in) {
    String login = in.requiredText("login", 64);
    if (!login.isEmpty() && !LOGIN.matcher(login).matches()) {
      in.reject("login", "login");
    }
    String password = in.rawText("password", 256);
    if (password == null || password.length() < 8) {
      if (!in.hasError("password")) {
        in.reject("password", "password_too_short", 8);
      }
    }
    String name = in.requiredText("name", 200);
    String email = in.optionalText("email", 254, null);
    if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
      in.reject("email", "email");
    }
    String institution = in.optionalText("institution", 300, null);
    String position = in.optionalText("position", 200, null);
    boolean admin = in.optionalBool("admin", false);
    boolean methodist = in.optionalBool("methodist", false);
    in.validate();
    return new NewUser(
        login,
        password,
        name,
        blankToNull(email),
        blankToNull(institution),
        blankToNull(position),
        admin,
        methodist);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
