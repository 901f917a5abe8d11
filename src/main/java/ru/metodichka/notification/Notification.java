package ru.metodichka.notification;

import java.time.OffsetDateTime;

/**
 * A notification as its recipient reads it.
 *
 * @param actorName who did it, or null (a decision, a due date)
 * @param at a meeting's start or an item's due date, or null
 */
public record Notification(
    long id,
    NotificationKind kind,
    String title,
    String detail,
    String link,
    String actorName,
    String community,
    OffsetDateTime at,
    OffsetDateTime createdAt,
    boolean read) {}
