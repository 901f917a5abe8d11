package ru.metodichka.home;

import java.util.Optional;
import ru.metodichka.community.Access;
import ru.metodichka.community.JoinRequest;

/**
 * What a community's page offers its reader about joining: «Вступить» (with a message) to a
 * logged-in teacher who is not a member of an active community, the state of their request while it
 * waits (with «отозвать»), the reason of the last rejection; a login link to a visitor.
 *
 * @param latest the reader's latest request to this community, or null
 */
public record JoinBox(boolean visitor, boolean member, boolean archived, JoinRequest latest) {

  static JoinBox of(Access access, Optional<JoinRequest> latest) {
    return new JoinBox(
        access.user().anonymous(),
        access.role() != null,
        access.community().archived(),
        latest.orElse(null));
  }

  /** The teacher may ask now: logged in, not a member, nothing pending, community active. */
  public boolean canAsk() {
    return !visitor && !member && !archived && !pending();
  }

  public boolean pending() {
    return latest != null && latest.pending();
  }

  /** The last request was rejected (and none since): its reason is worth showing. */
  public boolean rejected() {
    return !member && latest != null && "rejected".equals(latest.status());
  }
}
