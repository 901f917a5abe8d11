package ru.metodichka.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Line diff (java-diff-utils) with the changed words inside changed lines. Pure, thread-safe. */
public final class TextDiff {
  private TextDiff() {}

  /** Hunks with {@code context} unchanged lines around each change, as in a unified diff. */
  public static List<Hunk> diff(String from, String to, int context) {
    List<String> a = lines(from);
    List<String> b = lines(to);
    List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
    List<Hunk> hunks = new ArrayList<>();
    int first = 0;
    for (int i = 1; i <= deltas.size(); i++) {
      // A gap of more than twice the context between two changes starts a new hunk.
      if (i == deltas.size() || gap(deltas.get(i - 1), deltas.get(i)) > 2 * context) {
        hunks.add(HunkBuilder.build(a, b, deltas.subList(first, i), context));
        first = i;
      }
    }
    return hunks;
  }

  /**
   * Characters added and removed going from one text to the other. Changed lines are compared word
   * by word, so fixing one word in a long line counts that word, not the line.
   */
  public static CharDelta charDelta(String from, String to) {
    int added = 0;
    int removed = 0;
    for (AbstractDelta<String> d : DiffUtils.diff(lines(from), lines(to)).getDeltas()) {
      List<String> old = d.getSource().getLines();
      List<String> now = d.getTarget().getLines();
      int paired = Math.min(old.size(), now.size());
      for (int i = 0; i < paired; i++) {
        CharDelta words = Words.delta(old.get(i), now.get(i));
        added += words.added();
        removed += words.removed();
      }
      removed += withNewlines(old.subList(paired, old.size()));
      added += withNewlines(now.subList(paired, now.size()));
    }
    return new CharDelta(added, removed);
  }

  private static int withNewlines(List<String> lines) {
    return Words.length(lines) + lines.size();
  }

  private static int gap(AbstractDelta<String> previous, AbstractDelta<String> next) {
    return next.getSource().getPosition()
        - (previous.getSource().getPosition() + previous.getSource().size());
  }

  /** The lines of a text; {@code \r\n} counts as {@code \n}, a final newline ends the last line. */
  static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String unix = text.replace("\r\n", "\n");
    if (unix.endsWith("\n")) {
      unix = unix.substring(0, unix.length() - 1);
    }
    return Arrays.asList(unix.split("\n", -1));
  }
}
