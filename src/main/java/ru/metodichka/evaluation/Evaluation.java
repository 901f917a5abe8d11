package ru.metodichka.evaluation;

import ru.metodichka.community.Community;
import ru.metodichka.expert.Composite;

/**
 * One community's evaluation for a period (§5.1), section by section. A new section (the experts'
 * composite, §5.2) is a new component here, filled by {@link EvaluationService#evaluate}, written
 * by {@code EvaluationJson.summary}, shown by its block in {@code evaluation/summary.jte} and
 * exported by {@code EvaluationWorkbook}.
 *
 * @param threshold contributions that make a participant active ({@code
 *     evaluation.active-threshold})
 * @param experts what the independent experts said of the period (§5.2), or null for an invited
 *     expert who has not submitted every review yet (blind)
 */
public record Evaluation(
    Community community,
    Period period,
    int threshold,
    Participants participants,
    Tasks tasks,
    Results results,
    Composite experts) {

  /** The same evaluation without the experts' composite: what a blind expert reads. */
  Evaluation blind() {
    return new Evaluation(community, period, threshold, participants, tasks, results, null);
  }
}
