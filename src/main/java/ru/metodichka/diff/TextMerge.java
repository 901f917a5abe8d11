package ru.metodichka.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffAlgorithm.SupportedAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeResult;

/**
 * Three-way line merge of (base, current, yours), as git does it: JGit's {@link MergeAlgorithm}
 * with the histogram diff over the UTF-8 bytes of the texts. Pure and thread-safe.
 *
 * <ul>
 *   <li>Only one side changed: that side's text. Both made the same change: it appears once.
 *   <li>Changes in different places: both applied.
 *   <li>Changes that overlap: {@link MergeOutcome.Conflicted} with every overlapping region, and
 *       nothing chosen for the user. Like git, edits of <em>adjacent</em> lines overlap too: two
 *       teachers changing neighbouring lines get a conflict rather than a guess; one unchanged line
 *       between the edits is enough to merge them. Deleting lines the other side edited conflicts
 *       too, and so do two different texts created on an empty base. Each {@link ConflictHunk}
 *       holds the three versions of one region.
 * </ul>
 *
 * <p>Line endings: {@code \r\n} is read as {@code \n}, and a merged text uses {@code \n}. Whether
 * the text ends with a newline is merged apart from the lines, like a one-bit value (a side that
 * added or removed the final newline wins), so it never makes the last line conflict and never
 * glues the last line of one side to a line added by the other.
 *
 * <p>{@link #resolve} settles a conflicted merge: the same merge, with each overlapping region
 * replaced by what the author chose for it ({@link HunkChoice}); everything both sides changed
 * elsewhere is kept, so no one's text is dropped without a choice that names it.
 */
public final class TextMerge {
  private TextMerge() {}

  /** Merges the changes from {@code base} to {@code current} and to {@code yours}. */
  public static MergeOutcome merge(String base, String current, String yours) {
    Lines b = Lines.of(base);
    Lines c = Lines.of(current);
    Lines y = Lines.of(yours);
    // One side unchanged, or both the same: that text as it is (line endings aside), no merge.
    if (c.text().equals(y.text()) || b.text().equals(y.text())) {
      return new MergeOutcome.Clean(c.text());
    }
    if (b.text().equals(c.text())) {
      return new MergeOutcome.Clean(y.text());
    }
    MergeResult<RawText> result = lineMerge(b, c, y);
    List<List<String>> sequences = List.of(b.lines(), c.lines(), y.lines());
    if (result.containsConflicts()) {
      return new MergeOutcome.Conflicted(Conflicts.of(result, sequences));
    }
    boolean finalNewline =
        c.finalNewline() == b.finalNewline() ? y.finalNewline() : c.finalNewline();
    return new MergeOutcome.Clean(join(result, sequences, finalNewline));
  }

  /**
   * The merge of the three texts with each overlapping region settled by the choice at its index:
   * the text a save that resolves the conflict appends. A merge without overlaps needs no choices
   * and gives its clean text.
   *
   * @throws IllegalArgumentException when there is not exactly one choice per overlapping region
   *     ({@link #merge} tells how many there are)
   */
  public static String resolve(
      String base, String current, String yours, List<HunkChoice> choices) {
    MergeOutcome outcome = merge(base, current, yours);
    int regions =
        outcome instanceof MergeOutcome.Conflicted conflicted ? conflicted.conflicts().size() : 0;
    if (choices.size() != regions) {
      throw new IllegalArgumentException(
          "Expected " + regions + " choice(s), one per overlapping region, got " + choices.size());
    }
    if (outcome instanceof MergeOutcome.Clean clean) {
      return clean.text();
    }
    Lines b = Lines.of(base);
    Lines c = Lines.of(current);
    Lines y = Lines.of(yours);
    MergeResult<RawText> result = lineMerge(b, c, y);
    List<List<String>> sequences = List.of(b.lines(), c.lines(), y.lines());
    List<ConflictHunk> hunks = Conflicts.of(result, sequences);
    List<String> lines = new ArrayList<>();
    int region = 0;
    for (MergeChunk chunk : result) {
      switch (chunk.getConflictState()) {
        case NO_CONFLICT ->
            lines.addAll(
                sequences.get(chunk.getSequenceIndex()).subList(chunk.getBegin(), chunk.getEnd()));
        case FIRST_CONFLICTING_RANGE -> {
          lines.addAll(chosen(hunks.get(region), choices.get(region)));
          region++;
        }
        default -> {
          // The base and your parts of a region: already settled with its first part.
        }
      }
    }
    boolean finalNewline =
        c.finalNewline() == b.finalNewline() ? y.finalNewline() : c.finalNewline();
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return withFinalNewline(text, finalNewline);
  }

  private static List<String> chosen(ConflictHunk hunk, HunkChoice choice) {
    return switch (choice) {
      case HunkChoice.Mine m -> hunk.yours();
      case HunkChoice.Theirs t -> hunk.current();
      case HunkChoice.ByHand hand -> Lines.of(hand.text()).lines();
    };
  }

  private static MergeResult<RawText> lineMerge(Lines base, Lines current, Lines yours) {
    return new MergeAlgorithm(DiffAlgorithm.getAlgorithm(SupportedAlgorithm.HISTOGRAM))
        .merge(RawTextComparator.DEFAULT, raw(base), raw(current), raw(yours));
  }

  /** Every line terminated, so a missing final newline does not make the last line differ. */
  private static RawText raw(Lines lines) {
    return new RawText(lines.terminated().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The merged lines, taken from our own decoded lines rather than decoded back from JGit's bytes:
   * RawText splits on the same LF bytes (UTF-8 never has one inside a Cyrillic letter), so the line
   * numbers agree and no text goes through a charset guess.
   */
  private static String join(
      MergeResult<RawText> result, List<List<String>> sequences, boolean finalNewline) {
    StringBuilder text = new StringBuilder();
    for (MergeChunk chunk : result) {
      List<String> lines = sequences.get(chunk.getSequenceIndex());
      for (int line = chunk.getBegin(); line < chunk.getEnd(); line++) {
        text.append(lines.get(line)).append('\n');
      }
    }
    return withFinalNewline(text, finalNewline);
  }

  /**
   * Drops the newline only after a non-empty last line: dropping it after an empty one would remove
   * that line instead.
   */
  private static String withFinalNewline(StringBuilder text, boolean finalNewline) {
    int length = text.length();
    if (!finalNewline && length >= 2 && text.charAt(length - 2) != '\n') {
      text.setLength(length - 1);
    }
    return text.toString();
  }
}
