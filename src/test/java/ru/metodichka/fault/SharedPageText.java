package ru.metodichka.fault;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The text the concurrent editors share. Each editor owns a paragraph ("Клиент 07: …") and appends
 * a unique token to it with every save; a blank line separates the paragraphs, so two editors'
 * changes never touch (the merge treats adjacent edited lines as a conflict) and every such change
 * merges cleanly with any other. The shared line is what editors fight over: two saves that rewrite
 * it from the same revision conflict.
 */
final class SharedPageText {
  private static final String SHARED = "Общая строка:";

  private SharedPageText() {}

  static String initial(int editors) {
    String paragraphs =
        IntStream.range(0, editors)
            .mapToObj(SharedPageText::ownPrefix)
            .collect(Collectors.joining("\n\n"));
    return "# Общая страница\n\n" + SHARED + " исходная\n\n" + paragraphs + "\n";
  }

  /** The text with the token appended to the editor's paragraph and, if asked, the shared line. */
  static String edit(String text, int editor, String token, boolean shared) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(ownPrefix(editor))) {
        lines[i] = lines[i] + " " + token;
      } else if (shared && lines[i].startsWith(SHARED)) {
        lines[i] = SHARED + " " + token;
      }
    }
    return String.join("\n", lines);
  }

  /** The tokens in the editor's own paragraph, oldest first. */
  static List<String> ownTokens(String text, int editor) {
    String line = line(text, ownPrefix(editor));
    String rest = line.substring(ownPrefix(editor).length()).strip();
    return rest.isEmpty() ? List.of() : Arrays.asList(rest.split(" "));
  }

  /** The shared line's current token ("исходная" before anyone changed it). */
  static String sharedToken(String text) {
    return line(text, SHARED).substring(SHARED.length()).strip();
  }

  private static String line(String text, String prefix) {
    return text.lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No line «" + prefix + "» in:\n" + text));
  }

  private static String ownPrefix(int editor) {
    return "Клиент %02d:".formatted(editor);
  }
}
