package ru.metodichka.meeting;

import java.util.List;
import ru.metodichka.community.Access;

/**
 * One meeting as its page shows it to its reader.
 *
 * @param agendaHtml the agenda through the pages' renderer and sanitizer ("" without one)
 * @param attendees who came, for insiders (empty for everyone else)
 * @param record the attendance as recorded, every change, for moderators (empty otherwise)
 */
public record MeetingView(
    Access access,
    Meeting meeting,
    String agendaHtml,
    List<Attendee> attendees,
    List<AttendanceChange> record) {

  /** The attendees' logins, one a line: the attendance form as it stands. */
  public String attendeeLogins() {
    StringBuilder logins = new StringBuilder();
    attendees.forEach(a -> logins.append(a.login()).append('\n'));
    return logins.toString();
  }
}
