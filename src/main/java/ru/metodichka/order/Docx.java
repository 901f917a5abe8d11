package ru.metodichka.order;

import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * The few things an order needs from Word, over POI: an A4 page with the margins of Russian office
 * documents (ГОСТ Р 7.0.97: left 30 mm, right 15 mm, top and bottom 20 mm), Times New Roman,
 * paragraphs, a line with text at both margins, and tables with a header row. Blocking; not
 * thread-safe (one per document).
 */
final class Docx {
  private static final String FONT = "Times New Roman";
  static final int TEXT_SIZE = 14;
  static final int TABLE_SIZE = 12;
  // Twentieths of a point: A4 is 210 × 297 mm; 1 mm is 56.7 twips.
  private static final int PAGE_WIDTH = 11906;
  private static final int PAGE_HEIGHT = 16838;
  private static final int LEFT = 1701;
  private static final int RIGHT = 850;
  private static final int TOP_BOTTOM = 1134;
  private static final int HEADER = 708;
  // 1.25 cm, the first-line indent of Russian office documents.
  private static final int INDENT = 709;
  private final XWPFDocument document;

  Docx(XWPFDocument document) {
    this.document = document;
    CTSectPr section = document.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_WIDTH));
    size.setH(BigInteger.valueOf(PAGE_HEIGHT));
    CTPageMar margins = section.addNewPgMar();
    margins.setLeft(BigInteger.valueOf(LEFT));
    margins.setRight(BigInteger.valueOf(RIGHT));
    margins.setTop(BigInteger.valueOf(TOP_BOTTOM));
    margins.setBottom(BigInteger.valueOf(TOP_BOTTOM));
    // Required by the schema, though an order has no header or footer.
    margins.setHeader(BigInteger.valueOf(HEADER));
    margins.setFooter(BigInteger.valueOf(HEADER));
    margins.setGutter(BigInteger.ZERO);
  }

  /** A paragraph of one run of text. */
  XWPFParagraph paragraph(String text, ParagraphAlignment align, boolean bold, int size) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setAlignment(align);
    paragraph.setSpacingAfter(0);
    run(paragraph, text, bold, size);
    return paragraph;
  }

  /** Body text: justified, with a first-line indent. */
  XWPFParagraph text(String text) {
    XWPFParagraph paragraph = paragraph(text, ParagraphAlignment.BOTH, false, TEXT_SIZE);
    paragraph.setIndentationFirstLine(INDENT);
    return paragraph;
  }

  void blank() {
    paragraph("", ParagraphAlignment.LEFT, false, TEXT_SIZE);
  }

  /** One line with {@code left} at the left margin and {@code right} at the right one. */
  XWPFParagraph spread(String left, String right, boolean bold) {
    XWPFParagraph paragraph = paragraph(left, ParagraphAlignment.LEFT, bold, TEXT_SIZE);
    CTPPr props = properties(paragraph);
    CTTabStop stop = (props.isSetTabs() ? props.getTabs() : props.addNewTabs()).addNewTab();
    stop.setVal(STTabJc.RIGHT);
    stop.setPos(BigInteger.valueOf(PAGE_WIDTH - LEFT - RIGHT));
    XWPFRun run = run(paragraph, "", bold, TEXT_SIZE);
    run.addTab();
    run.setText(right);
    return paragraph;
  }

  /** Keeps the paragraph on the page of the next one (a heading with its table). */
  static XWPFParagraph keepWithNext(XWPFParagraph paragraph) {
    CTPPr props = properties(paragraph);
    if (!props.isSetKeepNext()) {
      props.addNewKeepNext();
    }
    return paragraph;
  }

  /** The paragraph's properties: one element at most, or Word refuses the document. */
  private static CTPPr properties(XWPFParagraph paragraph) {
    CTP p = paragraph.getCTP();
    return p.isSetPPr() ? p.getPPr() : p.addNewPPr();
  }

  /**
   * A table as wide as the text: a bold header row, then the rows.
   *
   * @param shares each column's share of the width, in percent
   */
  XWPFTable table(List<String> header, List<List<String>> rows, int... shares) {
    XWPFTable table = document.createTable(1 + rows.size(), header.size());
    table.setWidth("100%");
    // Word reads the widths of the cells, LibreOffice those of the grid: both are set.
    CTTblGrid grid = table.getCTTbl().addNewTblGrid();
    int[] widths = new int[shares.length];
    for (int i = 0; i < shares.length; i++) {
      widths[i] = (PAGE_WIDTH - LEFT - RIGHT) * shares[i] / 100;
      grid.addNewGridCol().setW(BigInteger.valueOf(widths[i]));
    }
    // The header row is repeated on every page the table runs over.
    table.getRow(0).setRepeatHeader(true);
    fill(table.getRow(0), header, true, widths);
    for (int i = 0; i < rows.size(); i++) {
      fill(table.getRow(i + 1), rows.get(i), false, widths);
    }
    return table;
  }

  private static void fill(XWPFTableRow row, List<String> cells, boolean bold, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      XWPFTableCell cell = row.getCell(i);
      cell.setWidth(String.valueOf(widths[i]));
      XWPFParagraph paragraph = cell.getParagraphs().getFirst();
      paragraph.setSpacingAfter(0);
      run(paragraph, cells.get(i), bold, TABLE_SIZE);
    }
  }

  private static XWPFRun run(XWPFParagraph paragraph, String text, boolean bold, int size) {
    XWPFRun run = paragraph.createRun();
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setText(text);
    return run;
  }
}
