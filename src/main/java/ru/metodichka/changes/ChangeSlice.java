package ru.metodichka.changes;

import java.util.List;

/**
 * One slice of recent changes, newest first.
 *
 * @param next the cursor of the following (older) slice, or null at the end
 */
public record ChangeSlice(List<ChangeEntry> items, Long next) {
  public ChangeSlice {
    items = List.copyOf(items);
  }
}
