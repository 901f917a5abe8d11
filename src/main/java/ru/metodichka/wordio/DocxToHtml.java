package ru.metodichka.wordio;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTAnchor;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;

/**
 * A Word document (.docx) as plain HTML for {@link HtmlToMarkdown}: Apache POI's XWPF model walked
 * in document order. Headings come from the paragraph styles (by their built-in names, which a
 * Russian Word keeps in English: «heading 1»), lists from the numbering (level and format), tables
 * cell by cell, hyperlinks, bold and italic runs. Footnote references are left as markers that
 * {@link WordImport} turns into Markdown footnotes; pictures are collected (each once, however
 * often it is shown) and marked where they stand, for {@link WordImport} to refer to as files.
 * Whatever has no Markdown form (text boxes, charts, equations) is named in the warnings.
 */
final class DocxToHtml {
  /** Marks a footnote reference in the HTML; private-use characters no converter escapes. */
  static final char NOTE_OPEN = '\uE000';

  static final char NOTE_CLOSE = '\uE001';

  /** Marks where a picture stood (its number in {@code shown}); {@link WordImport} writes it. */
  static final char PICTURE_OPEN = '\uE002';

  static final char PICTURE_CLOSE = '\uE003';

  private static final java.util.regex.Pattern FILE_NAME =
      java.util.regex.Pattern.compile("(?i)\\S+\\.(png|jpe?g|gif|bmp|emf|wmf|tiff?|webp|svg)");
  private final XWPFDocument doc;
  private final StringBuilder html = new StringBuilder();
  private final List<String> warnings = new ArrayList<>();
  private final List<WordImage> images = new ArrayList<>();
  private final Map<String, Integer> pictureNumbers = new LinkedHashMap<>();
  private final List<Shown> shown = new ArrayList<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  private final List<ListNesting.Item> listRun = new ArrayList<>();
  private String title = "";

  /**
   * The document as HTML, its title, footnotes (number → text), pictures (each once), where they
   * are shown (a mark's number is its place in {@code shown}) and warnings.
   */
  record Result(
      String title,
      String html,
      Map<String, String> notes,
      List<WordImage> images,
      List<Shown> shown,
      List<String> warnings) {}

  /** A place a picture is shown: which picture, and its text alternative there ("" for none). */
  record Shown(int image, String description) {}

  private DocxToHtml(XWPFDocument doc) {
    this.doc = doc;
  }

