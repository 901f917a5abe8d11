package ru.metodichka.evaluation;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A month of the period and how many participants were active in it. */
public record MonthCount(YearMonth month, int count) {

  /**
   * For each month the period touches: the participants whose membership was active at some moment
   * of that month's part of the period and who made at least {@code threshold} contributions in it.
   */
  static List<MonthCount> active(
      Period period,
      int threshold,
      Map<Long, Map<YearMonth, Integer>> contributions,
      Map<Long, List<Participant.Span>> memberships) {
    List<MonthCount> counts = new ArrayList<>();
    for (YearMonth month : period.months()) {
      Period part = period.within(month);
      int active = 0;
      for (var entry : contributions.entrySet()) {
        int n = entry.getValue().getOrDefault(month, 0);
        if (n >= threshold && overlaps(memberships.get(entry.getKey()), part)) {
          active++;
        }
      }
      counts.add(new MonthCount(month, active));
    }
    return counts;
  }

  private static boolean overlaps(List<Participant.Span> spans, Period part) {
    if (spans == null) {
      return false;
    }
    for (Participant.Span s : spans) {
      OffsetDateTime end = s.ended();
      if (s.started().isBefore(part.to()) && (end == null || end.isAfter(part.from()))) {
        return true;
      }
    }
    return false;
  }
}
