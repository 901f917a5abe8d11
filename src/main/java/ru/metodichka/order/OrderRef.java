package ru.metodichka.order;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * An order that confirmed a composition: one issued here (with its id), or one entered by hand with
 * a membership (no id).
 *
 * @param id the issued order's id, or null for an order entered by hand
 */
public record OrderRef(Long id, String number, LocalDate date) {
  /** Dates of orders as they are written on them: 20.11.2026. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** Whether the order was issued here (and so has a page and a document). */
  public boolean issued() {
    return id != null;
  }

  /** The date as it is written on orders: 20.11.2026. */
  public String writtenDate() {
    return date.format(DATE);
  }
}
