package ru.metodichka.wordio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import ru.metodichka.error.AppError;

/**
 * A Word document as the text of a new page: {@link DocxToHtml} then {@link HtmlToMarkdown}, its
 * footnote markers turned into Markdown footnotes ({@code [^1]} and their definitions at the end,
 * the syntax of flexmark's footnotes extension the renderer enables). A .docx is hostile input: a
 * zip bomb (an entry inflating more than 100 times, or beyond 64 MB) and XML with a document type
 * (entity bombs, external entities) are refused by POI, and any document POI cannot read is a 422
 * naming the file. Blocks: call on a worker.
 */
public final class WordImport {
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
  private static final Pattern NOTE =
      Pattern.compile(DocxToHtml.NOTE_OPEN + "(-?\\d+)" + DocxToHtml.NOTE_CLOSE);

  static {
    // POI's guards against zip bombs, tightened: entries inflating more than 100 times their
    // compressed size, or beyond 64 MB, are refused before they are inflated further.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  private WordImport() {}

  /** What an import makes: the page's title, its Markdown, the pictures, and what was left out. */
  public record Imported(
      String title, String markdown, List<WordImage> images, List<String> warnings) {}

  /** Converts a .docx; 422 {@code file} when it cannot be read as one. */
  public static Imported convert(byte[] docx, String fileName) {
    DocxToHtml.Result read;
    try {
      read = DocxToHtml.read(new ByteArrayInputStream(docx));
    } catch (IOException | RuntimeException e) {
      // POI says "zip bomb", "DOCTYPE is disallowed", "not a valid OOXML"... the reader gets one
      // answer: the file is not a Word document this server reads.
      throw AppError.invalid("file", "not_docx");
    }
    String markdown = HtmlToMarkdown.convert(read.html());
    markdown = footnotes(markdown, read.notes());
    String title = read.title().isBlank() ? titleFromName(fileName) : read.title();
    List<String> warnings = new ArrayList<>(read.warnings());
    return new Imported(title, markdown, read.images(), List.copyOf(warnings));
  }

  private static String footnotes(String markdown, Map<String, String> notes) {
    Matcher m = NOTE.matcher(markdown);
    StringBuilder out = new StringBuilder();
    List<String> used = new ArrayList<>();
    while (m.find()) {
      String id = m.group(1);
      if (notes.containsKey(id)) {
        if (!used.contains(id)) {
          used.add(id);
        }
        m.appendReplacement(out, Matcher.quoteReplacement("[^" + (used.indexOf(id) + 1) + "]"));
      } else {
        m.appendReplacement(out, "");
      }
    }
    m.appendTail(out);
    if (used.isEmpty()) {
      return out.toString();
    }
    StringBuilder text = new StringBuilder(out.toString().stripTrailing()).append("\n\n");
    for (int i = 0; i < used.size(); i++) {
      text.append("[^").append(i + 1).append("]: ").append(notes.get(used.get(i))).append('\n');
    }
    return text.toString();
  }

  private static String titleFromName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "";
    }
    String name = fileName.replaceAll(".*[/\\\\]", "");
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).replaceAll("\\p{Cntrl}", "").strip();
  }
}
