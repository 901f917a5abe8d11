package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;
import ru.metodichka.attachment.DocumentImages;
import ru.metodichka.attachment.Pictures;
import ru.metodichka.page.Author;
import ru.metodichka.page.Citation;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.render.WikiLinkResolver;

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
  void pdfHasTheTextAndTheCitation() throws IOException {
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
  void thePdfReadsNothingByAddressButItsOwnPictures() throws IOException {
    AtomicInteger asked = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          asked.incrementAndGet();
          byte[] png = Pictures.png(40, 40, false);
          exchange.sendResponseHeaders(200, png.length);
          exchange.getResponseBody().write(png);
          exchange.close();
        });
    server.start();
    try {
      String there = "http://127.0.0.1:" + server.getAddress().getPort();
      String html =
          """
          <link rel="stylesheet" href="THERE/style.css">
          <p><img src="THERE/x.png" alt="схема пирога"></p>
          <div style="background-image: url('THERE/ground.png')">Фон</div>
          <p><img src="/own/preview" alt="Своя схема"></p>
          """
              .replace("THERE", there);
      byte[] pdf =
          PdfWriter.write(
              List.of(
                  new ExportedPart(citation(), html, Map.of("/own/preview", picture(300, 200)))),
              MOSCOW,
              LocalDate.of(2026, 12, 6));
      assertThat(asked).hasValue(0);
      assertThat(DocumentPictures.inPdf(pdf))
          .extracting(DocumentPictures.Picture::width, DocumentPictures.Picture::height)
          .containsExactly(tuple(300, 200));
      assertThat(WordAuthorizationIT.pdfText(pdf)).contains("схема пирога", "Своя схема", "Фон");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aPictureIsPrintedAtTheTextsWidthWithItsProportionsAndCaption() throws IOException {
    String html =
        """
        <p>Перед рисунком.</p>
        <p><a href="/api/x/attachments/%D1%81.png" class="attachment-image"><img src="/wide/preview" alt="Схема долей" width="1200" height="600" loading="lazy"></a></p>
        <p>Мелкий значок: <img src="/small/preview" alt="Значок"></p>
        """;
    ExportedPart part =
        new ExportedPart(
            citation(),
            html,
            Map.of("/wide/preview", picture(1200, 600), "/small/preview", picture(200, 100)));
    byte[] pdf = PdfWriter.write(List.of(part), MOSCOW, LocalDate.of(2026, 12, 6));
    keep("pictures.pdf", pdf);
    var inPdf = DocumentPictures.inPdf(pdf);
    assertThat(inPdf).hasSize(2);
    // 17.4 cm of text: 493.2 points; the wide picture fills it, half as tall.
    assertThat(inPdf.get(0).width()).isEqualTo(1200);
    assertThat(inPdf.get(0).printedWidth()).isCloseTo(493.2, within(1.0));
    assertThat(inPdf.get(0).printedHeight()).isCloseTo(246.6, within(1.0));
    // A small one keeps its size on a screen: 200 pixels are 150 points.
    assertThat(inPdf.get(1).printedWidth()).isCloseTo(150, within(1.0));
    assertThat(inPdf.get(1).printedHeight()).isCloseTo(75, within(1.0));
    assertThat(WordAuthorizationIT.pdfText(pdf))
        .contains("Перед рисунком", "Схема долей", "Значок");

    byte[] docx = DocxWriter.write(List.of(part), MOSCOW, LocalDate.of(2026, 12, 6));
    keep("pictures.docx", docx);
    var inDocx = DocumentPictures.inDocx(docx);
    assertThat(inDocx)
        .extracting(DocumentPictures.Picture::width, DocumentPictures.Picture::text)
        .containsExactly(tuple(1200, "Схема долей"), tuple(200, "Значок"));
    assertThat(inDocx.get(0).printedWidth()).isCloseTo(493.2, within(1.0));
    assertThat(inDocx.get(0).printedHeight()).isCloseTo(246.6, within(1.0));
    assertThat(inDocx.get(1).printedWidth()).isCloseTo(150, within(1.0));
    assertThat(WordAuthorizationIT.docxText(docx)).contains("Перед рисунком", "Схема долей");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      var page = doc.getDocument().getBody().getSectPr().getPgSz();
      assertThat(((BigInteger) page.getW()).intValue()).isEqualTo(11906);
    }
  }

  @Test
  void aPictureInATableFitsItsCell() throws IOException {
    ExportedPart part =
        new ExportedPart(
            citation(),
            "<table><tbody><tr><td><img src=\"/wide\" alt=\"Схема\"></td><td>Этап урока</td></tr>"
                + "</tbody></table>",
            Map.of("/wide", picture(1200, 600)));
    // Two columns share 493.2 points of text, less a cell's padding: 234.6 points.
    double cell = 493.2 / 2 - 12;

    var inPdf =
        DocumentPictures.inPdf(PdfWriter.write(List.of(part), MOSCOW, LocalDate.of(2026, 12, 6)));
    byte[] docx = DocxWriter.write(List.of(part), MOSCOW, LocalDate.of(2026, 12, 6));
    keep("table-picture.docx", docx);
    var inDocx = DocumentPictures.inDocx(docx);

    for (DocumentPictures.Picture printed : List.of(inPdf.getFirst(), inDocx.getFirst())) {
      assertThat(printed.printedWidth()).isCloseTo(cell, within(1.0));
      assertThat(printed.printedHeight()).isCloseTo(cell / 2, within(1.0));
    }
  }

  @Test
  void aTallPictureIsPrintedNoTallerThanThreeQuartersOfThePage() throws IOException {
    ExportedPart part =
        new ExportedPart(
            citation(),
            "<p><img src=\"/tall\" alt=\"Лента\"></p>",
            Map.of("/tall", picture(600, 3000)));
    var printed =
        DocumentPictures.inPdf(PdfWriter.write(List.of(part), MOSCOW, LocalDate.of(2026, 12, 6)))
            .getFirst();
    assertThat(printed.printedHeight()).isCloseTo(0.75 * 25.7 / 2.54 * 72, within(1.0));
    assertThat(printed.printedWidth() / printed.printedHeight()).isCloseTo(0.2, within(0.01));
  }

  @Test
  void aDamagedPictureIsItsCaptionAndTheDocumentsAreWhole() throws IOException {
    byte[] png = Pictures.png(300, 200, false);
    byte[] damaged = Arrays.copyOf(png, png.length / 2);
    assertThat(DocumentImages.embeddable(damaged)).isEmpty();
    // Even one that reached a writer damaged leaves the document whole.
    var broken = new DocumentImages.DocumentImage(damaged, true, 300, 200);
    ExportedPart part =
        new ExportedPart(
            citation(),
            "<p>Текст.</p><p><img src=\"/bad\" alt=\"Битая схема\"></p><p>Дальше.</p>",
            Map.of("/bad", broken));
    byte[] pdf = PdfWriter.write(List.of(part), MOSCOW, LocalDate.of(2026, 12, 6));
    assertThat(WordAuthorizationIT.pdfText(pdf)).contains("Текст.", "Дальше.", "Как цитировать");
    assertThat(DocumentPictures.inPdf(pdf)).isEmpty();
    byte[] docx =
        DocxWriter.write(
            List.of(new ExportedPart(citation(), part.html())), MOSCOW, LocalDate.of(2026, 12, 6));
    assertThat(WordAuthorizationIT.docxText(docx)).contains("Текст.", "Битая схема", "Дальше.");
    assertThat(DocumentPictures.inDocx(docx)).isEmpty();
  }

  /** A picture as an export gets it: a PNG of this many pixels, made embeddable. */
  private static DocumentImages.DocumentImage picture(int width, int height) {
    return DocumentImages.embeddable(Pictures.png(width, height, false)).orElseThrow();
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
  void footnotesAreWordsOwnAndImportBackAsFootnotes() throws IOException {
    String html =
        new MarkdownRenderer()
            .render(
                "Урок по приказу[^1] и по плану[^2].\n\n"
                    + "[^1]: Приказ ИМЦ № 12, см. [сайт](https://example.org).\n"
                    + "[^2]: План методического объединения на 2026/27 год.\n",
                link -> WikiLinkResolver.Resolution.text());
    byte[] docx =
        DocxWriter.write(
            List.of(new ExportedPart(citation(), html)), MOSCOW, LocalDate.of(2026, 12, 6));
    keep("footnotes.docx", docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> notes =
          doc.getFootnotes().stream()
              .filter(note -> note.getCTFtnEdn().getType() == STFtnEdn.NORMAL)
              .map(XWPFFootnote::getParagraphs)
              .map(paragraphs -> paragraphs.getFirst().getText().strip())
              .toList();
      assertThat(notes)
          .containsExactly(
              "Приказ ИМЦ № 12, см. сайт.", "План методического объединения на 2026/27 год.");
      // The text refers to them; the renderer's list of notes at its end is not written.
      List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertThat(paragraphs).anyMatch(p -> p.startsWith("Урок по приказу"));
      assertThat(paragraphs)
          .noneMatch(p -> p.startsWith("Приказ") || p.startsWith("План") || p.contains("↩"));
      assertThat(doc.getStyles().getStyle("FootnoteReference")).isNotNull();
    }

    String markdown = WordImport.convert(docx, "x.docx").markdown();
    assertThat(markdown)
        .contains("Урок по приказу[^1] и по плану[^2].")
        .contains("[^1]: Приказ ИМЦ № 12, см. сайт.")
        .contains("[^2]: План методического объединения на 2026/27 год.");
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
