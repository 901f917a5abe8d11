package ru.metodichka.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import ru.metodichka.error.AppError;

/**
 * Days and moments as the plan reads them, in the site's time zone ({@code ui.time-zone}): what
 * today is (items are overdue from the day after their due date), which academic year is current,
 * and the moment a plan is shown as of.
 */
final class PlanCalendar {
  private final Clock clock;
  private final ZoneId zone;

  PlanCalendar(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  AcademicYear currentYear() {
    return AcademicYear.containing(today());
  }

  /** {@code 2026/27}; absent or blank: the current academic year; 422 on {@code year} otherwise. */
  AcademicYear year(String text) {
    if (text == null || text.isBlank()) {
      return currentYear();
    }
    AcademicYear year = AcademicYear.parse(text);
    if (year == null) {
      throw AppError.invalid("year", "plan_year");
    }
    return year;
  }

  /**
   * An RFC 3339 instant, or a date (its first moment in the site's time zone); absent or blank:
   * null (now); 422 on {@code asOf} otherwise.
   */
  OffsetDateTime asOf(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(zone).toOffsetDateTime()
          : OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw AppError.invalid("asOf", "plan_as_of");
    }
  }

  /** The day a plan is read on: today, or the day of the moment it is shown as of. */
  LocalDate day(OffsetDateTime asOf) {
    return asOf == null ? today() : asOf.atZoneSameInstant(zone).toLocalDate();
  }
}
