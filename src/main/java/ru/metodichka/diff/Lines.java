package ru.metodichka.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lines, the way both the merge and the diff read it: {@code \r\n} counts as {@code
 * \n} (teachers paste from Windows editors), and whether the text ends with a newline is kept apart
 * from the lines, so a missing final newline neither changes the last line nor counts as an edit of
 * it. An empty text has no lines and counts as ending with a newline.
 */
record Lines(String text, List<String> lines, boolean finalNewline) {
  /** Reads a text; {@code text()} of the result is the text with {@code \r\n} turned into LF. */
  static Lines of(String text) {
    String unix = normalize(text);
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end = unix.indexOf('\n'); end >= 0; end = unix.indexOf('\n', start)) {
      lines.add(unix.substring(start, end));
      start = end + 1;
    }
    boolean finalNewline = start == unix.length();
    if (!finalNewline) {
      lines.add(unix.substring(start));
    }
    return new Lines(unix, List.copyOf(lines), finalNewline);
  }

  /** The text with {@code \r\n} read as {@code \n}; a lone {@code \r} stays as it is. */
  static String normalize(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
  }

  /** The text with every line ended by a newline, as the line-based merge needs it. */
  String terminated() {
    return finalNewline ? text : text + '\n';
  }
}
