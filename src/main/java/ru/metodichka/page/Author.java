package ru.metodichka.page;

/** Someone who wrote revisions of a page, with their institution and how many revisions. */
public record Author(String login, String name, String institution, long revisions) {}
