package ru.metodichka.expert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.auth.Person;

/**
 * An invitation of an expert to review a community's results for a period, or the chosen published
 * materials of it.
 *
 * @param pages the chosen materials; empty: the community's results for the period as a whole
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
    int rubricVersion,
    Person invitedBy,
    OffsetDateTime invitedAt,
    int submitted) {
  public Assignment {
    pages = List.copyOf(pages);
  }
}
