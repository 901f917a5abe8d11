package ru.metodichka.plan;

import java.util.List;

/**
 * What a community's page shows of its plan for the current academic year: how much is done and
 * what comes next.
 *
 * @param next open items (planned or in progress), the soonest due first
 */
public record PlanSummary(AcademicYear year, Completion completion, List<PlanItem> next) {

  public PlanSummary {
    next = List.copyOf(next);
  }
}
