package ru.metodichka.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A new item of the plan as asked for, before its people and pages are looked up.
 *
 * @param year the plan it belongs to; null for the academic year its start falls in
 * @param responsible logins of members
 * @param results slugs of pages of the community
 */
public record ItemDraft(
    AcademicYear year,
    String title,
    String description,
    PlanForm form,
    List<String> responsible,
    LocalDate starts,
    LocalDate due,
    PlanStatus status,
    List<String> results,
    String outcome) {

  public ItemDraft {
    responsible = List.copyOf(responsible);
    results = List.copyOf(results);
  }

  /** The plan the item goes into. */
  AcademicYear plan() {
    return year != null ? year : AcademicYear.containing(starts);
  }
}
