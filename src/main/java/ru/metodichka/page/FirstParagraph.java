package ru.metodichka.page;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.time.Duration;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.render.PlainText;
import ru.metodichka.render.TimedText;

/**
 * A material's description for places that show a line or two of it: the plain text of its first
 * paragraph (headings, code and tables before it are skipped), shortened at a word. Thread-safe and
 * cheap whatever the text: it runs on an event loop, for every view of a published page and every
 * entry of the feed.
 */
public final class FirstParagraph {
  private static final Parser PARSER = Parser.builder(MarkdownRenderer.parserOptions()).build();
  // A description is a line or two, and on any real page the first paragraph lies within the
  // text's first few kilobytes; parsing only those keeps the cost bounded by this size, not by
  // the page's (flexmark is quadratic on some hostile texts, see TimedText).
  private static final int HEAD_CHARS = 8 * 1024;
  // A head parses in about a millisecond; a hostile one is cut off here, twice at most per call.
  private static final Duration BUDGET = Duration.ofMillis(100);

  private FirstParagraph() {}

  /** The first paragraph with text, at most {@code max} characters, or "" when there is none. */
  public static String of(String markdown, int max) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String head = head(markdown);
    String text;
    try {
      text = first(PARSER.parse(TimedText.of(head, BUDGET)));
    } catch (StackOverflowError | TimedText.OutOfTime e) {
      // Too deep or too slow for flexmark (see MarkdownRenderer): the first block as written.
      text = head.strip().split("\n\\s*\n", 2)[0];
    }
    return shorten(text.replace('\n', ' ').strip(), max);
  }

  private static String first(Node node) {
    if (node instanceof Paragraph paragraph) {
      return PlainText.of(paragraph.getChars().toString(), BUDGET);
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      String text = first(child);
      if (!text.isBlank()) {
        return text;
      }
    }
    return "";
  }

  /** The text's start, cut at a line end (a cut line could read as other markup). */
  private static String head(String markdown) {
    if (markdown.length() <= HEAD_CHARS) {
      return markdown;
    }
    int end = markdown.lastIndexOf('\n', HEAD_CHARS);
    return markdown.substring(0, end > 0 ? end : HEAD_CHARS);
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
