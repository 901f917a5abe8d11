package ru.metodichka.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

/** The evaluation's files, read back with a CSV parser, POI and PDFBox. */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationExportsIT {
  private Api api;
  private Fixtures.Team team;
  private String base;

  @BeforeAll
  void setUp(Fixtures fx) {
    api = fx.api();
    team = fx.team();
    // Two revisions by the member this academic year, a page published, an assessment.
    fx.save(team.community(), "урок", team.member().token(), "Урок, «с запятой»", "Текст", 0);
    fx.save(team.community(), "урок", team.member().token(), "Урок, «с запятой»", "Текст 2", 1);
    var published =
        api.post(Api.page(team.community(), "урок", "publish"), team.moderator().token(), null);
    assertThat(published.status()).isEqualTo(200);
    base = "/api" + Api.path("communities", team.community());
  }

  private byte[] download(String path, String type) {
    var answer = api.get(base + path, team.moderator().token());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith(type);
    assertThat(answer.headers().get("Content-Disposition")).startsWith("attachment; ");
    return answer.body().getBytes();
  }

  @Test
  void theCsvHasOneRowPerParticipantWithContributionsByKind() throws Exception {
    byte[] csv = download("/evaluation.csv", "text/csv");
    assertThat(new String(csv, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
    var reader =
        new InputStreamReader(
            new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(reader)
            .getRecords();
    assertThat(rows).hasSize(1);
    CSVRecord row = rows.getFirst();
    assertThat(row.get("login")).isEqualTo(team.member().login());
    assertThat(row.get("name")).isEqualTo("Анна Петровна Иванова");
    assertThat(row.get("institution")).isEqualTo("МБОУ СОШ № 1");
    assertThat(row.get("page_created")).isEqualTo("1");
    assertThat(row.get("revision")).isEqualTo("1");
    assertThat(row.get("total")).isEqualTo("2");
    assertThat(row.get("active")).isEqualTo("true");
  }

  @Test
  void theWorkbookHasTheSummaryParticipantsResultsPlanAndExperts() throws Exception {
    byte[] xlsx =
        download(
            "/evaluation.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(List.of(0, 1, 2, 3, 4).stream().map(book::getSheetName))
          .containsExactly("Сводка", "Участники", "Результаты", "План", "Эксперты");
      // No expert has reviewed this community: the sheet says so.
      assertThat(book.getSheet("Эксперты").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("За этот период экспертных оценок нет.");
      Sheet summary = book.getSheet("Сводка");
      assertThat(value(summary, "Активных участников")).isEqualTo(1.0);
      assertThat(value(summary, "Опубликовано материалов")).isEqualTo(1.0);
      Sheet people = book.getSheet("Участники");
      assertThat(people.getRow(1).getCell(0).getStringCellValue()).isEqualTo(team.member().login());
      assertThat(book.getSheet("Результаты").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("Урок, «с запятой»");
    }
  }

  private static Object value(Sheet sheet, String label) {
    for (var row : sheet) {
      if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
        return row.getCell(1).getNumericCellValue();
      }
    }
    throw new AssertionError("no row " + label);
  }

  @Test
  void thePdfIsARussianReportWithItsFontsEmbedded() throws Exception {
    byte[] pdf = download("/evaluation.pdf", "application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Отчёт об оценке результатов сетевого сообщества")
          .contains("Сообщество " + team.community())
          .contains("Активных участников")
          .contains("Урок, «с запятой»")
          .contains("Активные участники по месяцам");
      for (var page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void theOverviewPdfListsEveryCommunity(Fixtures fx) throws Exception {
    var answer = api.get("/api/evaluation.pdf", fx.adminToken());
    assertThat(answer.status()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(answer.body().getBytes())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Сводный отчёт").contains(team.community());
    }
    var csv = api.get("/api/evaluation.csv", fx.adminToken());
    assertThat(csv.text()).contains(team.community());
  }
}
