package ru.metodichka.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * What one version of an item stores: its fields, with the responsible people and the result pages
 * as ids. Two versions with equal content are the same item; a change that would repeat the current
 * content adds no version.
 */
record Content(
    String title,
    String description,
    PlanForm form,
    LocalDate starts,
    LocalDate due,
    PlanStatus status,
    String outcome,
    List<Long> responsible,
    List<Long> results) {

  Content {
    responsible = List.copyOf(responsible);
    results = List.copyOf(results);
  }
}
