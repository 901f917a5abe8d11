package ru.metodichka.evaluation;

/**
 * A published page of another community whose text, as the public reads it, links to a published
 * page of this one.
 */
public record Citation(
    String citedSlug,
    String citedTitle,
    String community,
    String communityName,
    String slug,
    String title) {}
