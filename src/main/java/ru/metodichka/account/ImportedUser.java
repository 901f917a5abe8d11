package ru.metodichka.account;

/**
 * One row of a user import, as read from the file.
 *
 * @param line the row's line in the file (the header is line 1), as a spreadsheet numbers it
 */
public record ImportedUser(
    int line,
    String login,
    String name,
    String email,
    String institution,
    String position,
    boolean methodist) {}
