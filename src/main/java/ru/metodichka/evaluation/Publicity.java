package ru.metodichka.evaluation;

import java.time.OffsetDateTime;

/** Whether a community's evaluation summary is open to everyone, as a moderator last set it. */
public record Publicity(boolean open, Person by, OffsetDateTime at) {}
