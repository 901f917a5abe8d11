package ru.metodichka.evaluation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.error.AppError;

/**
 * A period of evaluation, {@code [from, to)}: from its first moment up to, not including, its end.
 *
 * @param zone the site's time zone ({@code ui.time-zone}): a date means its midnight there, and
 *     months and days (of views) are counted there
 */
public record Period(OffsetDateTime from, OffsetDateTime to, ZoneId zone) {
  /** The longest period a report covers: five academic years. */
  static final Duration LONGEST = Duration.ofDays(5 * 366);

  public Period {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a period ends after it starts: " + from + " " + to);
    }
  }

  /**
   * The period the request names: {@code from} and {@code to} as RFC 3339 instants or dates; both
   * absent: the academic year {@code today} falls in. 422 naming each field that is missing,
   * malformed, or makes the period empty or longer than five years.
   */
  public static Period parse(String from, String to, ZoneId zone, LocalDate today) {
    if (blank(from) && blank(to)) {
      return academicYear(AcademicYears.startOf(today), zone);
    }
    List<AppError.FieldError> errors = new ArrayList<>();
    OffsetDateTime start = moment("from", from, zone, errors);
    OffsetDateTime end = moment("to", to, zone, errors);
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        errors.add(new AppError.FieldError("to", "evaluation_period_empty"));
      } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
        errors.add(new AppError.FieldError("to", "evaluation_period_long"));
      }
    }
    if (!errors.isEmpty()) {
      throw AppError.invalid(errors);
    }
    return new Period(start, end, zone);
  }

  /** The academic year (1 September – 31 August) that starts on {@code first}. */
  public static Period academicYear(LocalDate first, ZoneId zone) {
    return of(first, first.plusYears(1), zone);
  }

  /** {@code [first, end)} of whole days. */
  public static Period of(LocalDate first, LocalDate end, ZoneId zone) {
    return new Period(start(first, zone), start(end, zone), zone);
  }

  private static OffsetDateTime start(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toOffsetDateTime();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static OffsetDateTime moment(
      String field, String text, ZoneId zone, List<AppError.FieldError> errors) {
    if (blank(text)) {
      errors.add(new AppError.FieldError(field, "evaluation_moment"));
      return null;
    }
    String value = text.strip();
    try {
      return value.length() == 10
          ? start(LocalDate.parse(value), zone)
          : OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new AppError.FieldError(field, "evaluation_moment"));
      return null;
    }
  }

  /** The period of the same length that ends where this one starts. */
  public Period previous() {
    return new Period(from.minus(Duration.between(from, to)), from, zone);
  }

  /** The first day of the period in the site's time zone. */
  public LocalDate firstDay() {
    return from.atZoneSameInstant(zone).toLocalDate();
  }

  /** The day the period ends on (exclusive): the day of {@code to} when it is a midnight. */
  public LocalDate endDay() {
    var end = to.atZoneSameInstant(zone);
    LocalDate day = end.toLocalDate();
    return end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day : day.plusDays(1);
  }

  /** Whether both ends are midnights, so the period can be written as dates. */
  public boolean wholeDays() {
    return from.atZoneSameInstant(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        && to.atZoneSameInstant(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
  }

  /** The calendar months the period touches, in order (a month partly inside is included). */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    YearMonth last = YearMonth.from(to.minusNanos(1).atZoneSameInstant(zone));
    for (YearMonth m = YearMonth.from(from.atZoneSameInstant(zone)); !m.isAfter(last); ) {
      months.add(m);
      m = m.plusMonths(1);
    }
    return months;
  }

  /** The part of a calendar month that lies in the period. */
  public Period within(YearMonth month) {
    OffsetDateTime start = start(month.atDay(1), zone);
    OffsetDateTime end = start(month.plusMonths(1).atDay(1), zone);
    return new Period(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end, zone);
  }

  /** The query string that names this period: dates when it is whole days, instants otherwise. */
  public String query() {
    return wholeDays()
        ? "from=" + firstDay() + "&to=" + endDay()
        : "from=" + from.toInstant() + "&to=" + to.toInstant();
  }
}
