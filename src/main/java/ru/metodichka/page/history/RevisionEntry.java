package ru.metodichka.page.history;

import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * A revision in a history list, without its text.
 *
 * @param delta characters added (positive) or removed (negative) against the previous revision
 * @param resolvedConflictWith the revision whose conflict with its author this one settled, or null
 * @param hidden whether a moderator hid it ({@link ru.metodichka.page.Visibility#mayReadRevision}):
 *     for anyone but the community's moderators it is listed without its summary or a link
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
    Integer resolvedConflictWith,
    boolean hidden) {

  /** The entry as those who may not read a hidden revision see it: no summary. */
  RevisionEntry withoutSummary() {
    return new RevisionEntry(
        number,
        author,
        createdAt,
        "",
        size,
        delta,
        merged,
        revertedFrom,
        resolvedConflictWith,
        hidden);
  }
}
