package ru.metodichka.notification;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one event tells its recipients, before it is stored: the same facts for each of {@code
 * recipients}.
 *
 * @param link a path of this site ({@code /c/…}), unencoded
 * @param detail a short text of the kind's own: a revision number, a comment's excerpt, a decision,
 *     a meeting's change, a report's outcome
 * @param at a time the kind is about (a meeting's start, an item's due date), or null
 * @param mailExtra a line for the e-mail only (a remote meeting's link), or null
 */
record Notice(
    NotificationKind kind,
    List<Long> recipients,
    Long communityId,
    Long pageId,
    Long actorId,
    String title,
    String detail,
    String link,
    OffsetDateTime at,
    String mailExtra) {
  Notice {
    recipients = List.copyOf(recipients);
  }

  /** The same facts as another kind, for other recipients. */
  Notice to(List<Long> others, NotificationKind otherKind) {
    return new Notice(
        otherKind, others, communityId, pageId, actorId, title, detail, link, at, mailExtra);
  }
}
