package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  @Test
  void timesAreShownInRussianInTheSitesTimeZone() {
    assertThat(Ui.formatDateTime("2026-11-27T21:30:00Z", MOSCOW, "ru"))
        .isEqualTo("28 ноября 2026, 00:30");
    assertThat(Ui.formatDate("2026-03-01T10:00:00+03:00", MOSCOW, "ru")).isEqualTo("1 марта 2026");
  }

  @Test
  void englishGetsEnglishMonthNames() {
    assertThat(Ui.formatDateTime("2026-11-27T09:05:00Z", MOSCOW, "en"))
        .isEqualTo("27 November 2026, 12:05");
  }

  @Test
  void missingOrMalformedTimesDoNotBreakAScreen() {
    assertThat(Ui.formatDateTime(null, MOSCOW, "ru")).isEmpty();
    assertThat(Ui.formatDateTime("вчера", MOSCOW, "ru")).isEqualTo("вчера");
  }
}
