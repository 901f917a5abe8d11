package ru.metodichka.plan;

import java.util.List;

/**
 * How much of a plan is done: done items of all items but the cancelled ones.
 *
 * @param percent done of total, rounded; 0 for a plan with nothing to do
 */
public record Completion(int done, int total, int percent) {

  static Completion of(List<PlanItem> items) {
    int done = 0;
    int total = 0;
    for (PlanItem item : items) {
      if (item.status() != PlanStatus.CANCELLED) {
        total++;
        done += item.status() == PlanStatus.DONE ? 1 : 0;
      }
    }
    return new Completion(done, total, total == 0 ? 0 : Math.round(done * 100f / total));
  }
}
