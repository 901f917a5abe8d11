package ru.metodichka.page;

import java.time.OffsetDateTime;

/** A page published to the bank, as the front page lists the newest ones. */
public record PublishedPage(
    String community,
    String communityName,
    String slug,
    String title,
    String kind,
    OffsetDateTime publishedAt) {}
