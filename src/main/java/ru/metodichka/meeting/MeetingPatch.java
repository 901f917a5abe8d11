package ru.metodichka.meeting;

import java.time.OffsetDateTime;

/**
 * A change to a meeting: null leaves a field as it is. {@code planItem} and {@code minutesPage} are
 * set with a value, cleared with {@code clearPlanItem} / an empty slug.
 */
public record MeetingPatch(
    String title,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    MeetingForm form,
    String place,
    String link,
    String agenda,
    Long planItem,
    boolean clearPlanItem,
    String minutesPage) {

  /** The body of POST: every field given (absent ones as their blank values). */
  public static MeetingPatch draft(
      String title,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      MeetingForm form,
      String place,
      String link,
      String agenda,
      Long planItem,
      String minutesPage) {
    return new MeetingPatch(
        title,
        startsAt,
        endsAt,
        form,
        place == null ? "" : place,
        link == null ? "" : link,
        agenda == null ? "" : agenda,
        planItem,
        planItem == null,
        minutesPage == null ? "" : minutesPage);
  }
}
