package ru.metodichka.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/** Word-level comparison of two versions of one line. */
final class Words {
  private Words() {}

  /**
   * Cuts a line into words (runs of letters, marks and digits of any script, so Russian words stay
   * whole), runs of whitespace, and single other characters. Joining the tokens gives the line.
   */
  static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      int start = i;
      int cp = line.codePointAt(i);
      if (isWordChar(cp)) {
        while (i < line.length() && isWordChar(line.codePointAt(i))) {
          i += Character.charCount(line.codePointAt(i));
        }
      } else if (Character.isWhitespace(cp)) {
        while (i < line.length() && Character.isWhitespace(line.codePointAt(i))) {
          i += Character.charCount(line.codePointAt(i));
        }
      } else {
        i += Character.charCount(cp);
      }
      tokens.add(line.substring(start, i));
    }
    return tokens;
  }

  private static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** The old line's segments (EQUAL and DELETED) and the new line's (EQUAL and INSERTED). */
  static Pair compare(String oldLine, String newLine) {
    List<String> a = tokens(oldLine);
    List<String> b = tokens(newLine);
    List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
    return new Pair(
        segments(a, deltas, true, Segment.Kind.DELETED),
        segments(b, deltas, false, Segment.Kind.INSERTED));
  }

  /** Characters that differ between two versions of a line: (inserted, deleted). */
  static CharDelta delta(String oldLine, String newLine) {
    int added = 0;
    int removed = 0;
    for (AbstractDelta<String> d : DiffUtils.diff(tokens(oldLine), tokens(newLine)).getDeltas()) {
      removed += length(d.getSource().getLines());
      added += length(d.getTarget().getLines());
    }
    return new CharDelta(added, removed);
  }

  static int length(List<String> pieces) {
    return pieces.stream().mapToInt(String::length).sum();
  }

  private static List<Segment> segments(
      List<String> tokens,
      List<AbstractDelta<String>> deltas,
      boolean source,
      Segment.Kind changed) {
    List<Segment> segments = new ArrayList<>();
    int next = 0;
    for (AbstractDelta<String> d : deltas) {
      var chunk = source ? d.getSource() : d.getTarget();
      append(segments, Segment.Kind.EQUAL, tokens.subList(next, chunk.getPosition()));
      append(segments, changed, chunk.getLines());
      next = chunk.getPosition() + chunk.size();
    }
    append(segments, Segment.Kind.EQUAL, tokens.subList(next, tokens.size()));
    return segments;
  }

  /** Adds the text, joining it to the previous segment when that is of the same kind. */
  private static void append(List<Segment> segments, Segment.Kind kind, List<String> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    String text = String.join("", tokens);
    if (!segments.isEmpty() && segments.getLast().kind() == kind) {
      text = segments.removeLast().text() + text;
    }
    segments.add(new Segment(kind, text));
  }

  /** Segments of both versions of a changed line. */
  record Pair(List<Segment> removed, List<Segment> added) {}
}
