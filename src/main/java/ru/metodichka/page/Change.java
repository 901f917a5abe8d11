package ru.metodichka.page;

import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * One revision in a list of recent changes.
 *
 * @param delta characters added (positive) or removed (negative) against the previous revision
 * @param revertedFrom the revision whose text this one restored, or null
 */
public record Change(
    String community,
    String communityName,
    String slug,
    PageStatus status,
    String title,
    int revision,
    String summary,
    OffsetDateTime createdAt,
    int size,
    int delta,
    boolean merged,
    Integer revertedFrom,
    Person author) {}
