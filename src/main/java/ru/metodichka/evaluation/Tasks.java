package ru.metodichka.evaluation;

import java.util.List;

/**
 * The tasks' figures: plan items due in the period as the plan stood at its end.
 *
 * @param completionPercent 100 × done / (planned − cancelled), null when that is 0
 * @param assessment the latest assessment of exactly this period, null when none
 */
public record Tasks(
    int planned, int done, int cancelled, Double completionPercent, Assessment assessment) {

  static Tasks of(List<Task> items, Assessment assessment) {
    int done = (int) items.stream().filter(t -> t.status().equals("done")).count();
    int cancelled = (int) items.stream().filter(t -> t.status().equals("cancelled")).count();
    int counted = items.size() - cancelled;
    return new Tasks(
        items.size(), done, cancelled, counted == 0 ? null : Percent.of(done, counted), assessment);
  }
}
