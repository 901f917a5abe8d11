package ru.metodichka.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an item's history: the item as this version made it, who wrote it and when ({@link
 * PlanItem#changedBy()}, {@link PlanItem#changedAt()}), and which fields it changed.
 *
 * @param changed the API names of the fields that differ from the version before (every field of
 *     the first version)
 */
public record ItemVersion(PlanItem item, List<String> changed) {
  static final List<String> FIELDS =
      List.of(
          "title",
          "description",
          "form",
          "responsible",
          "starts",
          "due",
          "status",
          "results",
          "outcome");

  public ItemVersion {
    changed = List.copyOf(changed);
  }

  /** The fields {@code after} changed from {@code before} (null: {@code after} is the first). */
  static List<String> changes(PlanItem before, PlanItem after) {
    if (before == null) {
      return FIELDS;
    }
    List<String> changed = new ArrayList<>();
    add(changed, "title", before.title(), after.title());
    add(changed, "description", before.description(), after.description());
    add(changed, "form", before.form(), after.form());
    add(changed, "responsible", before.responsible(), after.responsible());
    add(changed, "starts", before.starts(), after.starts());
    add(changed, "due", before.due(), after.due());
    add(changed, "status", before.status(), after.status());
    add(changed, "results", before.resultSlugs(), after.resultSlugs());
    add(changed, "outcome", before.outcome(), after.outcome());
    return changed;
  }

  private static void add(List<String> changed, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field);
    }
  }
}
