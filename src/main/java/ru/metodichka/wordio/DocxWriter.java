package ru.metodichka.wordio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFFootnotes;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import ru.metodichka.attachment.DocumentImages.DocumentImage;
import ru.metodichka.render.Outline;

/**
 * Pages as a Word document (.docx) with Apache POI, each followed by its citation block. It walks
 * the revision's sanitised HTML — the same the page and the PDF show, wiki links resolved — block
 * by block: headings, paragraphs, lists (Word's numbered and bulleted lists, nested by level),
 * tables, quotes, code, links, bold, italic and code runs, and the pictures a page shows of its own
 * files ({@link ExportedPart#images}) at the text's (or their table cell's) width at most, their
 * captions under them and as their descriptions (any other image is its caption). Footnotes are
 * Word's own, at the foot of the page where they are referred to, and an import reads them back as
 * footnotes. The page is A4 ({@link PrintedPage}). Blocks: call on a worker.
 */
final class DocxWriter {
  private static final int[] HEADING_SIZES = {20, 16, 14, 12, 11, 11};
  private final XWPFDocument doc;
  private final DocxNumbering numbering;
  private Map<String, DocumentImage> images = Map.of();

  /** The part's footnotes by id ({@code fn-1}), taken out of its text: see {@link #notes}. */
  private Map<String, Element> notes = Map.of();

  /**
   * Whether the runs being written are a footnote's (which holds neither footnotes nor pictures).
   */
  private boolean inNote;

  /** How wide a picture may be where the runs are written: the text's width, or a table cell's. */
  private double pictureWidth = PrintedPage.TEXT_WIDTH_PT;

  private DocxWriter(XWPFDocument doc) {
    this.doc = doc;
    this.numbering = new DocxNumbering(doc);
  }

