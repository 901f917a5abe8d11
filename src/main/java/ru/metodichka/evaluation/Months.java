package ru.metodichka.evaluation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The whole months of {@code contribution_months} (V23) inside a period: {@code [from, to)}, each
 * month from midnight of its first day in Moscow. The rest of the period is read from the ledger
 * itself. Empty ({@code from == to == period.to()}) when the period holds no whole month.
 */
record Months(OffsetDateTime from, OffsetDateTime to) {
  /** The zone of the buckets, fixed by the migration that fills them. */
  static final ZoneId BUCKETS = ZoneId.of("Europe/Moscow");

  /**
   * @param sameZoneOnly no buckets unless the period's own zone is the buckets' (a bucket is then a
   *     month of the period's calendar too)
   */
  static Months within(Period period, boolean sameZoneOnly) {
    OffsetDateTime none = period.to();
    if (sameZoneOnly && !period.zone().normalized().equals(BUCKETS)) {
      return new Months(none, none);
    }
    ZonedDateTime start = period.from().atZoneSameInstant(BUCKETS);
    ZonedDateTime first = monthStart(start);
    if (first.isBefore(start)) {
      first = first.plusMonths(1);
    }
    ZonedDateTime end = monthStart(period.to().atZoneSameInstant(BUCKETS));
    if (!first.isBefore(end)) {
      return new Months(none, none);
    }
    return new Months(first.toOffsetDateTime(), end.toOffsetDateTime());
  }

  private static ZonedDateTime monthStart(ZonedDateTime t) {
    return t.toLocalDate().withDayOfMonth(1).atStartOfDay(BUCKETS);
  }
}
