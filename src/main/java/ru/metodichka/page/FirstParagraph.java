package ru.metodichka.page;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.search.PlainText;

/**
 * A material's description for places that show a line or two of it: the plain text of its first
 * paragraph (headings, code and tables before it are skipped), shortened at a word. Thread-safe.
 */
public final class FirstParagraph {
  private static final Parser PARSER = Parser.builder(MarkdownRenderer.parserOptions()).build();

  private FirstParagraph() {}

  /** The first paragraph with text, at most {@code max} characters, or "" when there is none. */
  public static String of(String markdown, int max) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String text;
    try {
      text = first(PARSER.parse(markdown));
    } catch (StackOverflowError e) {
      // Nesting too deep for flexmark (see MarkdownRenderer): the text's first block will do.
      text = PlainText.of(markdown).split("\n\n", 2)[0];
    }
    return shorten(text.replace('\n', ' ').strip(), max);
  }

  private static String first(Node node) {
    if (node instanceof Paragraph paragraph) {
      return PlainText.of(paragraph.getChars().toString());
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      String text = first(child);
      if (!text.isBlank()) {
        return text;
      }
    }
    return "";
  }

  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    if (cut <= max / 2) {
      // One long word: cut inside it, but never between the halves of a surrogate pair.
      cut = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    }
    return text.substring(0, cut).stripTrailing() + "…";
  }
}
