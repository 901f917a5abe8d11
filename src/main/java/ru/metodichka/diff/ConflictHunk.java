package ru.metodichka.diff;

import java.util.List;

/**
 * One overlapping region of a merge: the 1-based first line of the region in the base, and the
 * three versions of the region (lines without their newline).
 *
 * <p>The region is shown the way git's {@code zdiff3} conflict style shows it: lines that the
 * current and your versions share at its start or end are merged outside the conflict, while {@code
 * base} keeps every base line the two edits touched. When both sides only inserted lines at the
 * same place, {@code base} is empty and {@code baseLine} is the base line the insertions stand
 * before (one past the last line when they are at the end).
 */
public record ConflictHunk(
    int baseLine, List<String> base, List<String> current, List<String> yours) {
  /** Keeps the hunk immutable: callers get lists they cannot change under each other. */
  public ConflictHunk {
    base = List.copyOf(base);
    current = List.copyOf(current);
    yours = List.copyOf(yours);
  }
}
