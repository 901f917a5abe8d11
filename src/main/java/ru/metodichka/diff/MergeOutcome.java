package ru.metodichka.diff;

import java.util.List;

/** The result of a three-way merge: either one text to save or the conflicts to show. */
public sealed interface MergeOutcome {
  /** Both sides' changes applied; {@code text} is what gets saved. */
  record Clean(String text) implements MergeOutcome {}

  /** At least one overlapping change; nothing is chosen for the user. */
  record Conflicted(List<ConflictHunk> conflicts) implements MergeOutcome {
    /** Keeps the outcome immutable. */
    public Conflicted {
      conflicts = List.copyOf(conflicts);
    }
  }
}
