package ru.metodichka.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A change to an item: the fields to change (null leaves a field as it is), and the version the
 * change was made from. A change from an older version than the current one is refused, never
 * applied over what others changed meanwhile.
 */
public record ItemPatch(
    int version,
    String title,
    String description,
    PlanForm form,
    List<String> responsible,
    LocalDate starts,
    LocalDate due,
    PlanStatus status,
    List<String> results,
    String outcome) {

  public ItemPatch {
    responsible = responsible == null ? null : List.copyOf(responsible);
    results = results == null ? null : List.copyOf(results);
  }

  /** A responsible member's change: the status and the results, nothing else. */
  public static ItemPatch progress(int version, PlanStatus status, List<String> results) {
    return new ItemPatch(version, null, null, null, null, null, null, status, results, null);
  }

  /** Whether it changes only what a responsible member may: the status and the results. */
  boolean progressOnly() {
    return title == null
        && description == null
        && form == null
        && responsible == null
        && starts == null
        && due == null
        && outcome == null;
  }
}
