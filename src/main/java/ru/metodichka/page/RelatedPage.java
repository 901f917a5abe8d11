package ru.metodichka.page;

/** A page shown beside another one (similar materials): where it is and what it is. */
public record RelatedPage(
    String community, String communityName, String slug, String title, String kind) {}
