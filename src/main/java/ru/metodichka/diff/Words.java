package ru.metodichka.diff;

import java.util.ArrayList;
import java.util.List;
import ru.metodichka.diff.Sequences.Change;

/** Word-level comparison of two versions of a line (or, for counting, of a whole text). */
final class Words {
  private Words() {}

  /**
   * Cuts a line into words (runs of letters, combining marks and digits of any script, so Russian
   * words stay whole, "ё" typed with a combining diaeresis included), runs of whitespace (no-break
   * spaces included), and single other characters. Joining the tokens gives the line back.
   */
  static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      int start = i;
      int cp = line.codePointAt(i);
      if (isWordChar(cp)) {
        i = skip(line, i, true);
      } else if (isSpace(cp)) {
        i = skip(line, i, false);
      } else {
        i += Character.charCount(cp);
      }
      tokens.add(line.substring(start, i));
    }
    return tokens;
  }

  /** The end of the run of word characters (or of whitespace) starting at {@code i}. */
  private static int skip(String line, int i, boolean word) {
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      if (word ? !isWordChar(cp) : !isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** Whitespace, the no-break space included: Russian typography often puts one before a dash. */
  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** Letters and decimal digits ({@link Character#isLetterOrDigit}) and combining marks. */
  private static boolean isWordChar(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.NON_SPACING_MARK,
          Character.COMBINING_SPACING_MARK ->
          true;
      default -> false;
    };
  }

  /** The old line's segments (EQUAL and DELETED) and the new line's (EQUAL and INSERTED). */
  static Pair compare(String oldLine, String newLine) {
    List<String> a = tokens(oldLine);
    List<String> b = tokens(newLine);
    List<Change<String>> changes = Sequences.changes(a, b);
    return new Pair(
        segments(a, changes, true, Segment.Kind.DELETED),
        segments(b, changes, false, Segment.Kind.INSERTED));
  }

  /** Characters, in code points, that differ between two versions: (inserted, deleted). */
  static CharDelta delta(String oldText, String newText) {
    int added = 0;
    int removed = 0;
    for (Change<String> change : Sequences.changes(tokens(oldText), tokens(newText))) {
      removed += length(change.removed());
      added += length(change.added());
    }
    return new CharDelta(added, removed);
  }

  /** Characters in the pieces, in code points: a letter outside the BMP is one character. */
  private static int length(List<String> pieces) {
    int length = 0;
    for (String piece : pieces) {
      length += piece.codePointCount(0, piece.length());
    }
    return length;
  }

  private static List<Segment> segments(
      List<String> tokens, List<Change<String>> changes, boolean old, Segment.Kind changed) {
    List<Segment> segments = new ArrayList<>();
    int next = 0;
    for (Change<String> change : changes) {
      int at = old ? change.from() : change.to();
      List<String> changedTokens = old ? change.removed() : change.added();
      append(segments, Segment.Kind.EQUAL, tokens.subList(next, at));
      append(segments, changed, changedTokens);
      next = at + changedTokens.size();
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
