package ru.metodichka.page;

import java.time.OffsetDateTime;

/**
 * A page in its community's list.
 *
 * @param parent the slug of the page it stands under in the community's structure, or null
 * @param placed whether it is placed in the structure (the pages outside it are listed last)
 * @param comments its comments that are neither deleted nor hidden
 */
public record ListedPage(
    String slug,
    String title,
    String kind,
    PageStatus status,
    int revision,
    OffsetDateTime updatedAt,
    String parent,
    boolean placed,
    int comments) {}
