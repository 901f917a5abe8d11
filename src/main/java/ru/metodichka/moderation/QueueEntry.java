package ru.metodichka.moderation;

import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.page.PageStatus;

/**
 * A page in the moderators' review queue as the database has it: waiting «на проверке», or
 * published with edits newer than its reviewed revision.
 *
 * @param reviewedRevision the revision the public reads, or null for a page never reviewed
 * @param reviewedMarkdown its text ("" when none)
 * @param waitingSince when the oldest unreviewed revision was saved
 * @param request the member's request for a review of the current edits, or null
 * @param authors the authors of the unreviewed revisions, in the order they wrote
 */
public record QueueEntry(
    String community,
    String communityName,
    String slug,
    String title,
    String reviewedTitle,
    PageStatus status,
    int revision,
    Integer reviewedRevision,
    String markdown,
    String reviewedMarkdown,
    OffsetDateTime waitingSince,
    Request request,
    List<String> authors) {

  public QueueEntry {
    authors = List.copyOf(authors);
  }

  /** A member's «Отправить на проверку», with the note for the moderator. */
  public record Request(Person by, String note, OffsetDateTime at) {}

  /** How many revisions wait for review. */
  public int unreviewed() {
    return revision - (reviewedRevision == null ? 0 : reviewedRevision);
  }
}
