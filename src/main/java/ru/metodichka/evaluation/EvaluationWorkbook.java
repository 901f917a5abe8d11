package ru.metodichka.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ru.metodichka.contribution.ContributionKind;
import ru.metodichka.expert.Composite;
import ru.metodichka.expert.Recommendation;

/**
 * The evaluation as a spreadsheet (Apache POI, .xlsx) in Russian: sheets «Сводка» (every figure),
 * «Участники» (one row per participant with contributions by kind), «Результаты» (pages first
 * published in the period), «План» (the plan items due in it). Numbers are numeric cells, so the
 * centre can sum them across communities. Blocks: call it on a worker.
 */
final class EvaluationWorkbook {
  static final List<String> SHEETS =
      List.of("Сводка", "Участники", "Результаты", "План", "Эксперты");

  private EvaluationWorkbook() {}

  static byte[] write(Report report) {
    ReportText text = ReportText.russian(report.evaluation().period().zone());
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      summary(book.createSheet(SHEETS.get(0)), bold, report, text);
      participants(book.createSheet(SHEETS.get(1)), bold, report, text);
      results(book.createSheet(SHEETS.get(2)), bold, report, text);
      plan(book.createSheet(SHEETS.get(3)), bold, report, text);
      experts(book.createSheet(SHEETS.get(4)), bold, report.evaluation().experts(), text);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void summary(Sheet sheet, CellStyle bold, Report report, ReportText text) {
    Evaluation e = report.evaluation();
    int r = 0;
    row(sheet, r++, bold, text.t("evaluation.report.community", e.community().name()));
    row(sheet, r++, null, text.t("evaluation.period") + ": " + text.period(e.period()));
    r++;
    row(sheet, r++, bold, text.t("evaluation.col.figure"), text.t("evaluation.col.value"));
    for (Figure f : Figure.all(e, text)) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(f.label());
      set(row.createCell(1), f.value());
    }
    sheet.setColumnWidth(0, 45 * 256);
    sheet.setColumnWidth(1, 60 * 256);
  }

  private static void participants(Sheet sheet, CellStyle bold, Report report, ReportText text) {
    List<String> header =
        new ArrayList<>(
            List.of(
                text.t("evaluation.col.login"),
                text.t("evaluation.col.name"),
                text.t("evaluation.col.institution")));
    CountedKinds.ALL.forEach(k -> header.add(text.t("evaluation.contribution." + k.code())));
    header.add(text.t("evaluation.col.total"));
    header.add(text.t("evaluation.col.activeFlag"));
    row(sheet, 0, bold, header.toArray(String[]::new));
    int r = 1;
    for (Participant p : report.people().participants()) {
      Row row = sheet.createRow(r++);
      int c = 0;
      row.createCell(c++).setCellValue(p.person().login());
      row.createCell(c++).setCellValue(p.person().name());
      row.createCell(c++).setCellValue(p.person().institution());
      for (ContributionKind kind : CountedKinds.ALL) {
        row.createCell(c++).setCellValue(p.contributions().getOrDefault(kind, 0));
      }
      row.createCell(c++).setCellValue(p.total());
      row.createCell(c).setCellValue(text.t(p.active() ? "evaluation.yes" : "evaluation.no"));
    }
    sheet.setColumnWidth(1, 30 * 256);
    sheet.setColumnWidth(2, 30 * 256);
  }

  private static void results(Sheet sheet, CellStyle bold, Report report, ReportText text) {
    row(
        sheet,
        0,
        bold,
        text.t("evaluation.col.material"),
        text.t("evaluation.col.kind"),
        text.t("evaluation.col.firstPublished"));
    int r = 1;
    for (Result result : report.results()) {
      row(
          sheet,
          r++,
          null,
          result.title(),
          text.t("kind." + result.kind().code()),
          text.moment(result.firstPublished()));
    }
    sheet.setColumnWidth(0, 50 * 256);
    sheet.setColumnWidth(1, 30 * 256);
    sheet.setColumnWidth(2, 25 * 256);
  }

  private static void plan(Sheet sheet, CellStyle bold, Report report, ReportText text) {
    row(
        sheet,
        0,
        bold,
        text.t("evaluation.col.item"),
        text.t("evaluation.col.year"),
        text.t("evaluation.col.due"),
        text.t("evaluation.col.status"));
    int r = 1;
    for (Task task : report.tasks()) {
      row(
          sheet,
          r++,
          null,
          task.title(),
          task.year(),
          text.date(task.due()),
          text.t("plan.status." + task.status()));
    }
    sheet.setColumnWidth(0, 50 * 256);
    sheet.setColumnWidth(2, 20 * 256);
    sheet.setColumnWidth(3, 20 * 256);
  }

  /** The experts' composite (§5.2): per criterion the mean and whether the experts disagree. */
  private static void experts(Sheet sheet, CellStyle bold, Composite experts, ReportText text) {
    int r = 0;
    row(sheet, r++, bold, text.t("evaluation.experts"));
    if (experts == null || experts.reviews() == 0) {
      row(sheet, r, null, text.t("evaluation.experts.none"));
      return;
    }
    row(sheet, r++, null, text.t("evaluation.experts.reviews", experts.reviews()));
    r++;
    row(
        sheet,
        r++,
        bold,
        text.t("evaluation.experts.criterion"),
        text.t("evaluation.experts.mean"),
        text.t("evaluation.experts.agreement"));
    for (Composite.CriterionMean c : experts.criteria()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(c.title());
      if (c.mean() != null) {
        row.createCell(1).setCellValue(c.mean());
      }
      row.createCell(2)
          .setCellValue(
              text.t(
                  c.disagreement()
                      ? "evaluation.experts.disagreement"
                      : "evaluation.experts.agree"));
    }
    Row overall = sheet.createRow(r++);
    overall.createCell(0).setCellValue(text.t("evaluation.experts.overall"));
    if (experts.overall() != null) {
      overall.createCell(1).setCellValue(experts.overall());
    }
    r++;
    for (Recommendation rec : Recommendation.values()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(text.t("expert.recommendation." + rec.code()));
      row.createCell(1).setCellValue(experts.recommendations().getOrDefault(rec, 0));
    }
    sheet.setColumnWidth(0, 45 * 256);
    sheet.setColumnWidth(1, 15 * 256);
    sheet.setColumnWidth(2, 40 * 256);
  }

  private static void row(Sheet sheet, int index, CellStyle style, String... cells) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < cells.length; i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(cells[i]);
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
  }

  private static void set(Cell cell, Object value) {
    switch (value) {
      case null -> cell.setCellValue("");
      case Number n -> cell.setCellValue(n.doubleValue());
      default -> cell.setCellValue(String.valueOf(value));
    }
  }
}
