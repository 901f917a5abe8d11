package ru.metodichka.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AcademicYearTest {

  @Test
  void anAcademicYearRunsFromTheFirstOfSeptemberToTheThirtyFirstOfAugust() {
    AcademicYear year = AcademicYear.parse("2026/27");
    assertThat(year.first()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(year.last()).isEqualTo(LocalDate.of(2027, 8, 31));
    assertThat(year.contains(LocalDate.of(2027, 8, 31))).isTrue();
    assertThat(year.contains(LocalDate.of(2026, 8, 31))).isFalse();
    assertThat(year.contains(LocalDate.of(2027, 9, 1))).isFalse();
  }

  @Test
  void theYearOfADateBeginsInSeptember() {
    assertThat(AcademicYear.containing(LocalDate.of(2026, 9, 1)).label()).isEqualTo("2026/27");
    assertThat(AcademicYear.containing(LocalDate.of(2026, 8, 31)).label()).isEqualTo("2025/26");
    assertThat(AcademicYear.containing(LocalDate.of(2027, 1, 15)).label()).isEqualTo("2026/27");
  }

  @Test
  void onlyConsecutiveYearsWrittenAsTheCentreWritesThemAreRead() {
    assertThat(AcademicYear.parse(" 2026/27 ")).isEqualTo(new AcademicYear(2026));
    assertThat(AcademicYear.parse("2099/00")).isNull();
    assertThat(AcademicYear.parse("2098/99")).isEqualTo(new AcademicYear(2098));
    for (String bad :
        new String[] {"2026/28", "2026-27", "2026/2027", "26/27", "1999/00", "", "2026/27x"}) {
      assertThat(AcademicYear.parse(bad)).as(bad).isNull();
    }
    assertThat(AcademicYear.parse(null)).isNull();
  }

  @Test
  void yearsFollowEachOtherWithinTheirRange() {
    assertThat(new AcademicYear(2026).previous().label()).isEqualTo("2025/26");
    assertThat(new AcademicYear(2009).next().label()).isEqualTo("2010/11");
    assertThat(new AcademicYear(2000).previous()).isEqualTo(new AcademicYear(2000));
  }
}
