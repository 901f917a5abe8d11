package ru.metodichka.order;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * An issued order of the centre. Never changed once issued: a mistake is corrected by a later
 * order.
 *
 * @param date the date it was signed (a calendar date, never shifted by a time zone)
 * @param issuedBy the administrator who recorded it
 * @param note the administrator's remark, or null
 */
public record Order(
    long id, String number, LocalDate date, Person issuedBy, OffsetDateTime issuedAt, String note) {

  /** The date as it is written on orders: 20.11.2026. */
  public String writtenDate() {
    return date.format(OrderRef.DATE);
  }

  public OrderRef ref() {
    return new OrderRef(id, number, date);
  }
}
