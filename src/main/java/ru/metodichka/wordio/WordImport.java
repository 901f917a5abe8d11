package ru.metodichka.wordio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import ru.metodichka.attachment.FileNames;
import ru.metodichka.error.AppError;
import ru.metodichka.render.AttachmentResolver;

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
  private static final Pattern PICTURE =
      Pattern.compile(DocxToHtml.PICTURE_OPEN + "(\\d+)" + DocxToHtml.PICTURE_CLOSE);
  private static final Map<String, String> EXTENSIONS =
      Map.of(
          "image/png", "png",
          "image/jpeg", "jpg",
          "image/gif", "gif",
          "image/webp", "webp",
          "image/bmp", "bmp",
          "image/tiff", "tif",
          "image/x-emf", "emf",
          "image/x-wmf", "wmf",
          "image/svg+xml", "svg");

  /** Of the document's name, this much names its pictures (the rest is cut). */
  private static final int NAME_BASE = 60;

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
    try {
      return convert(DocxToHtml.read(new ByteArrayInputStream(docx)), fileName);
    } catch (IOException | RuntimeException e) {
      throw notDocx();
    }
  }

  /** Converts a .docx kept in a file (read from the file as needed, not whole into memory). */
  public static Imported convert(Path docx, String fileName) {
    try {
      return convert(DocxToHtml.read(docx.toFile()), fileName);
    } catch (IOException | RuntimeException e) {
      throw notDocx();
    }
  }

  /**
   * POI says "zip bomb", "DOCTYPE is disallowed", "not a valid OOXML"... the reader gets one
   * answer: the file is not a Word document this server reads.
   */
  private static AppError notDocx() {
    return AppError.invalid("file", "not_docx");
  }

  private static Imported convert(DocxToHtml.Result read, String fileName) {
    String markdown = HtmlToMarkdown.convert(read.html());
    markdown = footnotes(markdown, read.notes());
    List<WordImage> images = named(read.images(), fileName);
    markdown = pictures(markdown, images, read.shown());
    String title = read.title().isBlank() ? titleFromName(fileName) : read.title();
    List<String> warnings = new ArrayList<>(read.warnings());
    for (WordImage image : images) {
      if (!SHOWN.contains(image.contentType())) {
        warnings.add(
            "Рисунок «"
                + image.name()
                + "» в формате, который браузеры не показывают: он"
                + " сохранится файлом страницы, на странице будет ссылка на него");
      }
    }
    return new Imported(title, markdown, images, List.copyOf(warnings));
  }

  /** Picture types a page shows as images; the others are linked as files. */
  private static final java.util.Set<String> SHOWN =
      java.util.Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  /**
   * The pictures named as files of the page: the document's name (its words joined by dashes), a
   * number, the extension of their type ({@code План-урока-1.png}).
   */
  static List<WordImage> named(List<WordImage> images, String fileName) {
    String base =
        titleFromName(fileName).replaceAll("[^\\p{L}\\p{N}_.]+", "-").replaceAll("^-+|-+$", "");
    base = base.isEmpty() ? "рисунок" : base;
    if (base.codePointCount(0, base.length()) > NAME_BASE) {
      base = base.substring(0, base.offsetByCodePoints(0, NAME_BASE));
    }
    List<WordImage> named = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      WordImage image = images.get(i);
      String ext = EXTENSIONS.getOrDefault(image.contentType(), extension(image.name()));
      named.add(image.named(FileNames.sanitize(base + "-" + (i + 1) + "." + ext)));
    }
    return named;
  }

  private static String extension(String name) {
    String ext = FileNames.extension(name == null ? "" : name);
    return ext.matches("[a-z0-9]{1,5}") ? ext : "bin";
  }

  /** Each picture's mark becomes an image of the page's file: {@code ![…](attachment:…)}. */
  private static String pictures(
      String markdown, List<WordImage> images, List<DocxToHtml.Shown> shown) {
    Matcher m = PICTURE.matcher(markdown);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      String image = "";
      if (n < shown.size()) {
        WordImage picture = images.get(shown.get(n).image());
        image =
            "!["
                + alt(shown.get(n).description())
                + "]("
                + AttachmentResolver.destination(picture.name())
                + ")";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(image));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String alt(String text) {
    return text.replaceAll("[\\\\\\[\\]]", "\\\\$0").replaceAll("\\s+", " ").strip();
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
