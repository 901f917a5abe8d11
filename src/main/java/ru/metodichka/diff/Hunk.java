package ru.metodichka.diff;

import java.util.List;

/**
 * A run of changes with its context, as in a unified diff. Starts are 1-based; counts are the
 * numbers of lines on each side in this hunk. A side with no lines in the hunk (text added to an
 * empty page, or everything deleted) has count 0 and the start where its lines would be.
 */
public record Hunk(int fromStart, int fromCount, int toStart, int toCount, List<DiffLine> lines) {
  /** Keeps the hunk immutable. */
  public Hunk {
    lines = List.copyOf(lines);
  }
}
