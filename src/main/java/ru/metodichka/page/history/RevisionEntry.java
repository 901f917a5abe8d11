package ru.metodichka.page.history;

import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * A revision in a history list, without its text.
 *
 * @param delta characters added (positive) or removed (negative) against the previous revision
 * @param resolvedConflictWith the revision whose conflict with its author this one settled, or null
 */
public record RevisionEntry(
    int number,
    Person author,
    OffsetDateTime createdAt,
    String summary,
    int size,
    int delta,
    boolean merged,
    Integer revertedFrom,
    Integer resolvedConflictWith) {}
