package ru.metodichka.institution;

import java.time.OffsetDateTime;

/**
 * An educational organisation of the district, with the number of users who work there.
 *
 * @param kind {@code school}, {@code kindergarten}, {@code college}, {@code centre} or {@code
 *     other}
 */
public record Institution(
    long id,
    String name,
    String shortName,
    String kind,
    OffsetDateTime createdAt,
    long userCount) {}
