package ru.metodichka.expert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import ru.metodichka.web.JsonInput;

/**
 * A period {@code [from, to)} as the issue defines it: each end an RFC 3339 instant or a date (its
 * first moment in the site's time zone, {@code ui.time-zone}), {@code to} after {@code from}.
 */
public record Period(Instant from, Instant to) {

  /** Reads {@code from} and {@code to} of a body, recording what is wrong in {@code in}. */
  static Period read(JsonInput in, ZoneId zone) {
    Instant from = moment(in, "from", in.requiredText("from", 40), zone);
    Instant to = moment(in, "to", in.requiredText("to", 40), zone);
    if (from != null && to != null && !to.isAfter(from)) {
      in.reject("to", "period_order");
    }
    return from == null || to == null ? null : new Period(from, to);
  }

  /** Reads the query parameters {@code from} and {@code to}; 422 naming each wrong one. */
  static Period of(String from, String to, ZoneId zone) {
    JsonInput in =
        JsonInput.of(new io.vertx.core.json.JsonObject().put("from", from).put("to", to));
    Period period = read(in, zone);
    in.validate();
    return period;
  }

  private static Instant moment(JsonInput in, String field, String text, ZoneId zone) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(zone).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      in.reject(field, "period_moment");
      return null;
    }
  }

  /** Whether this period lies within {@code other} (its ends included). */
  boolean within(Instant otherFrom, Instant otherTo) {
    return !from.isBefore(otherFrom) && !to.isAfter(otherTo);
  }
}
