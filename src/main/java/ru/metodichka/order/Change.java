package ru.metodichka.order;

import java.time.OffsetDateTime;

/**
 * One change of a community's composition.
 *
 * @param at when it happened
 * @param note what the moderator said when removing a member, or null
 */
public record Change(ChangeKind kind, Participant who, OffsetDateTime at, String note) {}
