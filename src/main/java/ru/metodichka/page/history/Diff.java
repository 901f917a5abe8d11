package ru.metodichka.page.history;

import java.util.List;
import ru.metodichka.diff.Hunk;
import ru.metodichka.page.Revision;

/** Line hunks from one revision to another, with the changed words inside changed lines. */
public record Diff(Revision from, Revision to, List<Hunk> hunks) {
  public Diff {
    hunks = List.copyOf(hunks);
  }
}
