package ru.metodichka.community;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import ru.metodichka.web.JsonInput;

/**
 * The body of {@code PUT .../members/{login}}: a role and, optionally, the order of the centre that
 * confirmed it (§4.4).
 */
public record MemberRole(Role role, String orderNumber, LocalDate orderDate) {

  public static MemberRole from(JsonInput in) {
    return read(in, false);
  }

  /**
   * The same, also accepting {@code expert}: administrators appoint external experts (§5.2) from
   * the admin screens, while the API's contract offers only member and moderator.
   */
  public static MemberRole withExpert(JsonInput in) {
    return read(in, true);
  }

  private static MemberRole read(JsonInput in, boolean expertAllowed) {
    String code = in.requiredText("role", 20);
    Role role = Role.fromCode(code);
    if (!code.isEmpty() && (role == null || (role == Role.EXPERT && !expertAllowed))) {
      in.reject(
          "role", "one_of", expertAllowed ? "member, moderator, expert" : "member, moderator");
    }
    JsonObject order = in.optionalObject("order");
    String number = null;
    LocalDate date = null;
    if (order != null) {
      number =
          order.getValue("number") instanceof String s
                  && !s.isBlank()
                  && s.length() <= 50
                  && s.indexOf('\u0000') < 0
              ? s.strip()
              : null;
      if (number == null) {
        in.reject("order.number", "order_number");
      }
      date = parseDate(order.getValue("date"));
      if (date == null) {
        in.reject("order.date", "date");
      }
    }
    in.validate();
    return new MemberRole(role, number, date);
  }

  private static LocalDate parseDate(Object value) {
    try {
      return value instanceof String s ? LocalDate.parse(s) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