  /** Reads a .docx; throws IOException (or POI's runtime errors) for anything that is not one. */
  static Result read(InputStream in) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(in)) {
      return walk(doc);
    }
  }

  /**
   * Reads a .docx from a file: its parts are inflated as they are read (POI's zip-bomb guards
   * apply), so a large document's pictures are not all held at once before the walk.
   */
  static Result read(File file) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ);
        XWPFDocument doc = new XWPFDocument(pkg)) {
      return walk(doc);
    } catch (InvalidFormatException e) {
      throw new IOException(e);
    }
  }

  private static Result walk(XWPFDocument doc) {
    DocxToHtml walker = new DocxToHtml(doc);
    walker.body(doc.getBodyElements());
    walker.footnotes();
    return new Result(
        walker.title,
        walker.html.toString(),
        walker.notes,
        walker.images,
        walker.shown,
        walker.warnings);
  }

  private void body(List<IBodyElement> elements) {
    for (IBodyElement element : elements) {
      switch (element) {
        case XWPFParagraph p -> paragraph(p);
        case XWPFTable t -> {
          flushList();
          table(t);
        }
        default -> {
          flushList();
          warnings.add("Пропущен элемент документа: " + element.getElementType());
        }
      }
    }
    flushList();
  }

  private void paragraph(XWPFParagraph p) {
    String inline = inline(p);
    if (p.getNumID() != null) {
      int level = p.getNumIlvl() == null ? 1 : p.getNumIlvl().intValue() + 1;
      String format = p.getNumFmt();
      boolean ordered = format != null && !format.equals("bullet") && !format.equals("none");
      listRun.add(new ListNesting.Item(level, ordered, inline));
      return;
    }
    flushList();
    if (inline.isBlank()) {
      return;
    }
    String style = styleName(p);
    if (style.equals("title") || style.startsWith("heading ")) {
      // A heading's own bold and size are its style's: its text alone (and its pictures).
      inline = pictureMarks(inline) + Entities.escape(p.getText().strip());
    }
    if (style.equals("title")) {
      if (title.isEmpty()) {
        title = p.getText().strip();
      }
      html.append("<h1>").append(inline).append("</h1>\n");
    } else if (style.startsWith("heading ")) {
      int level = Math.min(6, Math.max(1, parseLevel(style.substring("heading ".length()))));
      if (title.isEmpty() && level == 1) {
        title = p.getText().strip();
      }
      html.append("<h").append(level).append('>').append(inline);
      html.append("</h").append(level).append(">\n");
    } else {
      html.append("<p>").append(inline).append("</p>\n");
    }
  }

  private static int parseLevel(String digits) {
    try {
      return Integer.parseInt(digits.strip());
    } catch (NumberFormatException e) {
      return 2;
    }
  }

  /** The style's built-in name in lower case ("heading 2", "title"), or "". */
  private String styleName(XWPFParagraph p) {
    String id = p.getStyleID();
    if (id == null) {
      return "";
    }
    XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
    String name = style == null ? id : style.getName();
    name = name == null ? id : name;
    String lower = name.toLowerCase(Locale.ROOT);
    // Documents made by POI or converters name styles by their ids: "Heading1".
    return lower.matches("heading\\d") ? "heading " + lower.substring(7) : lower;
  }

  private String inline(XWPFParagraph p) {
    StringBuilder out = new StringBuilder();
    for (IRunElement element : p.getIRuns()) {
      if (element instanceof XWPFHyperlinkRun link) {
        String url = link.getHyperlink(doc) == null ? null : link.getHyperlink(doc).getURL();
        String text = run(link);
        out.append(
            url == null ? text : "<a href=\"" + Entities.escape(url) + "\">" + text + "</a>");
      } else if (element instanceof XWPFRun run) {
        out.append(run(run));
      } else {
        warnings.add("Пропущено содержимое абзаца (поле или элемент управления)");
      }
    }
    return out.toString();
  }

  private String run(XWPFRun run) {
    StringBuilder pictures = new StringBuilder();
    for (XWPFPicture picture : run.getEmbeddedPictures()) {
      var data = picture.getPictureData();
      if (data != null) {
        // A picture used twice is one file, shown twice.
        String part = data.getPackagePart().getPartName().getName();
        Integer number = pictureNumbers.get(part);
        if (number == null) {
          number = images.size();
          pictureNumbers.put(part, number);
          images.add(
              new WordImage(
                  data.getFileName(), data.getPackagePart().getContentType(), data.getData()));
        }
        pictures.append(PICTURE_OPEN).append(shown.size()).append(PICTURE_CLOSE);
        shown.add(new Shown(number, description(run, picture)));
      }
    }
    // POI writes a footnote reference as "[footnoteRef:N]" in the run's text: the marker says it.
    String own = run.text().replaceAll("\\[footnoteRef:-?\\d+]", "");
    StringBuilder text = new StringBuilder(Entities.escape(own));
    for (CTFtnEdnRef ref : run.getCTR().getFootnoteReferenceList()) {
      text.append(NOTE_OPEN).append(ref.getId()).append(NOTE_CLOSE);
    }
    if (text.isEmpty() || text.toString().isBlank()) {
      return text + pictures.toString();
    }
    String result = text.toString();
    if (run.isItalic()) {
      result = "<em>" + result + "</em>";
    }
    if (run.isBold()) {
      result = "<strong>" + result + "</strong>";
    }
    // A picture sits in a run of its own in what Word writes; in one with text (as POI adds
    // them), after the text.
    return result + pictures;
  }

  /** Just the picture marks of some inline HTML. */
  private static String pictureMarks(String inline) {
    StringBuilder marks = new StringBuilder();
    int open = inline.indexOf(PICTURE_OPEN);
    while (open >= 0) {
      int close = inline.indexOf(PICTURE_CLOSE, open);
      if (close < 0) {
        break;
      }
      marks.append(inline, open, close + 1);
      open = inline.indexOf(PICTURE_OPEN, close);
    }
    return marks.toString();
  }

  /**
   * The picture's text alternative as Word keeps it («Замещающий текст»: the drawing's {@code
   * docPr/@descr}, or the picture's own), or "".
   */
  private static String description(XWPFRun run, XWPFPicture picture) {
    String description = "";
    for (CTDrawing drawing : run.getCTR().getDrawingList()) {
      for (CTInline inline : drawing.getInlineList()) {
        description = descr(inline.getDocPr(), description);
      }
      for (CTAnchor anchor : drawing.getAnchorList()) {
        description = descr(anchor.getDocPr(), description);
      }
    }
    String own = picture.getDescription();
    if (description.isBlank() && own != null) {
      description = own;
    }
    description = description.replaceAll("\\s+", " ").strip();
    // POI, and some converters, put the picture's file name there: no description at all.
    return FILE_NAME.matcher(description).matches() ? "" : description;
  }

  /** The first description found in a run's drawings. */
  private static String descr(CTNonVisualDrawingProps props, String found) {
    if (!found.isEmpty() || props == null || props.getDescr() == null) {
      return found;
    }
    return props.getDescr();
  }

  private void flushList() {
    if (!listRun.isEmpty()) {
      html.append(ListNesting.build(listRun).outerHtml()).append('\n');
      listRun.clear();
    }
  }

  private void table(XWPFTable table) {
    Element t = new Element("table");
    boolean header = true;
    for (XWPFTableRow row : table.getRows()) {
      Element tr = (header ? t.appendElement("thead") : tbody(t)).appendElement("tr");
      for (XWPFTableCell cell : row.getTableCells()) {
        List<String> parts = new ArrayList<>();
        for (XWPFParagraph p : cell.getParagraphs()) {
          String inline = inline(p);
          if (!inline.isBlank()) {
            parts.add(inline);
          }
        }
        if (!cell.getTables().isEmpty()) {
          warnings.add("Вложенная таблица передана текстом");
          cell.getTables().forEach(inner -> parts.add(Entities.escape(inner.getText())));
        }
        tr.appendElement(header ? "th" : "td").html(String.join("<br>", parts));
      }
      header = false;
    }
    html.append(t.outerHtml()).append('\n');
  }

  private static Element tbody(Element table) {
    Element body = table.selectFirst("tbody");
    return body == null ? table.appendElement("tbody") : body;
  }

  private void footnotes() {
    for (XWPFFootnote note : doc.getFootnotes()) {
      String id = note.getCTFtnEdn().getId().toString();
      StringBuilder text = new StringBuilder();
      for (XWPFParagraph p : note.getParagraphs()) {
        text.append(p.getText().strip()).append(' ');
      }
      String plain = text.toString().strip();
      if (!plain.isEmpty()) {
        notes.put(id, plain);
      }
    }
  }
}
