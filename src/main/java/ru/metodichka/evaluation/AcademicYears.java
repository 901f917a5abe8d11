package ru.metodichka.evaluation;

import java.time.LocalDate;
import java.time.Month;

/** Academic years (1 September – 31 August, §4.8), as the period picker and defaults use them. */
final class AcademicYears {
  private AcademicYears() {}

  /** The 1 September the academic year of {@code day} starts on. */
  static LocalDate startOf(LocalDate day) {
    int year =
        day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
    return LocalDate.of(year, Month.SEPTEMBER, 1);
  }

  /** {@code 2025/26} for the year starting on 1 September 2025. */
  static String label(LocalDate first) {
    return first.getYear() + "/" + String.format("%02d", (first.getYear() + 1) % 100);
  }
}
