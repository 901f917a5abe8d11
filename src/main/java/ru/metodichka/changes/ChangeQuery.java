package ru.metodichka.changes;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import ru.metodichka.error.AppError;
import ru.metodichka.page.ResultKind;

/**
 * The recent changes' query string as the API and the screens take it: {@code community}, {@code
 * author} (a login), {@code kind} (a result kind), {@code since} (an RFC 3339 instant, or a date
 * meaning its first moment in the site's time zone), {@code mine} ({@code true} or {@code 1}: the
 * reader's communities only), {@code cursor} (from the previous slice) and {@code limit}. Empty
 * values are no filter; a malformed one is a 400 or 422 naming it.
 */
final class ChangeQuery {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private ChangeQuery() {}

  static ChangeFilter parse(MultiMap params, ZoneId zone) {
    String kind = value(params, "kind");
    if (kind != null && ResultKind.fromCode(kind) == null) {
      throw AppError.invalid("kind", "one_of", ResultKind.allCodes());
    }
    String mine = value(params, "mine");
    return new ChangeFilter(
        value(params, "community"),
        value(params, "author"),
        kind,
        since(value(params, "since"), zone),
        "true".equals(mine) || "1".equals(mine),
        cursor(value(params, "cursor")),
        limit(value(params, "limit")));
  }

  private static String value(MultiMap params, String name) {
    String raw = params.get(name);
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  private static OffsetDateTime since(String raw, ZoneId zone) {
    if (raw == null) {
      return null;
    }
    try {
      return raw.length() == 10
          ? LocalDate.parse(raw).atStartOfDay(zone).toOffsetDateTime()
          : OffsetDateTime.parse(raw);
    } catch (DateTimeParseException e) {
      throw AppError.invalid("since", "moment");
    }
  }

  private static Long cursor(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      long value = Long.parseLong(raw);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw AppError.badRequest("bad_parameter", "cursor", 1, Long.MAX_VALUE);
  }

  private static int limit(String raw) {
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw AppError.badRequest("bad_parameter", "limit", 1, MAX_LIMIT);
  }
}
