package ru.metodichka.expert;

/** A material chosen for review, by its current address and title. */
public record ReviewedPage(long id, String slug, String title) {}
