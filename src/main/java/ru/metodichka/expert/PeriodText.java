package ru.metodichka.expert;

import java.time.Instant;
import java.time.ZoneOffset;
import ru.metodichka.web.Ui;

/** A period as people read it: its first and last days, «1 сентября 2025 — 31 августа 2026». */
public final class PeriodText {
  private PeriodText() {}

  public static String of(Ui ui, Instant from, Instant to) {
    return ui.t(
        "expert.period",
        ui.date(from.atOffset(ZoneOffset.UTC)),
        ui.date(to.minusMillis(1).atOffset(ZoneOffset.UTC)));
  }
}
