package ru.metodichka.profile;

import java.time.OffsetDateTime;

/**
 * One of the user's own contributions as their profile lists it.
 *
 * @param slug the page's slug when the act is about a page the user may still see, else null
 * @param title the page's current title when the user may see it; otherwise the title as it was in
 *     the user's own revision (a draft of a community they left must not show later renames)
 * @param unavailable true when the act is about a page the user may no longer see
 * @param revision the revision the act wrote, or null
 */
public record ContributionEntry(
    long id,
    String kind,
    int charsAdded,
    int charsRemoved,
    OffsetDateTime createdAt,
    String community,
    String communityName,
    String slug,
    String title,
    boolean unavailable,
    Integer revision) {}
