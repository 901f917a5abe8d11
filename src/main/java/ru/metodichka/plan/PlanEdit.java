package ru.metodichka.plan;

/** What a change to an item came to. */
public sealed interface PlanEdit {

  /**
   * Applied: {@code item} is the item now.
   *
   * @param changed false when the change repeated the current version (no version was added)
   */
  record Saved(PlanItem item, boolean changed) implements PlanEdit {}

  /** Refused: made from an older version; {@code current} is the item as it is now. */
  record Stale(PlanItem current) implements PlanEdit {}
}
