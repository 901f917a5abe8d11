package ru.metodichka.community;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * One period of one person in one role in a community; the history is the list of them (never
 * deleted: growth is computed from it).
 *
 * @param status {@code requested}, {@code active}, {@code left} or {@code rejected}
 * @param until when the period ended, or null while it lasts
 * @param endReason why it ended ({@code left}, {@code removed}, {@code role_changed}, {@code
 *     rejected}), or null
 * @param endedBy who ended it, or null
 * @param endNote what they said about it (a moderator's reason), or null
 * @param order the order of the centre that confirmed its start (§4.4), or null
 * @param endOrder the order that confirmed its end, or null
 */
public record Membership(
    Person person,
    Role role,
    String status,
    OffsetDateTime since,
    OffsetDateTime until,
    String endReason,
    Person endedBy,
    String endNote,
    Order order,
    Order endOrder) {

  /** An order (приказ) of the centre: its number and date. */
  public record Order(String number, LocalDate date) {}
}
