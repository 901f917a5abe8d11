package ru.metodichka.evaluation;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import ru.metodichka.web.Locales;

/**
 * The strings of the evaluation's files and charts in one language (the exports are Russian, as the
 * centre files them; screens pass the reader's).
 */
public final class ReportText {
  private static final List<String> BUNDLES =
      List.of("i18n/evaluation", "i18n/ui", "i18n/plan", "i18n/expert");
  private final List<ResourceBundle> bundles;
  private final Locale locale;
  private final ZoneId zone;

  public ReportText(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.zone = zone;
    this.bundles = BUNDLES.stream().map(name -> Locales.bundle(name, locale)).toList();
  }

  static ReportText russian(ZoneId zone) {
    return new ReportText(Locales.RUSSIAN, zone);
  }

  /** A mean to two decimals, as the experts' composite gives it. */
  public String decimal(double value) {
    return String.format(locale, "%.2f", value);
  }

  public String t(String key, Object... args) {
    for (ResourceBundle bundle : bundles) {
      if (bundle.containsKey(key)) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
      }
    }
    return key;
  }

  /** {@code 1 сентября 2025}. */
  public String date(LocalDate day) {
    return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
  }

  /** {@code 1 сентября 2025, 14:05} in the site's time zone. */
  public String moment(OffsetDateTime time) {
    return time.atZoneSameInstant(zone)
        .format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale));
  }

  /** {@code 1 сентября 2025 – 31 августа 2026}: the last day included. */
  public String period(Period period) {
    if (period.wholeDays()) {
      return t("evaluation.span", date(period.firstDay()), date(period.endDay().minusDays(1)));
    }
    return t("evaluation.span", moment(period.from()), moment(period.to()));
  }

  /** {@code сент. 25}: a month under a chart's column, where twelve must fit side by side. */
  public String shortMonth(YearMonth month) {
    return month.format(DateTimeFormatter.ofPattern("LLL yy", locale));
  }

  /** {@code сент. 2025}: a month in the period picker. */
  public String month(YearMonth month) {
    return month.format(DateTimeFormatter.ofPattern("LLL yyyy", locale));
  }

  /** {@code сентябрь 2025}. */
  public String monthName(YearMonth month) {
    return month.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
  }

  /** A number with one decimal, or «нет данных». */
  public String percent(Double value) {
    return value == null ? t("evaluation.noData") : String.format(locale, "%.1f", value);
  }
}
