package ru.metodichka.auth;

import java.time.OffsetDateTime;

/**
 * A community a user is an active member of, as their profile lists it.
 *
 * @param role {@code member}, {@code moderator} or {@code expert}
 */
public record UserMembership(
    String community, String communityName, String role, OffsetDateTime since) {}
