package ru.metodichka.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The period picker's quick choices around a period: academic years (1 September – 31 August),
 * their halves (September–December, January–August), quarters of three months from September, and
 * months. Each is a link with the period as dates, so it works without JavaScript.
 */
public final class Presets {
  private Presets() {}

  /** A quick choice: its label and query, and whether it is the period shown. */
  public record Preset(String label, String query, boolean current) {}

  /** The academic year the period starts in, with the one before and after. */
  public static List<Preset> years(Period shown, ReportText text) {
    LocalDate first = AcademicYears.startOf(shown.firstDay());
    List<Preset> years = new ArrayList<>();
    for (int i = -2; i <= 1; i++) {
      LocalDate start = first.plusYears(i);
      years.add(
          preset(
              shown,
              text.t("evaluation.preset.year", AcademicYears.label(start)),
              start,
              start.plusYears(1)));
    }
    return years;
  }

  /** Halves and quarters of the academic year the period starts in. */
  public static List<Preset> parts(Period shown, ReportText text) {
    LocalDate first = AcademicYears.startOf(shown.firstDay());
    List<Preset> parts = new ArrayList<>();
    parts.add(preset(shown, text.t("evaluation.preset.half1"), first, first.plusMonths(4)));
    parts.add(
        preset(shown, text.t("evaluation.preset.half2"), first.plusMonths(4), first.plusYears(1)));
    for (int q = 0; q < 4; q++) {
      parts.add(
          preset(
              shown,
              text.t("evaluation.preset.quarter", q + 1),
              first.plusMonths(3L * q),
              first.plusMonths(3L * q + 3)));
    }
    return parts;
  }

  /** The twelve months of the academic year the period starts in. */
  public static List<Preset> months(Period shown, ReportText text) {
    LocalDate first = AcademicYears.startOf(shown.firstDay());
    List<Preset> months = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      YearMonth month = YearMonth.from(first.plusMonths(m));
      months.add(preset(shown, text.month(month), month.atDay(1), month.plusMonths(1).atDay(1)));
    }
    return months;
  }

  /** {@code 2025/26}: the academic year the period starts in. */
  public static String yearLabel(Period shown) {
    return AcademicYears.label(AcademicYears.startOf(shown.firstDay()));
  }

  private static Preset preset(Period shown, String label, LocalDate from, LocalDate to) {
    boolean current =
        shown.wholeDays() && shown.firstDay().equals(from) && shown.endDay().equals(to);
    return new Preset(label, "from=" + from + "&to=" + to, current);
  }
}
