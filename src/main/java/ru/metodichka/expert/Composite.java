package ru.metodichka.expert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the experts said about a community's results for a period (§5.2), from the latest submission
 * of each invitation whose period lies within it: per criterion the mean score and whether two
 * experts' scores differ by 2 or more; the mean of every score given; the recommendations counted.
 * Means are rounded to two decimals; null when nobody scored.
 *
 * @param reviews invitations with at least one submission
 * @param recommendations every recommendation with its count, zeros included
 */
public record Composite(
    int reviews,
    List<CriterionMean> criteria,
    Double overall,
    Map<Recommendation, Integer> recommendations) {
  public Composite {
    criteria = List.copyOf(criteria);
    recommendations = Map.copyOf(recommendations);
  }

  /** One criterion across the reviews that scored it. */
  public record CriterionMean(String code, String title, Double mean, boolean disagreement) {}

  /**
   * One submission as the composite reads it: its scores by code, and where each criterion stands
   * in the rubric version the expert scored under (title and position).
   */
  record Scored(Recommendation recommendation, int rubricVersion, List<ScoredCriterion> scores) {}

  record ScoredCriterion(String code, String title, int position, int score) {}

  /**
   * The composite of these submissions. Criteria come in the order of the newest rubric version
   * among them (title from there too), then criteria only older versions had.
   */
  static Composite of(List<Scored> latest) {
    Map<Recommendation, Integer> counts = new EnumMap<>(Recommendation.class);
    for (Recommendation r : Recommendation.values()) {
      counts.put(r, 0);
    }
    Map<String, List<Integer>> scores = new LinkedHashMap<>();
    Map<String, ScoredCriterion> shown = new LinkedHashMap<>();
    Map<String, Integer> shownVersion = new LinkedHashMap<>();
    List<Integer> all = new ArrayList<>();
    for (Scored s : latest) {
      counts.merge(s.recommendation(), 1, Integer::sum);
      for (ScoredCriterion c : s.scores()) {
        scores.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c.score());
        all.add(c.score());
        if (shownVersion.getOrDefault(c.code(), 0) < s.rubricVersion()) {
          shown.put(c.code(), c);
          shownVersion.put(c.code(), s.rubricVersion());
        }
      }
    }
    List<CriterionMean> criteria =
        shown.values().stream()
            .sorted(
                Comparator.comparing((ScoredCriterion c) -> -shownVersion.get(c.code()))
                    .thenComparingInt(ScoredCriterion::position))
            .map(c -> mean(c, scores.get(c.code())))
            .toList();
    return new Composite(latest.size(), criteria, mean(all), counts);
  }

  private static CriterionMean mean(ScoredCriterion c, List<Integer> scores) {
    int spread =
        scores.stream().mapToInt(i -> i).max().orElse(0)
            - scores.stream().mapToInt(i -> i).min().orElse(0);
    return new CriterionMean(c.code(), c.title(), mean(scores), spread >= 2);
  }

  private static Double mean(List<Integer> scores) {
    if (scores.isEmpty()) {
      return null;
    }
    double sum = scores.stream().mapToInt(i -> i).sum();
    return Math.round(sum * 100.0 / scores.size()) / 100.0;
  }
}
