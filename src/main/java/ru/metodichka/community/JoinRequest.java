package ru.metodichka.community;

import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * A teacher's request to join a community (§3: participation is voluntary), as the requester and
 * the community's moderators see it — nobody else does.
 *
 * @param status {@code requested}, {@code active} (approved), {@code rejected} or {@code
 *     withdrawn}; an approved request that later ended shows the period's status ({@code left})
 * @param decidedAt when it was approved, rejected or withdrawn; null while pending
 * @param decidedBy who approved or rejected it (the requester when withdrawn); null while pending
 * @param reason the moderator's reason for a rejection, or null
 */
public record JoinRequest(
    long id,
    String community,
    String communityName,
    Person requester,
    String institution,
    String position,
    String message,
    String status,
    OffsetDateTime requestedAt,
    OffsetDateTime decidedAt,
    Person decidedBy,
    String reason) {

  public boolean pending() {
    return "requested".equals(status);
  }
}
