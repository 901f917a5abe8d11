package ru.metodichka.page;

/** A page whose current text links to another page. */
public record Backlink(String community, String slug, String title, PageStatus status) {}
