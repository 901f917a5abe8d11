package ru.metodichka.account;

/**
 * One row of an institution import, as read from the file.
 *
 * @param line the row's line in the file (the header is line 1)
 * @param kind {@code school}, {@code kindergarten}, {@code college}, {@code centre} or {@code
 *     other}
 */
public record ImportedInstitution(int line, String name, String shortName, String kind) {}
