package ru.metodichka.evaluation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.page.ResultKind;

/**
 * The results' figures: pages first published within the period, by kind, and the demand for the
 * community's published pages.
 *
 * @param byKind every kind with at least one result
 * @param downloads of files and exports: 0 until downloads are recorded (issue 16 names them; no
 *     record of a download exists yet)
 * @param comments ledger comments by non-members on the community's published pages (none are
 *     written until comments exist)
 */
public record Results(
    int published,
    Map<ResultKind, Integer> byKind,
    int kindsUsed,
    long views,
    long downloads,
    int citations,
    long comments) {

  static Results of(
      List<Result> results, long views, long downloads, int citations, long comments) {
    Map<ResultKind, Integer> byKind = new EnumMap<>(ResultKind.class);
    results.forEach(r -> byKind.merge(r.kind(), 1, Integer::sum));
    return of(byKind, views, downloads, citations, comments);
  }

  /** The figures from the results counted per kind (kinds without results left out). */
  static Results of(
      Map<ResultKind, Integer> byKind, long views, long downloads, int citations, long comments) {
    Map<ResultKind, Integer> counted = new EnumMap<>(ResultKind.class);
    byKind.forEach((kind, n) -> counted.merge(kind, n, Integer::sum));
    int published = counted.values().stream().mapToInt(Integer::intValue).sum();
    return new Results(published, counted, counted.size(), views, downloads, citations, comments);
  }
}
