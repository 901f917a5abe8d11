package ru.metodichka.evaluation;

import java.time.OffsetDateTime;

/**
 * A moderator's assessment of a period (§5.1), never changed: relevance of the direction and degree
 * of solution of the tasks, each 1–5, with the written justification.
 */
public record Assessment(
    long id,
    OffsetDateTime from,
    OffsetDateTime to,
    int relevance,
    int solution,
    String text,
    Person by,
    OffsetDateTime at) {}
