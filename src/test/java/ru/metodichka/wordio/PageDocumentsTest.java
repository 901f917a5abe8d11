package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import ru.metodichka.page.Author;
import ru.metodichka.page.Citation;

/**
 * The exported documents read back: the PDF with PDFBox, the .docx with POI. With {@code
 * METODICHKA_EXPORT_SAMPLE=dir} in the environment the files are kept there to look at ({@code
 * pdftoppm -png}).
 */
class PageDocumentsTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final String HTML =
      """
      <h1 id="урок-дробей">Урок дробей</h1>
      <p>Урок для <strong>пятого</strong> класса, <em>с игрой</em>. См. <a href="https://example.org">сайт</a>.</p>
      <h2>Ход урока</h2>
      <ol><li>Разминка<ul><li>Устный счёт</li></ul></li><li>Новая тема</li></ol>
      <table><thead><tr><th>Этап</th><th>Минуты</th></tr></thead>
      <tbody><tr><td>Разминка</td><td>5</td></tr></tbody></table>
      <blockquote><p>Доля — это часть целого.</p></blockquote>
      <pre><code>1/2 + 1/4 = 3/4</code></pre>
      <p><img src="http://127.0.0.1:1/x.png" alt="схема пирога"></p>
      """;

  static Citation citation() {
    return new Citation(
        "Урок дробей",
        List.of(
            new Author("ivanova", "Анна Петровна Иванова", "МБОУ «СОШ № 3»", 3),
            new Author("petrov", "Павел Сергеевич Петров", null, 1)),
        "Функциональная грамотность",
        "ГБУ ИМЦ Петродворцового района Санкт-Петербурга",
        "CC BY 4.0 (с указанием авторства)",
        "https://creativecommons.org/licenses/by/4.0/",
        4,
        OffsetDateTime.parse("2026-11-20T10:15:00+03:00"),
        "https://metodichka.example/c/fg/%D0%B4%D1%80%D0%BE%D0%B1%D0%B8",
        "https://metodichka.example/c/fg/%D0%B4%D1%80%D0%BE%D0%B1%D0%B8/revisions/4");
  }

  @Test
  void pdfHasTheTextAndTheCitationAndNoFetchedImage() throws IOException {
    byte[] pdf =
        PdfWriter.write(
            List.of(new ExportedPart(citation(), HTML)), MOSCOW, LocalDate.of(2026, 12, 6));
    keep("sample.pdf", pdf);
    String text = WordAuthorizationIT.pdfText(pdf).replaceAll("\\s+", " ");
    assertThat(text)
        .doesNotContain("Урок дробей Урок дробей")
        .contains("Урок дробей", "пятого", "Разминка", "Устный счёт", "Минуты", "схема пирога")
        .contains("Как цитировать", "Иванова А. П. Урок дробей [Электронный ресурс]")
        .contains("А. П. Иванова, П. С. Петров", "МБОУ «СОШ № 3»", "версия 4 от 20.11.2026")
        .contains("дата обращения: 06.12.2026");
  }

  @Test
  void docxHasTheTextAndTheCitation() throws IOException {
    byte[] docx =
        DocxWriter.write(
            List.of(new ExportedPart(citation(), HTML)), MOSCOW, LocalDate.of(2026, 12, 6));
    keep("sample.docx", docx);
    String text = WordAuthorizationIT.docxText(docx);
    assertThat(text)
        .contains("Урок дробей", "пятого", "Разминка", "Устный счёт", "Минуты")
        .contains("Как цитировать", "Лицензия", "Петродворцового", "версия 4 от 20.11.2026")
        .contains("Иванова А. П. Урок дробей [Электронный ресурс]");
  }

  @Test
  void docxListsAreWordsNumberedAndBulletedListsNestedByLevel() throws IOException {
    String html =
        """
        <ol><li>Разминка<ul><li>Устный счёт</li><li>Игра</li></ul></li><li>Новая тема</li></ol>
        <p>Между списками.</p>
        <ol start="3"><li>Третий пункт</li><li>Четвёртый пункт</li></ol>
        <ul><li>Маркер<ol><li>Вложенный номер</li></ol></li></ul>
        """;
    byte[] docx =
        DocxWriter.write(
            List.of(new ExportedPart(citation(), html)), MOSCOW, LocalDate.of(2026, 12, 6));
    keep("lists.docx", docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      Map<String, XWPFParagraph> items = new HashMap<>();
      for (XWPFParagraph p : doc.getParagraphs()) {
        items.put(p.getText(), p);
      }
      XWPFParagraph warmUp = items.get("Разминка");
      XWPFParagraph oral = items.get("Устный счёт");
      XWPFParagraph game = items.get("Игра");
      XWPFParagraph next = items.get("Новая тема");
      XWPFParagraph third = items.get("Третий пункт");
      XWPFParagraph bullet = items.get("Маркер");
      XWPFParagraph nested = items.get("Вложенный номер");
      assertThat(items.get("Между списками.").getNumID()).isNull();

      assertThat(warmUp.getNumFmt()).isEqualTo("decimal");
      assertThat(warmUp.getNumLevelText()).isEqualTo("%1.");
      assertThat(warmUp.getNumIlvl()).isEqualTo(BigInteger.ZERO);
      assertThat(next.getNumID()).isEqualTo(warmUp.getNumID());

      assertThat(oral.getNumFmt()).isEqualTo("bullet");
      assertThat(oral.getNumLevelText()).isEqualTo("◦");
      assertThat(oral.getNumIlvl()).isEqualTo(BigInteger.ONE);
      assertThat(game.getNumID()).isEqualTo(oral.getNumID()).isNotEqualTo(warmUp.getNumID());

      // A list of its own starts afresh: a numbering instance of its own, at its start.
      assertThat(third.getNumFmt()).isEqualTo("decimal");
      assertThat(third.getNumID()).isNotEqualTo(warmUp.getNumID());
      assertThat(startOverride(doc, third)).isEqualTo(3);
      assertThat(startOverride(doc, warmUp)).isEqualTo(1);

      assertThat(bullet.getNumFmt()).isEqualTo("bullet");
      assertThat(bullet.getNumLevelText()).isEqualTo("•");
      assertThat(nested.getNumFmt()).isEqualTo("decimal");
      assertThat(nested.getNumLevelText()).isEqualTo("%2.");
      assertThat(nested.getNumIlvl()).isEqualTo(BigInteger.ONE);
    }
  }

  private static int startOverride(XWPFDocument doc, XWPFParagraph p) {
    var num = doc.getNumbering().getNum(p.getNumID()).getCTNum();
    return num.getLvlOverrideArray(0).getStartOverride().getVal().intValue();
  }

  @Test
  void anExportedDocumentImportsBackWithItsHeadingsListsTableAndLinks() {
    byte[] docx =
        DocxWriter.write(
            List.of(new ExportedPart(citation(), HTML)), MOSCOW, LocalDate.of(2026, 12, 6));
    WordImport.Imported again = WordImport.convert(docx, "x.docx");
    assertThat(again.title()).isEqualTo("Урок дробей");
    assertThat(again.markdown())
        .contains("# Урок дробей\n", "## Ход урока\n", "**пятого**", "*с игрой*")
        .contains("[сайт](https://example.org)", "| Разминка | 5")
        .containsPattern("1\\. Разминка\n +[-*+] Устный счёт\n(\n)?2\\. Новая тема");
  }

  @Test
  void aThirtyPageDocumentImportsWhole() throws IOException {
    byte[] docx = WordDocs.long_(30);
    keep("long.docx", docx);
    String markdown = WordImport.convert(docx, "long.docx").markdown();
    assertThat(markdown).contains("## Раздел 1\n", "## Раздел 30\n", "   - Подпункт 30");
  }

  private static void keep(String name, byte[] bytes) throws IOException {
    String dir = System.getenv("METODICHKA_EXPORT_SAMPLE");
    if (dir != null) {
      Files.write(Path.of(dir, name), bytes);
    }
  }
}
