package ru.metodichka.evaluation;

/** Someone behind a figure: login, name and institution (empty when none is recorded). */
public record Person(String login, String name, String institution) {}
