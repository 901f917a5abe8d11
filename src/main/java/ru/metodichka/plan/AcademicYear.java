package ru.metodichka.plan;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An academic year, 1 September to 31 August, written as the centre writes it: {@code 2026/27}. A
 * community's activity plan (§4.8) is made per academic year.
 *
 * @param start the calendar year the academic year begins in
 */
public record AcademicYear(int start) {
  static final int FIRST = 2000;
  static final int LAST = 2098;
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})/(\\d{2})");

  public AcademicYear {
    if (start < FIRST || start > LAST) {
      throw new IllegalArgumentException("No academic year starting in " + start);
    }
  }

  /** Whether a date falls in an academic year there may be (2000/01 to 2098/99). */
  public static boolean covers(LocalDate date) {
    return !date.isBefore(new AcademicYear(FIRST).first())
        && !date.isAfter(new AcademicYear(LAST).last());
  }

  /**
   * The academic year a date falls in: September to December begin one. Fails for a date no
   * academic year there may be covers ({@link #covers}).
   */
  public static AcademicYear containing(LocalDate date) {
    return new AcademicYear(
        date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
  }

  /**
   * {@code YYYY/YY} where YY is the next calendar year's last two digits ({@code 2026/27}); null
   * for anything else, a year beyond 2000/01 – 2098/99 included.
   */
  public static AcademicYear parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return null;
    }
    int start = Integer.parseInt(m.group(1));
    boolean consecutive = Integer.parseInt(m.group(2)) == (start + 1) % 100;
    return consecutive && start >= FIRST && start <= LAST ? new AcademicYear(start) : null;
  }

  /** 1 September. */
  public LocalDate first() {
    return LocalDate.of(start, Month.SEPTEMBER, 1);
  }

  /** 31 August of the next calendar year. */
  public LocalDate last() {
    return LocalDate.of(start + 1, Month.AUGUST, 31);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(first()) && !date.isAfter(last());
  }

  /** The year before, or this one when it is the first there may be. */
  public AcademicYear previous() {
    return start == FIRST ? this : new AcademicYear(start - 1);
  }

  /** The year after, or this one when it is the last there may be. */
  public AcademicYear next() {
    return start == LAST ? this : new AcademicYear(start + 1);
  }

  /** {@code 2026/27}. */
  public String label() {
    return start + "/" + String.format("%02d", (start + 1) % 100);
  }

  @Override
  public String toString() {
    return label();
  }
}
