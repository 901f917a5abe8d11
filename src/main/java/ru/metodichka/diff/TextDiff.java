package ru.metodichka.diff;

import java.util.ArrayList;
import java.util.List;
import ru.metodichka.diff.Sequences.Change;

/**
 * Line diff with the changed words inside changed lines, both by JGit's histogram diff (see {@link
 * Sequences}). Pure and thread-safe.
 *
 * <p>Texts are read as {@link Lines}: {@code \r\n} is {@code \n}, and a missing final newline is
 * not a difference (both render the same Markdown).
 */
public final class TextDiff {
  private TextDiff() {}

  /**
   * Hunks with {@code context} unchanged lines around each change, like a unified diff (the usual
   * context is 3). Two changes share a hunk when at most {@code 2 * context} unchanged lines lie
   * between them, so that no line would be shown twice. Identical texts have no hunks.
   */
  public static List<Hunk> diff(String from, String to, int context) {
    if (context < 0) {
      throw new IllegalArgumentException("context must not be negative: " + context);
    }
    List<String> a = Lines.of(from).lines();
    List<String> b = Lines.of(to).lines();
    List<Change<String>> changes = Sequences.changes(a, b);
    List<Hunk> hunks = new ArrayList<>();
    int first = 0;
    for (int i = 1; i <= changes.size(); i++) {
      if (i == changes.size() || gap(changes.get(i - 1), changes.get(i)) > 2 * context) {
        hunks.add(HunkBuilder.build(a, b, changes.subList(first, i), context));
        first = i;
      }
    }
    return hunks;
  }

  /**
   * Characters added and removed going from {@code from} to {@code to}, for the contribution
   * ledger, in code points. The lines both texts share at the start and at the end are skipped;
   * what lies between is compared word by word, newlines included, so fixing or moving one word in
   * a long line counts that word, not the line, and a line added as a whole counts its characters
   * and its newline. Words rather than paired lines: when a teacher reworks every paragraph and
   * drops one, the line diff may line a paragraph up with its neighbour's new version (to it every
   * changed line is just different), while the words still find each paragraph's own.
   */
  public static CharDelta charDelta(String from, String to) {
    List<String> a = Lines.of(from).lines();
    List<String> b = Lines.of(to).lines();
    int start = 0;
    int limit = Math.min(a.size(), b.size());
    while (start < limit && a.get(start).equals(b.get(start))) {
      start++;
    }
    int end = 0;
    while (end < limit - start && a.get(a.size() - 1 - end).equals(b.get(b.size() - 1 - end))) {
      end++;
    }
    return Words.delta(
        block(a.subList(start, a.size() - end)), block(b.subList(start, b.size() - end)));
  }

  /** Lines each ended by a newline; nothing for no lines. */
  private static String block(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** Unchanged lines between two neighbouring changes. */
  private static int gap(Change<String> previous, Change<String> next) {
    return next.from() - previous.fromEnd();
  }
}
