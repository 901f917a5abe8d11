package ru.metodichka.meeting;

/** A person on a meeting's attendance list. */
public record Attendee(String login, String name) {}
