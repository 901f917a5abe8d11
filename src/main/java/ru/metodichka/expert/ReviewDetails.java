package ru.metodichka.expert;

import java.util.List;
import ru.metodichka.auth.Person;

/**
 * An invitation as its reader may see it.
 *
 * @param submissions this review's submissions, newest first (the first one counts)
 * @param others the latest submissions of the other experts invited for the same community and
 *     period; empty and {@code othersHidden} while the reading expert has not submitted (blind)
 * @param mayScore whether the reader is the invited expert and may submit
 */
public record ReviewDetails(
    Assignment assignment,
    Rubric rubric,
    List<Submission> submissions,
    List<OtherReview> others,
    boolean othersHidden,
    boolean mayScore) {
  public ReviewDetails {
    submissions = List.copyOf(submissions);
    others = List.copyOf(others);
  }

  /** Another expert's latest submission for the same community and period. */
  public record OtherReview(long reviewId, Person expert, Submission latest) {}
}
