package ru.metodichka.account;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import ru.metodichka.web.JsonInput;

/**
 * What an administrator changes about an account ({@code PATCH /api/users/{login}}): each field is
 * null when the request leaves it as it is. An empty {@code email}, {@code institution} or {@code
 * position} clears it.
 */
public record UserChange(
    String name,
    String email,
    String institution,
    String position,
    Boolean methodist,
    Boolean admin,
    Boolean disabled) {
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Reads and validates a change; 422 names every bad field, 400 when nothing is changed. */
  public static UserChange from(JsonObject body) {
    JsonInput in = JsonInput.of(body);
    String name = null;
    if (body.containsKey("name")) {
      name = in.requiredText("name", 200);
    }
    String email = in.optionalText("email", 254, null);
    if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
      in.reject("email", "email");
    }
    String institution = in.optionalText("institution", 300, null);
    String position = in.optionalText("position", 200, null);
    Boolean methodist = flag(in, body, "methodist");
    Boolean admin = flag(in, body, "admin");
    Boolean disabled = flag(in, body, "disabled");
    in.validate();
    UserChange change =
        new UserChange(name, email, institution, position, methodist, admin, disabled);
    if (change.empty()) {
      throw ru.metodichka.error.AppError.badRequest("nothing_to_change");
    }
    return change;
  }

  private static Boolean flag(JsonInput in, JsonObject body, String field) {
    return body.getValue(field) == null ? null : in.optionalBool(field, false);
  }

  boolean empty() {
    return name == null
        && email == null
        && institution == null
        && position == null
        && methodist == null
        && admin == null
        && disabled == null;
  }
}
