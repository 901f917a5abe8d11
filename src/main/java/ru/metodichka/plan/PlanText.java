package ru.metodichka.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import ru.metodichka.web.Ui;

/** How the plan's screens write its dates and codes in the reader's language. */
public final class PlanText {
  private PlanText() {}

  /** {@code 1 октября 2026}. */
  public static String date(Ui ui, LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", ui.locale()));
  }

  /**
   * {@code 1 – 15 октября 2026}, {@code 20 ноября – 5 декабря 2026}, {@code 20 августа 2026 – 5
   * сентября 2027}, or one date when the item lasts a day.
   */
  public static String dates(Ui ui, PlanItem item) {
    LocalDate starts = item.starts();
    LocalDate due = item.due();
    if (starts.equals(due)) {
      return date(ui, due);
    }
    String first =
        starts.getYear() != due.getYear()
            ? date(ui, starts)
            : starts.getMonth() != due.getMonth()
                ? starts.format(DateTimeFormatter.ofPattern("d MMMM", ui.locale()))
                : String.valueOf(starts.getDayOfMonth());
    return ui.t("plan.dates", first, date(ui, due));
  }

  public static String form(Ui ui, PlanForm form) {
    return ui.t("plan.form." + form.code());
  }

  public static String status(Ui ui, PlanStatus status) {
    return ui.t("plan.status." + status.code());
  }
}
