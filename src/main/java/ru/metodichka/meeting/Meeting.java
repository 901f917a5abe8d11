package ru.metodichka.meeting;

import java.time.OffsetDateTime;

/**
 * A meeting as its reader sees it: the latest version. {@code link} is "" for anyone who is not an
 * insider of the community (a remote meeting's address is for its members only); {@code
 * minutesSlug} is null when there are no minutes or the reader may not see the page.
 *
 * @param version the number of versions: the calendar's SEQUENCE is {@code version - 1}
 * @param myAnswer the reader's RSVP answer, or null
 */
public record Meeting(
    long id,
    String community,
    String communityName,
    int version,
    String title,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    MeetingForm form,
    String place,
    String link,
    String agenda,
    Long planItem,
    String planItemTitle,
    String minutesSlug,
    String minutesTitle,
    boolean cancelled,
    OffsetDateTime changedAt,
    int yes,
    int no,
    int maybe,
    String myAnswer) {

  /** The calendar's SEQUENCE: 0 for a meeting never changed. */
  public int sequence() {
    return version - 1;
  }

  public boolean remote() {
    return form == MeetingForm.REMOTE;
  }

  /** Whether the meeting has started by {@code now}. */
  public boolean started(OffsetDateTime now) {
    return !startsAt.isAfter(now);
  }

  /** Whether the meeting has ended by {@code now}. */
  public boolean over(OffsetDateTime now) {
    return !endsAt.isAfter(now);
  }

  /** The same meeting without its link, for readers who are not insiders. */
  Meeting withoutLink() {
    return new Meeting(
        id,
        community,
        communityName,
        version,
        title,
        startsAt,
        endsAt,
        form,
        place,
        "",
        agenda,
        planItem,
        planItemTitle,
        minutesSlug,
        minutesTitle,
        cancelled,
        changedAt,
        yes,
        no,
        maybe,
        myAnswer);
  }
}
