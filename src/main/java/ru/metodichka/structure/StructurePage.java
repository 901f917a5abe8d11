package ru.metodichka.structure;

import ru.metodichka.page.PageStatus;

/**
 * A page of a community as the structure reads it, placed or not.
 *
 * @param parentId the page it stands under, or null (at the top, or outside the tree)
 * @param position its place in the tree read in order; {@code Placement.UNPLACED} outside it
 * @param visible whether the reader may see it ({@code page.Visibility}); the title is null if not
 */
record StructurePage(
    long id,
    String slug,
    String title,
    PageStatus status,
    Long parentId,
    int position,
    boolean visible) {}
