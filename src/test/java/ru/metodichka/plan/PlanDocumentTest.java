package ru.metodichka.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Community;
import ru.metodichka.community.CommunityStatus;
import ru.metodichka.page.PageStatus;
import ru.metodichka.web.Locales;

/** The plan's Word table, read back with Apache POI. */
class PlanDocumentTest {
  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
  private static final Community COMMUNITY =
      new Community(
          1,
          "funkcionalnaya-gramotnost",
          "Функциональная грамотность",
          "Задача",
          "",
          CommunityStatus.ACTIVE,
          NOW);
  private static final Person IVANOVA = new Person("ivanova", "Анна Петровна Иванова");
  private static final Person PETROV = new Person("petrov", "Сергей Алексеевич Петров");

  private static PlanItem item(
      long id, String title, LocalDate starts, LocalDate due, PlanStatus status, boolean overdue) {
    return new PlanItem(
        id,
        1,
        title,
        "Работа в формате **PISA**.\n\nСм. [[Критерии]].\n",
        PlanForm.MIXED,
        List.of(IVANOVA, PETROV),
        starts,
        due,
        status,
        List.of(new ResultPage("банк", "Банк заданий", PageStatus.PUBLISHED)),
        status == PlanStatus.DONE ? "Выполнили 212 учащихся." : "",
        overdue,
        NOW,
        IVANOVA);
  }

  private static Plan plan(OffsetDateTime asOf) {
    List<PlanItem> items =
        List.of(
            item(
                1,
                "Входная диагностика",
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 15),
                PlanStatus.DONE,
                false),
            item(
                2,
                "Семинар",
                LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 20),
                PlanStatus.PLANNED,
                true));
    return new Plan(
        COMMUNITY,
        new AcademicYear(2026),
        asOf,
        LocalDate.of(2026, 12, 1),
        items,
        Completion.of(items));
  }

  private static XWPFDocument read(Plan plan, Locale locale) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(PlanDocument.write(plan, locale)));
  }

  @Test
  void theTableHasTheCentresColumnsAndARowPerItem() throws IOException {
    try (XWPFDocument doc = read(plan(null), Locales.RUSSIAN)) {
      XWPFTable table = doc.getTables().getFirst();
      assertThat(table.getRow(0).getTableCells().stream().map(c -> c.getText()).toList())
          .containsExactly(
              "№",
              "Мероприятие",
              "Форма",
              "Сроки",
              "Ответственные",
              "Результат",
              "Отметка о выполнении");
      assertThat(table.getRows()).hasSize(3);
      var first = table.getRow(1);
      assertThat(first.getCell(0).getText()).isEqualTo("1.");
      assertThat(first.getCell(1).getText())
          .contains("Входная диагностика", "Работа в формате PISA");
      assertThat(first.getCell(1).getParagraphs().stream().map(XWPFParagraph::getText))
          .containsExactly("Входная диагностика", "Работа в формате PISA.", "См. Критерии.");
      assertThat(first.getCell(2).getText()).isEqualTo("смешанная");
      assertThat(first.getCell(3).getText()).isEqualTo("01.10.2026 – 15.10.2026");
      assertThat(first.getCell(4).getParagraphs().stream().map(XWPFParagraph::getText))
          .containsExactly("Анна Петровна Иванова", "Сергей Алексеевич Петров");
      assertThat(first.getCell(5).getText()).isEqualTo("Банк заданий");
      assertThat(first.getCell(6).getText()).contains("выполнено", "Выполнили 212 учащихся.");
      var second = table.getRow(2);
      assertThat(second.getCell(3).getText()).isEqualTo("20.11.2026");
      assertThat(second.getCell(6).getText()).isEqualTo("запланировано (просрочено)");
    }
  }

  @Test
  void theTitleNamesTheCommunityAndTheYearAndTheCompletionFollowsTheTable() throws IOException {
    try (XWPFDocument doc = read(plan(NOW), Locales.RUSSIAN)) {
      List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertThat(paragraphs.getFirst())
          .isEqualTo(
              "План работы сетевого профессионального сообщества «Функциональная грамотность»"
                  + " на 2026/27 учебный год");
      assertThat(paragraphs).contains("по состоянию на 01.12.2026");
      assertThat(paragraphs.getLast()).startsWith("Выполнено 1 из 2 пунктов (50 %)");
      assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient())
          .isEqualTo(STPageOrientation.LANDSCAPE);
    }
  }

  @Test
  void anEnglishReaderGetsAnEnglishTable() throws IOException {
    try (XWPFDocument doc = read(plan(null), Locale.ENGLISH)) {
      var header = doc.getTables().getFirst().getRow(0);
      assertThat(header.getCell(1).getText()).isEqualTo("Activity");
      assertThat(doc.getTables().getFirst().getRow(1).getCell(2).getText()).isEqualTo("mixed");
    }
  }
}