  static byte[] write(List<ExportedPart> parts, ZoneId zone, java.time.LocalDate accessed) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      DocxWriter writer = new DocxWriter(doc);
      writer.headingStyles();
      DocxPage.a4(doc);
      boolean first = true;
      for (ExportedPart part : parts) {
        writer.images = part.images();
        String title = part.citation().title();
        XWPFParagraph heading = writer.heading(1, title);
        if (!first) {
          heading.setPageBreak(true);
        }
        first = false;
        Element body =
            Jsoup.parseBodyFragment(Outline.withoutTitleHeading(part.html(), title)).body();
        writer.notes = notes(body);
        writer.blocks(body, 0);
        writer.citation(part, zone, accessed);
      }
      doc.getProperties().getCoreProperties().setTitle(parts.getFirst().citation().title());
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Word's built-in heading styles (ids {@code Heading1}…, names {@code heading 1}…, outline
   * levels): the document's navigation pane and table of contents find the headings, and an import
   * reads them back as headings.
   */
  private void headingStyles() {
    XWPFStyles styles = doc.createStyles();
    for (int level = 1; level <= 6; level++) {
      CTStyle style = CTStyle.Factory.newInstance();
      style.setStyleId("Heading" + level);
      style.setType(STStyleType.PARAGRAPH);
      style.addNewName().setVal("heading " + level);
      style.addNewQFormat();
      style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
      styles.addStyle(new XWPFStyle(style));
    }
    // The ids POI gives a footnote's text and its number (in the text and at the foot).
    CTStyle text = CTStyle.Factory.newInstance();
    text.setStyleId("FootnoteText");
    text.setType(STStyleType.PARAGRAPH);
    text.addNewName().setVal("footnote text");
    text.addNewPPr().addNewSpacing().setAfter(BigInteger.ZERO);
    text.addNewRPr().addNewSz().setVal(BigInteger.valueOf(20));
    styles.addStyle(new XWPFStyle(text));
    CTStyle number = CTStyle.Factory.newInstance();
    number.setStyleId("FootnoteReference");
    number.setType(STStyleType.CHARACTER);
    number.addNewName().setVal("footnote reference");
    number.addNewRPr().addNewVertAlign().setVal(STVerticalAlignRun.SUPERSCRIPT);
    styles.addStyle(new XWPFStyle(number));
  }

  /**
   * The footnotes the renderer lists at the end of the text ({@code <div class="footnotes">}, each
   * {@code <li id="fn-1">} with a link back to its reference), by id, removed from the text.
   */
  private static Map<String, Element> notes(Element body) {
    Map<String, Element> notes = new HashMap<>();
    for (Element list : body.select("div.footnotes")) {
      for (Element note : list.select("li[id]")) {
        note.select("a.footnote-backref").remove();
        notes.put(note.id(), note);
      }
      list.remove();
    }
    return notes;
  }

  /**
   * A Word footnote with the note's text, referred to here. A note referred to twice is written
   * twice: a Word footnote has one reference.
   */
  private void footnote(XWPFParagraph p, Element note) {
    if (doc.getFootnotes().isEmpty()) {
      footnoteSeparators();
    }
    XWPFFootnote footnote = doc.createFootnote();
    inNote = true;
    XWPFParagraph current = null;
    for (Node child : note.childNodes()) {
      if (child instanceof TextNode text && text.isBlank()) {
        continue;
      }
      if (child instanceof Element e && e.tagName().equals("p")) {
        inlines(noteParagraph(footnote), e, Style.PLAIN);
        current = null;
      } else {
        current = current == null ? noteParagraph(footnote) : current;
        inline(current, child, Style.PLAIN);
      }
    }
    inNote = false;
    p.addFootnoteReference(footnote);
  }

  /** A paragraph of a footnote; the first starts with the note's number and a space, as Word's. */
  private static XWPFParagraph noteParagraph(XWPFFootnote footnote) {
    boolean first = footnote.getParagraphs().isEmpty();
    XWPFParagraph p = footnote.createParagraph();
    p.setStyle("FootnoteText");
    if (first) {
      p.createRun().setText(" ");
    }
    return p;
  }

  /** The line above the footnotes, and above their continuation on the next page, as Word's. */
  private void footnoteSeparators() {
    XWPFFootnotes footnotes = doc.createFootnotes();
    CTFtnEdn separator = CTFtnEdn.Factory.newInstance();
    separator.setId(BigInteger.valueOf(-1));
    separator.setType(STFtnEdn.SEPARATOR);
    separator.addNewP().addNewR().addNewSeparator();
    footnotes.addFootnote(separator);
    CTFtnEdn continuation = CTFtnEdn.Factory.newInstance();
    continuation.setId(BigInteger.ZERO);
    continuation.setType(STFtnEdn.CONTINUATION_SEPARATOR);
    continuation.addNewP().addNewR().addNewContinuationSeparator();
    footnotes.addFootnote(continuation);
  }

  private XWPFParagraph heading(int level, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle("Heading" + Math.min(6, level));
    XWPFRun run = p.createRun();
    run.setBold(true);
    run.setFontSize(HEADING_SIZES[Math.min(5, level - 1)]);
    run.setText(text);
    p.setSpacingBefore(level == 1 ? 0 : 240);
    return p;
  }

  private void blocks(Element parent, int depth) {
    for (Node node : parent.childNodes()) {
      if (node instanceof TextNode text && !text.isBlank()) {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText(text.text().strip());
      } else if (node instanceof Element e) {
        block(e, depth);
      }
    }
  }

  private void block(Element e, int depth) {
    switch (e.tagName()) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e.tagName().charAt(1) - '0', e.text());
      case "p" -> inlines(paragraph(depth), e, Style.PLAIN);
      case "ul", "ol" -> list(e, 0);
      case "table" -> table(e);
      case "blockquote" -> blocks(e, depth + 1);
      case "pre" -> {
        XWPFParagraph p = paragraph(depth);
        String[] lines = e.wholeText().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          XWPFRun run = p.createRun();
          run.setFontFamily("Courier New");
          run.setText(lines[i]);
          if (i < lines.length - 1) {
            run.addBreak();
          }
        }
      }
      case "hr" -> doc.createParagraph().createRun().addBreak(BreakType.TEXT_WRAPPING);
      case "div", "section", "details", "figure", "nav" -> blocks(e, depth);
      default -> inlines(paragraph(depth), e, Style.PLAIN);
    }
  }

  private XWPFParagraph paragraph(int depth) {
    XWPFParagraph p = doc.createParagraph();
    if (depth > 0) {
      p.setIndentationLeft(depth * 567);
    }
    return p;
  }

  /**
   * A list as Word's numbered or bulleted paragraphs ({@link DocxNumbering}) at {@code level}, its
   * nested lists one level deeper.
   */
  private void list(Element list, int level) {
    boolean ordered = list.tagName().equals("ol");
    int at = Math.min(level, DocxNumbering.MAX_LEVEL);
    BigInteger number = numbering.list(ordered, at, ordered ? start(list) : 1);
    for (Element item : list.children()) {
      if (!item.tagName().equals("li")) {
        continue;
      }
      XWPFParagraph p = doc.createParagraph();
      p.setNumID(number);
      p.setNumILvl(BigInteger.valueOf(at));
      for (Node child : item.childNodes()) {
        if (child instanceof Element e && (e.tagName().equals("ul") || e.tagName().equals("ol"))) {
          list(e, level + 1);
        } else if (child instanceof Element e && e.tagName().equals("p")) {
          inlines(p, e, Style.PLAIN);
        } else {
          inline(p, child, Style.PLAIN);
        }
      }
    }
  }

  /** The number an ordered list starts at ({@code <ol start="3">}), 1 by default. */
  private static int start(Element list) {
    try {
      return Math.max(0, Integer.parseInt(list.attr("start").strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private void table(Element table) {
    List<Element> rows = table.select("tr");
    if (rows.isEmpty()) {
      return;
    }
    int columns = rows.stream().mapToInt(r -> r.select("> th, > td").size()).max().orElse(1);
    XWPFTable t = doc.createTable(rows.size(), Math.max(1, columns));
    // The columns share the text's width, as in the PDF, and a picture fits its cell.
    t.setWidth("100%");
    pictureWidth = PrintedPage.cellWidth(columns);
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = t.getRow(r);
      List<Element> cells = rows.get(r).select("> th, > td");
      for (int c = 0; c < cells.size(); c++) {
        XWPFTableCell cell = row.getCell(c);
        XWPFParagraph p = cell.getParagraphs().getFirst();
        Element source = cells.get(c);
        inlines(p, source, source.tagName().equals("th") ? Style.BOLD : Style.PLAIN);
      }
    }
    pictureWidth = PrintedPage.TEXT_WIDTH_PT;
    doc.createParagraph();
  }

  /** How a run is formatted, as the elements around it say. */
  private record Style(boolean bold, boolean italic, boolean code, boolean strike) {
    static final Style PLAIN = new Style(false, false, false, false);
    static final Style BOLD = new Style(true, false, false, false);
  }

  private void inlines(XWPFParagraph p, Element parent, Style style) {
    for (Node child : parent.childNodes()) {
      inline(p, child, style);
    }
  }

  private void inline(XWPFParagraph p, Node node, Style style) {
    if (node instanceof TextNode text) {
      if (!text.text().isEmpty()) {
        run(p.createRun(), text.text(), style);
      }
      return;
    }
    if (!(node instanceof Element e)) {
      return;
    }
    switch (e.tagName()) {
      case "strong", "b" ->
          inlines(p, e, new Style(true, style.italic(), style.code(), style.strike()));
      case "em", "i" -> inlines(p, e, new Style(style.bold(), true, style.code(), style.strike()));
      case "code" -> inlines(p, e, new Style(style.bold(), style.italic(), true, style.strike()));
      case "del", "s" -> inlines(p, e, new Style(style.bold(), style.italic(), style.code(), true));
      case "br" -> p.createRun().addBreak();
      case "a" -> {
        String href = e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href");
        Element note =
            e.hasClass("footnote-ref") && !inNote ? notes.get(href.replaceFirst("^#", "")) : null;
        if (note != null) {
          footnote(p, note);
        } else if (href.startsWith("http://")
            || href.startsWith("https://")
            || href.startsWith("mailto:")) {
          var link = p.createHyperlinkRun(href);
          link.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
          link.setColor("1A4F8B");
          run(link, e.text(), style);
        } else {
          inlines(p, e, style);
        }
      }
      case "img" -> image(p, e, style);
      case "input" -> run(p.createRun(), e.hasAttr("checked") ? "☑ " : "☐ ", style);
      case "ul", "ol", "table", "p", "div", "blockquote", "pre" -> {
        // A block inside an inline context (a list item's paragraph): kept on its own lines.
        p.createRun().addBreak();
        inlines(p, e, style);
      }
      default -> inlines(p, e, style);
    }
  }

  /** The page's picture for this {@code <img>} with its caption under it, or the caption alone. */
  private void image(XWPFParagraph p, Element img, Style style) {
    String caption = img.attr("alt").strip();
    DocumentImage image = inNote ? null : images.get(img.attr("src"));
    if (image == null || !DocxPage.picture(p.createRun(), image, caption, pictureWidth)) {
      run(p.createRun(), caption.isEmpty() ? "[рисунок]" : caption, style);
      return;
    }
    if (!caption.isEmpty()) {
      XWPFRun under = p.createRun();
      under.addBreak();
      under.setFontSize(9);
      under.setColor("444444");
      under.setText(caption);
    }
  }

  private static void run(XWPFRun run, String text, Style style) {
    run.setText(text);
    run.setBold(style.bold());
    run.setItalic(style.italic());
    run.setStrikeThrough(style.strike());
    if (style.code()) {
      run.setFontFamily("Courier New");
    }
  }

  private void citation(ExportedPart part, ZoneId zone, java.time.LocalDate accessed) {
    XWPFParagraph rule = doc.createParagraph();
    rule.setBorderTop(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
    rule.setSpacingBefore(360);
    XWPFRun title = rule.createRun();
    title.setBold(true);
    title.setText(CitationHtml.HEADING);
    for (CitationHtml.Line line : CitationHtml.lines(part.citation(), zone)) {
      XWPFParagraph p = doc.createParagraph();
      p.setSpacingAfter(0);
      XWPFRun label = p.createRun();
      label.setBold(true);
      label.setFontSize(9);
      label.setText(line.label() + ": ");
      XWPFRun value = line.link() == null ? p.createRun() : p.createHyperlinkRun(line.link());
      value.setFontSize(9);
      value.setText(line.text());
    }
    XWPFParagraph reference = doc.createParagraph();
    reference.setSpacingBefore(120);
    XWPFRun run = reference.createRun();
    run.setFontSize(9);
    run.setText(part.citation().reference(accessed, zone));
  }
}
