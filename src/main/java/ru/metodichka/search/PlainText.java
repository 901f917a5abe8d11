package ru.metodichka.search;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import java.time.Duration;
import java.util.regex.Pattern;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.render.TimedText;

/**
 * Markdown reduced to the plain text that is indexed and shown in snippets: markup dropped, code
 * blocks and code spans kept as text (teachers search for {@code console.log}), link and wiki-link
 * text kept and addresses dropped, HTML tags dropped with the text between them kept. Parsed with
 * the renderer's own options, so the index reads a page exactly as it is shown. Thread-safe; takes
 * up to the renderer's time budget, then falls back to the text as written, as pages do.
 */
public final class PlainText {
  private PlainText() {}

  private static final Parser PARSER = Parser.builder(MarkdownRenderer.parserOptions()).build();
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\s*\\n\\s*\\n\\s*");

  /** The text of a Markdown page, blocks separated by blank lines. */
  public static String of(String markdown) {
    return of(markdown, MarkdownRenderer.BUDGET);
  }

  /** The same, with flexmark given {@code budget} instead of the renderer's budget. */
  public static String of(String markdown, Duration budget) {
    if (markdown == null || markdown.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(markdown.length());
    try {
      walk(PARSER.parse(TimedText.of(markdown, budget)), out);
    } catch (StackOverflowError | TimedText.OutOfTime e) {
      // Nesting too deep or too slow for flexmark (see MarkdownRenderer): the page shows the text
      // as written, and so the index reads it.
      out.setLength(0);
      out.append(TAG.matcher(markdown).replaceAll(" "));
    }
    String spaced = SPACES.matcher(out).replaceAll(" ");
    return BLANK_LINES.matcher(spaced).replaceAll("\n\n").strip();
  }

  private static void walk(Node node, StringBuilder out) {
    if (node instanceof Text || node instanceof HtmlEntity) {
      out.append(node.getChars().unescape());
    } else if (node instanceof Code code) {
      out.append(code.getText());
    } else if (node instanceof FencedCodeBlock block) {
      paragraph(out, block.getContentChars().toString());
    } else if (node instanceof IndentedCodeBlock block) {
      paragraph(out, block.getContentChars().toString());
    } else if (node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
      return;
    } else if (node instanceof HtmlBlock block) {
      paragraph(out, TAG.matcher(block.getChars()).replaceAll(" "));
    } else if (node instanceof HtmlInline
        || node instanceof Reference
        || node instanceof AutoLink
        || node instanceof MailLink
        || node instanceof Footnote) {
      return;
    } else if (node instanceof WikiLink link) {
      out.append(link.getText().isNotBlank() ? link.getText() : link.getLink());
    } else if (node instanceof SoftLineBreak) {
      out.append(' ');
    } else if (node instanceof HardLineBreak) {
      out.append('\n');
    } else {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        walk(child, out);
      }
      if (node instanceof TableCell) {
        out.append(' ');
      } else if (node instanceof Block) {
        out.append("\n\n");
      }
    }
  }

  private static void paragraph(StringBuilder out, String text) {
    out.append("\n\n").append(text).append("\n\n");
  }
}
