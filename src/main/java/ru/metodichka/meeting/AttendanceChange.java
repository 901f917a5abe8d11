package ru.metodichka.meeting;

import java.time.OffsetDateTime;

/** One line of a meeting's attendance record: who was put on (or taken off) the list, by whom. */
public record AttendanceChange(
    String login, String name, boolean present, String changedBy, OffsetDateTime changedAt) {}
