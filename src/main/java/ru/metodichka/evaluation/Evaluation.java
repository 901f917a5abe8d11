package ru.metodichka.evaluation;

import ru.metodichka.community.Community;

/**
 * One community's evaluation for a period (§5.1), section by section. A new section (the experts'
 * composite, §5.2) is a new component here, filled by {@link EvaluationService#evaluate}, written
 * by {@code EvaluationJson.summary}, shown by its block in {@code evaluation/summary.jte} and
 * exported by {@code EvaluationWorkbook}.
 *
 * @param threshold contributions that make a participant active ({@code
 *     evaluation.active-threshold})
 */
public record Evaluation(
    Community community,
    Period period,
    int threshold,
    Participants participants,
    Tasks tasks,
    Results results) {}
