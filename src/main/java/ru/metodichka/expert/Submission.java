package ru.metodichka.expert;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A review as submitted: never changed; a correction is the next number.
 *
 * @param scores one per criterion of the invitation's rubric version, in the rubric's order
 */
public record Submission(
    int number, OffsetDateTime submittedAt, Recommendation recommendation, List<Score> scores) {
  public Submission {
    scores = List.copyOf(scores);
  }

  /** One criterion's score (0–3) and the expert's comment ("" when none). */
  public record Score(String code, int score, String comment) {}
}
