package ru.metodichka.page;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.render.TimedText;

/**
 * What the publish checklist reads from a text's structure: whether it opens with a summary (a
 * paragraph before its first section, a title heading aside), and its empty sections — a heading
 * followed by a heading of the same or a higher level, or by the end of the text (a section
 * promised and never written; a heading followed by its own subsections is not empty). Pure;
 * parses, so it runs on a worker.
 *
 * @param emptySections the empty sections' headings, in order
 */
record TextShape(boolean summary, List<String> emptySections) {
  private static final Parser PARSER = Parser.builder(MarkdownRenderer.parserOptions()).build();
  private static final Duration BUDGET = MarkdownRenderer.BUDGET;

  TextShape {
    emptySections = List.copyOf(emptySections);
  }

  /** The text's shape; a text too slow to parse has a summary if it has any text, no sections. */
  static TextShape of(String markdown) {
    Node document;
    try {
      document = PARSER.parse(TimedText.of(markdown, BUDGET));
    } catch (StackOverflowError | TimedText.OutOfTime e) {
      return new TextShape(!markdown.isBlank(), List.of());
    }
    List<String> empty = new ArrayList<>();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading && emptyAfter(heading)) {
        String text = heading.getText().toString().strip();
        empty.add(text.isEmpty() ? "#".repeat(heading.getLevel()) : text);
      }
    }
    return new TextShape(opensWithSummary(document), empty);
  }

  private static boolean opensWithSummary(Node document) {
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Paragraph && !node.getChars().isBlank()) {
        return true;
      }
      if (node instanceof Heading h && h.getLevel() > 1) {
        return false;
      }
    }
    return false;
  }

  private static boolean emptyAfter(Heading heading) {
    Node next = heading.getNext();
    while (next != null && next.getChars().isBlank()) {
      next = next.getNext();
    }
    return next == null || next instanceof Heading h && h.getLevel() <= heading.getLevel();
  }
}
