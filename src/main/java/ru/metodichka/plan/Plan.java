package ru.metodichka.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.community.Community;

/**
 * A community's activity plan for an academic year, as it stands now or stood at a moment.
 *
 * @param asOf the moment it is shown as of, or null for now
 * @param day the day overdue items are counted on: today, or the day of {@code asOf}
 * @param items in the plan's order: by start, then due date, then as added
 */
public record Plan(
    Community community,
    AcademicYear year,
    OffsetDateTime asOf,
    LocalDate day,
    List<PlanItem> items,
    Completion completion) {

  public Plan {
    items = List.copyOf(items);
  }
}
