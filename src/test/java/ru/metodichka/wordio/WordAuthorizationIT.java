package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.attachment.Pictures;
import ru.metodichka.attachment.Uploads;

/**
 * Word in and out for every audience: exports show exactly what the reader may see (a draft is 404
 * for outsiders, an unreviewed revision is 404 for the public, a section leaves out the drafts
 * under it, a hidden file's picture is its moderators' only), end with the citation block, and read
 * back as the page; only those who may create pages import; any logged-in user converts pasted
 * HTML.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordAuthorizationIT {
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private Audiences audiences;
  private Fixtures fx;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.audiences = Audiences.create(fx, app);
    String c = audiences.community();
    String member = audiences.token(Audience.MEMBER);
    String moderator = audiences.token(Audience.MODERATOR);
    fx.save(c, "дроби", member, "Урок дробей", "# Урок дробей\n\nДоли **пирога**.\n", 0);
    var published = fx.api().post(Api.page(c, "дроби", "publish"), moderator, null);
    assertThat(published.status()).isEqualTo(200);
    fx.save(c, "дроби", member, "Урок дробей", "# Урок дробей\n\nНепроверенная правка.\n", 1);
    fx.save(c, "черновик", member, "Тайный черновик", "Пишем.\n", 0);
    var tree =
        new io.vertx.core.json.JsonArray()
            .add(
                new JsonObject()
                    .put("slug", "дроби")
                    .put(
                        "children",
                        new io.vertx.core.json.JsonArray()
                            .add(new JsonObject().put("slug", "черновик"))));
    var structured =
        fx.api()
            .send(
                HttpMethod.PUT,
                "/api" + Api.path("communities", c, "structure"),
                moderator,
                tree.toBuffer(),
                "application/json",
                Map.of());
    assertThat(structured.status()).as(structured.toString()).isEqualTo(200);
    fx.save(
        c,
        "схемы",
        member,
        "Схемы",
        "![Схема](attachment:схема.png)\n\n![Тайна](attachment:тайна.png)\n",
        0);
    for (String name : new String[] {"схема.png", "тайна.png"}) {
      var uploaded =
          Uploads.upload(fx.api(), member, c, "схемы", name, Pictures.png(300, 200, false));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }
    assertThat(fx.api().post(Api.page(c, "схемы", "publish"), moderator, null).status())
        .isEqualTo(200);
    var hidden =
        fx.api()
            .post(
                Uploads.file(c, "схемы", "тайна.png", "hide"),
                moderator,
                new JsonObject().put("hidden", true).put("reason", "проверка"));
    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
  }

  private String page(String slug, String rest) {
    return Api.page(audiences.community(), slug) + rest;
  }

  @Test
  void aPublishedPageExportsForEveryoneAsTheyReadItWithItsCitation() throws IOException {
    for (Audience audience : Audience.values()) {
      var pdf = fx.api().get(page("дроби", "/export.pdf"), audiences.token(audience));
      assertThat(pdf.status()).as(audience.name()).isEqualTo(200);
      assertThat(pdf.contentType()).isEqualTo("application/pdf");
      String text = pdfText(pdf.body().getBytes());
      assertThat(text).as(audience.name()).contains("Урок дробей", "Как цитировать");
      assertThat(text).contains("Электронный ресурс");
      assertThat(text.replaceAll("\\s", "")).contains("/revisions/");
      if (audience.insider()) {
        assertThat(text).as(audience.name()).contains("Непроверенная правка");
      } else {
        assertThat(text).as(audience.name()).contains("пирога").doesNotContain("Непроверенная");
      }
      var docx = fx.api().get(page("дроби", "/export.docx"), audiences.token(audience));
      assertThat(docx.status()).as(audience.name()).isEqualTo(200);
      assertThat(docx.contentType()).isEqualTo(DOCX);
      String words = docxText(docx.body().getBytes());
      assertThat(words).contains("Урок дробей", "Как цитировать", "Лицензия");
      assertThat(words.contains("Непроверенная")).as(audience.name()).isEqualTo(audience.insider());
    }
  }

  @Test
  void anExportsPicturesAreThoseItsReaderMaySee() throws IOException {
    for (Audience audience : Audience.values()) {
      int seen = audience.moderator() ? 2 : 1;
      var pdf = fx.api().get(page("схемы", "/export.pdf"), audiences.token(audience));
      assertThat(pdf.status()).as(audience.name()).isEqualTo(200);
      assertThat(DocumentPictures.inPdf(pdf.body().getBytes())).as(audience.name()).hasSize(seen);
      var docx = fx.api().get(page("схемы", "/export.docx"), audiences.token(audience));
      assertThat(docx.status()).as(audience.name()).isEqualTo(200);
      assertThat(DocumentPictures.inDocx(docx.body().getBytes()))
          .as(audience.name())
          .extracting(DocumentPictures.Picture::text)
          .isEqualTo(audience.moderator() ? List.of("Схема", "Тайна") : List.of("Схема"));
    }
  }

  @Test
  void anUnreviewedRevisionIsExportedOnlyForInsiders() {
    for (Audience audience : Audience.values()) {
      var old = fx.api().get(page("дроби", "/export.pdf?revision=1"), audiences.token(audience));
      assertThat(old.status()).as(audience.name()).isEqualTo(200);
      var latest =
          fx.api().get(page("дроби", "/export.docx?revision=2"), audiences.token(audience));
      assertThat(latest.status()).as(audience.name()).isEqualTo(audience.insider() ? 200 : 404);
    }
  }

  @Test
  void aDraftsExportIsNotFoundForOutsiders() {
    for (Audience audience : Audience.values()) {
      for (String format : new String[] {"pdf", "docx"}) {
        var api = fx.api().get(page("черновик", "/export." + format), audiences.token(audience));
        assertThat(api.status()).as(audience.name()).isEqualTo(audience.insider() ? 200 : 404);
      }
    }
    var screen = fx.api().get(Api.path("c", audiences.community(), "черновик", "export.pdf"), null);
    assertThat(screen.status()).isEqualTo(404);
  }

  @Test
  void aSectionHoldsOnlyThePagesItsReaderMaySee() throws IOException {
    for (Audience audience : Audience.values()) {
      var pdf = fx.api().get(page("дроби", "/export.pdf?section=true"), audiences.token(audience));
      assertThat(pdf.status()).as(audience.name()).isEqualTo(200);
      String text = pdfText(pdf.body().getBytes());
      assertThat(text.contains("Тайный черновик"))
          .as(audience.name())
          .isEqualTo(audience.insider());
    }
  }

  @Test
  void onlyThoseWhoMayCreatePagesImport() {
    String path = "/api" + Api.path("communities", audiences.community(), "import");
    Buffer lesson = Buffer.buffer(WordDocs.lessonPlan());
    for (Audience audience : Audience.values()) {
      var imported =
          fx.api().send(HttpMethod.POST, path, audiences.token(audience), lesson, DOCX, Map.of());
      if (audience.insider()) {
        assertThat(imported.status()).as(audience.name()).isEqualTo(200);
        assertThat(imported.json().getString("markdown")).contains("1. Разминка", "[^1]");
      } else {
        assertThat(imported.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
      }
    }
  }

  @Test
  void anyLoggedInUserConvertsPastedHtml() {
    JsonObject html = new JsonObject().put("html", "<p><b>Жирный</b> текст</p>");
    for (Audience audience : Audience.values()) {
      var converted = fx.api().post("/api/convert/html", audiences.token(audience), html);
      if (audience == Audience.ANONYMOUS) {
        assertThat(converted.status()).isEqualTo(401);
      } else {
        assertThat(converted.status()).as(audience.name()).isEqualTo(200);
        assertThat(converted.json().getString("markdown")).isEqualTo("**Жирный** текст\n");
      }
    }
  }

  @Test
  void thePageShowsHowToCiteItWithAPermanentLink() {
    var view = fx.api().get(Api.path("c", audiences.community(), "дроби"), null);
    assertThat(view.status()).isEqualTo(200);
    var doc = view.document();
    assertThat(doc.select("#citation h2").text()).isEqualTo("Как цитировать");
    assertThat(doc.select("#citation-text").text())
        .contains("Урок дробей [Электронный ресурс]", "дата обращения");
    assertThat(doc.select("#permalink").attr("href")).endsWith("/revisions/1");
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static String docxText(byte[] docx) throws IOException {
    try (var doc = new XWPFDocument(new ByteArrayInputStream(docx));
        var extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }
}
