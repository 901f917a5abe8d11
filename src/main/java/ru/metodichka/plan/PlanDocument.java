package ru.metodichka.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import ru.metodichka.auth.Person;
import ru.metodichka.render.PlainText;
import ru.metodichka.web.Locales;

/**
 * A plan as the centre's usual Word table (.docx): a title naming the community and the academic
 * year, then one row per item under the headings №, мероприятие, форма, сроки, ответственные,
 * результат, отметка о выполнении, and the completion below. Landscape A4, as such plans are
 * printed. The results are the pages the reader may see, by title; the mark is the status (overdue
 * ones marked so) with the outcome note. Blocking (Apache POI): run it on a worker.
 */
final class PlanDocument {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  // A4 in twentieths of a point, turned sideways.
  private static final BigInteger A4_LONG = BigInteger.valueOf(16838);
  private static final BigInteger A4_SHORT = BigInteger.valueOf(11906);
  static final List<String> COLUMNS =
      List.of("number", "event", "form", "dates", "responsible", "result", "mark");

  private final ResourceBundle strings;
  private final Locale locale;

  private PlanDocument(Locale locale) {
    this.locale = locale;
    this.strings = Locales.bundle("i18n/plan", locale);
  }

  /** The document's bytes, its texts in the language of {@code locale}. */
  static byte[] write(Plan plan, Locale locale) {
    return new PlanDocument(locale).document(plan);
  }

  private byte[] document(Plan plan) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      landscape(doc);
      title(doc, plan);
      table(doc, plan);
      XWPFParagraph done = doc.createParagraph();
      Completion c = plan.completion();
      done.createRun().setText(t("plan.doc.completion", c.done(), c.total(), c.percent()));
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the plan of " + plan.community().slug(), e);
    }
  }

  private static void landscape(XWPFDocument doc) {
    CTSectPr section = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(A4_LONG);
    size.setH(A4_SHORT);
    size.setOrient(STPageOrientation.LANDSCAPE);
  }

  private void title(XWPFDocument doc, Plan plan) {
    XWPFParagraph title = doc.createParagraph();
    title.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun run = title.createRun();
    run.setBold(true);
    run.setFontSize(14);
    run.setText(t("plan.doc.title", plan.community().name(), plan.year().label()));
    if (plan.asOf() != null) {
      XWPFParagraph asOf = doc.createParagraph();
      asOf.setAlignment(ParagraphAlignment.CENTER);
      asOf.createRun().setText(t("plan.doc.asOf", plan.day().format(DATE)));
    }
  }

  private void table(XWPFDocument doc, Plan plan) {
    XWPFTable table = doc.createTable(1, COLUMNS.size());
    table.setWidth("100%");
    table.setWidthType(TableWidthType.PCT);
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    for (int i = 0; i < COLUMNS.size(); i++) {
      XWPFRun run = paragraph(header.getCell(i)).createRun();
      run.setBold(true);
      run.setText(t("plan.doc.column." + COLUMNS.get(i)));
    }
    int number = 1;
    for (PlanItem item : plan.items()) {
      row(table.createRow(), number++, item);
    }
  }

  private void row(XWPFTableRow row, int number, PlanItem item) {
    text(row.getCell(0), List.of(number + "."));
    XWPFParagraph event = paragraph(row.getCell(1));
    XWPFRun title = event.createRun();
    title.setBold(true);
    title.setText(item.title());
    // A paragraph per line: Word shows a line break inside a run's text as nothing.
    PlainText.of(item.description())
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .forEach(line -> row.getCell(1).addParagraph().createRun().setText(line));
    text(row.getCell(2), List.of(t("plan.form." + item.form().code())));
    text(row.getCell(3), List.of(dates(item)));
    text(row.getCell(4), item.responsible().stream().map(Person::name).toList());
    text(row.getCell(5), item.results().stream().map(ResultPage::title).toList());
    String mark = t("plan.status." + item.status().code());
    if (item.overdue()) {
      mark += " (" + t("plan.overdue") + ")";
    }
    text(row.getCell(6), item.outcome().isBlank() ? List.of(mark) : List.of(mark, item.outcome()));
  }

  private static String dates(PlanItem item) {
    return item.starts().equals(item.due())
        ? item.due().format(DATE)
        : item.starts().format(DATE) + " – " + item.due().format(DATE);
  }

  /** One paragraph per line in the cell. */
  private static void text(XWPFTableCell cell, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      XWPFParagraph paragraph = i == 0 ? paragraph(cell) : cell.addParagraph();
      paragraph.createRun().setText(lines.get(i));
    }
  }

  /** The cell's first paragraph (a new cell has an empty one). */
  private static XWPFParagraph paragraph(XWPFTableCell cell) {
    return cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
  }

  private String t(String key, Object... args) {
    String text = strings.getString(key);
    return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
  }
}
