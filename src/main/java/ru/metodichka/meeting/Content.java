package ru.metodichka.meeting;

import java.time.OffsetDateTime;

/**
 * What one version of a meeting says. {@code planItem} and {@code minutesPage} are ids (null when
 * none); {@code place} and {@code link} are "" when not given.
 */
record Content(
    String title,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    MeetingForm form,
    String place,
    String link,
    String agenda,
    Long planItem,
    Long minutesPage,
    boolean cancelled) {

  Content cancel() {
    return new Content(
        title, startsAt, endsAt, form, place, link, agenda, planItem, minutesPage, true);
  }
}
