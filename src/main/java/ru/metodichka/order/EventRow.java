package ru.metodichka.order;

import java.time.OffsetDateTime;
import ru.metodichka.community.Role;

/**
 * One composition event as the database keeps it (the view {@code composition_events}): the start
 * or the end of one membership period of a member or moderator.
 *
 * @param at when the period started (for a start) or ended (for an end)
 * @param endReason why it ended ({@code left}, {@code removed}, {@code role_changed}), or null
 */
record EventRow(
    long membershipId,
    boolean start,
    long communityId,
    long userId,
    Role role,
    OffsetDateTime at,
    String endReason,
    String endNote,
    Participant who) {

  /** The event's name in {@code order_items.event}. */
  String event() {
    return start ? "start" : "end";
  }
}
