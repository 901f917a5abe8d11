package ru.metodichka.expert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.auth.Person;

/**
 * An invitation of an expert to review a community's results for a period, or the chosen published
 * materials of it.
 *
 * @param pages the chosen materials as the community's insiders see them; empty: the community's
 *     results for the period as a whole
 * @param publicPages the same as everyone else sees them: only those still public, by the title the
 *     public reads
 * @param submitted how many times the expert has submitted (0: not yet)
 */
public record Assignment(
    long id,
    long communityId,
    String communitySlug,
    String communityName,
    long expertId,
    Person expert,
    Instant from,
    Instant to,
    List<ReviewedPage> pages,
    List<ReviewedPage> publicPages,
    int rubricVersion,
    Person invitedBy,
    OffsetDateTime invitedAt,
    int submitted) {
  public Assignment {
    pages = List.copyOf(pages);
    publicPages = List.copyOf(publicPages);
  }

  /**
   * The invitation as a reader sees it: an insider of the community (its moderators,
   * administrators) the chosen pages as they are; anyone else, the invited expert included, only
   * those still public (Visibility's rule), by their public title.
   */
  public Assignment seenBy(boolean insider) {
    return insider
        ? this
        : new Assignment(
            id,
            communityId,
            communitySlug,
            communityName,
            expertId,
            expert,
            from,
            to,
            publicPages,
            publicPages,
            rubricVersion,
            invitedBy,
            invitedAt,
            submitted);
  }
}
