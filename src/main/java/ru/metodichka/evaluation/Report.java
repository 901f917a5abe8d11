package ru.metodichka.evaluation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.contribution.ContributionKind;

/**
 * Everything the dashboard, the spreadsheet and the PDF show about one community and period: the
 * figures, those of the previous period (for the change), the records behind them and the series
 * the charts draw.
 *
 * @param top the ten most viewed published pages in the period
 * @param assessments every assessment of exactly this period, the latest (the one that counts)
 *     first
 */
public record Report(
    Evaluation evaluation,
    Evaluation previous,
    ParticipantList people,
    List<Result> results,
    List<Task> tasks,
    List<Viewed> top,
    List<MonthCount> months,
    List<Assessment> assessments,
    List<Citation> citations,
    Publicity publicity) {

  static final int TOP = 10;

  /** The participants' contributions in the period, by kind (every counted kind). */
  public Map<ContributionKind, Integer> contributionsByKind() {
    Map<ContributionKind, Integer> sums = new EnumMap<>(ContributionKind.class);
    CountedKinds.ALL.forEach(k -> sums.put(k, 0));
    people
        .participants()
        .forEach(p -> p.contributions().forEach((k, n) -> sums.merge(k, n, Integer::sum)));
    return sums;
  }
}
