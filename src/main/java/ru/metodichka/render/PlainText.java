package ru.metodichka.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown reduced to the plain text that is indexed and shown in snippets: markup dropped, code
 * blocks and code spans kept as text (teachers search for {@code console.log}), link and wiki-link
 * text kept and addresses dropped, HTML tags dropped with the text between them kept. Parsed with
 * the renderer's own options, so the index reads a page exactly as it is shown. Thread-safe; takes
 * up to the renderer's time budget, then falls back to the text as written, as pages do.
 *
 * <p>A snippet is shown as one line of text, where a line break reads as a space: so every heading,
 * paragraph (a list item's text is one) and table row ends as a sentence, with a full stop added
 * where it has no closing punctuation, and a row's cells are separated by semicolons. A snippet
 * then reads «Программа наставничества. Кому адресована…», never «Программа наставничества Кому
 * адресована», and a table reads «Задание; Класс; Умение.» without its delimiter row.
 */
public final class PlainText {
  private PlainText() {}

  /**
   * The renderer's parser without its autolink extension, which looks for addresses in every piece
   * of text (a twelfth of a rebuild); {@link #text} drops bare addresses instead.
   */
  private static final Parser PARSER = parserWithout(AutolinkExtension.class);

  /**
   * The same without the tables extension, for a text with no {@code |}: a table needs one on each
   * of its lines, so such a text parses to the same tree, and the extension compiles its delimiter
   * row's pattern for every document it parses (most pages have no table; a twentieth of a rebuild
   * went to that and to looking for tables).
   */
  private static final Parser PARSER_WITHOUT_TABLES =
      parserWithout(AutolinkExtension.class, TablesExtension.class);

  private static Parser parserWithout(Class<?>... left) {
    List<Class<?>> leftOut = List.of(left);
    return Parser.builder(
            new MutableDataSet(MarkdownRenderer.parserOptions())
                .set(
                    Parser.EXTENSIONS,
                    Parser.EXTENSIONS.get(MarkdownRenderer.parserOptions()).stream()
                        .filter(extension -> !leftOut.contains(extension.getClass()))
                        .toList()))
        .build();
  }

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  /** What ends a sentence, and what may close after its end (a quotation, a bracket). */
  private static final String SENTENCE_ENDS = ".!?…:;";

  private static final String CLOSING = "»\"”’)]";

  /** What the autolink extension would have made a link: web and mail addresses in text. */
  private static final Pattern BARE_ADDRESS =
      Pattern.compile(
          "(?:(?:https?|ftp)://|www\\.)[^\\s<>]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+",
          Pattern.UNICODE_CHARACTER_CLASS);

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
      Parser parser = markdown.indexOf('|') < 0 ? PARSER_WITHOUT_TABLES : PARSER;
      walk(parser.parse(TimedText.of(markdown, budget)), out);
    } catch (StackOverflowError | TimedText.OutOfTime e) {
      // Nesting too deep or too slow for flexmark (see MarkdownRenderer): the page shows the text
      // as written, and so the index reads it.
      out.setLength(0);
      out.append(TAG.matcher(markdown).replaceAll(" "));
    }
    return tidy(out).strip();
  }

  /**
   * Collapses whitespace in one pass: a run holding two or more line breaks becomes one blank line,
   * in any other run each stretch of spaces, tabs and no-break spaces becomes one space. (Two
   * regular expressions did this before and took a third of the time of the whole conversion.)
   */
  static String tidy(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      int breaks = 0;
      while (end < length && isSpace(text.charAt(end))) {
        breaks += text.charAt(end) == '\n' ? 1 : 0;
        end++;
      }
      if (breaks >= 2) {
        out.append("\n\n");
      } else {
        appendCollapsed(out, text, i, end);
      }
      i = end;
    }
    return out.toString();
  }

  private static void appendCollapsed(StringBuilder out, CharSequence text, int from, int to) {
    boolean inBlanks = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean blank = c == ' ' || c == '\t' || c == '\u00A0';
      if (!blank) {
        out.append(c);
      } else if (!inBlanks) {
        out.append(' ');
      }
      inBlanks = blank;
    }
  }

  /** Whitespace as the regular expression {@code \s} saw it, plus the no-break space. */
  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == 0x0B
        || c == '\f'
        || c == '\r'
        || c == '\u00A0';
  }

  private static void walk(Node node, StringBuilder out) {
    if (node instanceof Text) {
      text(out, node.getChars());
    } else if (node instanceof HtmlEntity) {
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
    } else if (node instanceof TableSeparator) {
      return; // the |---|---| row: markup only
    } else if (node instanceof TableRow row) {
      row(row, out);
    } else {
      int start = out.length();
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        walk(child, out);
      }
      if (node instanceof Heading || node instanceof Paragraph) {
        endSentence(out, start);
      }
      if (node instanceof Block) {
        out.append("\n\n");
      }
    }
  }

  /** A table row as one sentence of its non-empty cells: «Задание; Класс; Умение.» */
  private static void row(TableRow row, StringBuilder out) {
    StringBuilder line = new StringBuilder();
    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
      StringBuilder text = new StringBuilder();
      walk(cell, text);
      String stripped = text.toString().strip();
      if (stripped.isEmpty()) {
        continue;
      }
      if (!line.isEmpty()) {
        line.append(endsSentence(line, line.length() - 1) ? " " : "; ");
      }
      line.append(stripped);
    }
    endSentence(line, 0);
    out.append('\n').append(line).append('\n');
  }

  /**
   * Ends the text written since {@code start} with a full stop, unless it is empty or already ends
   * with closing punctuation (a colon or semicolon leads on to what follows, and is kept).
   */
  private static void endSentence(StringBuilder out, int start) {
    int last = out.length() - 1;
    while (last >= start && isSpace(out.charAt(last))) {
      last--;
    }
    if (last >= start && !endsSentence(out, last)) {
      out.insert(last + 1, '.');
    }
  }

  /** Whether the character at {@code i} closes a sentence, looking through closing quotes. */
  private static boolean endsSentence(CharSequence text, int i) {
    while (i > 0 && CLOSING.indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0;
  }

  /**
   * Text with its backslash escapes and entities resolved and its bare addresses dropped. Most text
   * has none of them, and flexmark's unescaping runs regular expressions over every text node (a
   * twentieth of indexing).
   */
  private static void text(StringBuilder out, BasedSequence chars) {
    String text =
        chars.indexOf('\\') < 0 && chars.indexOf('&') < 0 ? chars.toString() : chars.unescape();
    if (text.contains("://") || text.indexOf('@') >= 0 || text.contains("www.")) {
      text = BARE_ADDRESS.matcher(text).replaceAll("");
    }
    out.append(text);
  }

  private static void paragraph(StringBuilder out, String text) {
    out.append("\n\n").append(text).append("\n\n");
  }
}
