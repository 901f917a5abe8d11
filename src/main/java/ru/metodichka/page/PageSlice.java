package ru.metodichka.page;

import java.util.List;

/**
 * One part of a community's page list, in the list's order.
 *
 * @param next where the next part starts; null when this part ends the list
 */
public record PageSlice(List<ListedPage> items, PageCursor next) {
  public PageSlice {
    items = List.copyOf(items);
  }
}
