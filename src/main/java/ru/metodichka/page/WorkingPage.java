package ru.metodichka.page;

import java.time.OffsetDateTime;

/** A page not published yet that someone works on, as their front page lists it. */
public record WorkingPage(
    String community,
    String communityName,
    String slug,
    String title,
    PageStatus status,
    OffsetDateTime updatedAt) {}
