package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.attachment.Pictures;
import ru.metodichka.attachment.Uploads;

/**
 * Pictures in exports, over HTTP: files uploaded to a page and shown in its text ({@code
 * ![…](attachment:…)}) are printed in its .pdf and .docx as its reader may see them — a hidden
 * file's for its moderators only, a draft's export 404 for outsiders — at the text's width, a GIF
 * made a PNG; any other image, and one too large, is its caption.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportPicturesIT {
  private Fixtures fx;
  private Fixtures.Team team;
  private Api api;
  private TestApp app;
  private Fixtures.TestUser outsider;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.app = app;
    this.api = fx.api();
    this.team = fx.team();
    this.outsider = fx.user("Учитель другой школы");
  }

  private String member() {
    return team.member().token();
  }

  private String moderator() {
    return team.moderator().token();
  }

  private void upload(String slug, String name, byte[] content) {
    var uploaded = Uploads.upload(api, member(), team.community(), slug, name, content);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
  }

  private void publish(String slug) {
    var published = api.post(Api.page(team.community(), slug, "publish"), moderator(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
  }

  private Api.Response export(String slug, String format, String token) {
    return api.get(Api.page(team.community(), slug, "export." + format), token);
  }

  private List<DocumentPictures.Picture> pdf(String slug, String token) throws IOException {
    var pdf = export(slug, "pdf", token);
    assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
    return DocumentPictures.inPdf(pdf.body().getBytes());
  }

  private List<DocumentPictures.Picture> docx(String slug, String token) throws IOException {
    var docx = export(slug, "docx", token);
    assertThat(docx.status()).as(docx.toString()).isEqualTo(200);
    return DocumentPictures.inDocx(docx.body().getBytes());
  }

  @Test
  void uploadedPicturesArePrintedInBothExportsAndADraftsExportIsNotFoundForOutsiders()
      throws IOException {
    String slug = "рисунки-урока";
    String markdown =
        """
        # Рисунки урока

        ![Схема долей](attachment:доли.png)

        ![Счёт на пальцах](attachment:счёт.gif)

        ![Дроби на круге](attachment:круг.webp)

        ![Рисунок из сети](https://example.org/x.png)
        """;
    fx.save(team.community(), slug, member(), "Рисунки урока", markdown, 0);
    upload(slug, "доли.png", Pictures.png(2400, 1200, false));
    upload(slug, "счёт.gif", gif(300, 200));
    upload(slug, "круг.webp", Pictures.webp());

    for (String format : new String[] {"pdf", "docx"}) {
      assertThat(export(slug, format, outsider.token()).status()).isEqualTo(404);
      assertThat(export(slug, format, null).status()).isEqualTo(404);
    }
    // The PNG and the WebP as their 1200-pixel previews, the narrow GIF as itself (a PNG now).
    assertThat(pdf(slug, member()))
        .extracting(DocumentPictures.Picture::width, DocumentPictures.Picture::height)
        .containsExactly(tuple(1200, 600), tuple(300, 200), tuple(1200, 600));
    assertThat(pdf(slug, member()).getFirst().printedWidth()).isBetween(490.0, 494.0);
    assertThat(docx(slug, member()))
        .extracting(DocumentPictures.Picture::width, DocumentPictures.Picture::text)
        .containsExactly(
            tuple(1200, "Схема долей"),
            tuple(300, "Счёт на пальцах"),
            tuple(1200, "Дроби на круге"));
    var text = WordAuthorizationIT.pdfText(export(slug, "pdf", member()).body().getBytes());
    assertThat(text).contains("Схема долей", "Рисунок из сети", "Как цитировать");

    publish(slug);
    assertThat(pdf(slug, outsider.token())).hasSize(3);
    assertThat(docx(slug, null)).hasSize(3);
  }

  @Test
  void aHiddenFilesPictureIsInItsModeratorsExportOnly() throws IOException {
    String slug = "скрытая-схема";
    String markdown =
        "![Открытая схема](attachment:открытая.png)\n\n![Тайная схема](attachment:тайна.png)\n";
    fx.save(team.community(), slug, member(), "Скрытая схема", markdown, 0);
    upload(slug, "открытая.png", Pictures.png(400, 300, false));
    upload(slug, "тайна.png", Pictures.png(500, 250, true));
    publish(slug);
    var hidden =
        api.post(
            Uploads.file(team.community(), slug, "тайна.png", "hide"),
            moderator(),
            new JsonObject().put("hidden", true).put("reason", "проверка"));
    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);

    for (String reader : new String[] {null, outsider.token(), member()}) {
      assertThat(pdf(slug, reader))
          .extracting(DocumentPictures.Picture::width)
          .containsExactly(400);
      assertThat(docx(slug, reader))
          .extracting(DocumentPictures.Picture::text)
          .containsExactly("Открытая схема");
    }
    assertThat(pdf(slug, moderator()))
        .extracting(DocumentPictures.Picture::width)
        .containsExactly(400, 500);
    assertThat(docx(slug, moderator()))
        .extracting(DocumentPictures.Picture::text)
        .containsExactly("Открытая схема", "Тайная схема");
  }

  @Test
  void anotherPagesFileAndATooLargePictureAreTheirCaptions() throws IOException {
    String other = "чужая-страница";
    fx.save(team.community(), other, member(), "Чужая", "![Чужая](attachment:чужая.png)\n", 0);
    upload(other, "чужая.png", Pictures.png(300, 300, false));
    String slug = "большой-рисунок";
    // The other page's preview named by its address, as raw HTML could: not this page's file.
    String address = Uploads.file(team.community(), other, "чужая.png", "preview");
    String markdown =
        "![Шум](attachment:шум.png)\n\n![Мелкий](attachment:мелкий.png)\n\n<img src=\"/api"
            + address
            + "\" alt=\"Чужая\">\n";
    fx.save(team.community(), slug, member(), "Большой рисунок", markdown, 0);
    upload(slug, "шум.png", noise(1200, 1300));
    upload(slug, "мелкий.png", Pictures.png(100, 100, false));

    assertThat(pdf(slug, member()))
        .extracting(DocumentPictures.Picture::width)
        .containsExactly(100);
    assertThat(docx(slug, member()))
        .extracting(DocumentPictures.Picture::text)
        .containsExactly("Мелкий");
    var text = WordAuthorizationIT.pdfText(export(slug, "pdf", member()).body().getBytes());
    assertThat(text).contains("Шум");
  }

  @Test
  void theExportsWereWarmedUpWhenTheServerStarted() throws Exception {
    Boolean warmed =
        app.app()
            .exportsWarmedUp()
            .toCompletionStage()
            .toCompletableFuture()
            .get(2, TimeUnit.MINUTES);
    assertThat(warmed).isTrue();
  }

  /** A GIF of this size (the JDK writes GIF; the upload keeps it, narrower than a preview). */
  private static byte[] gif(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.YELLOW);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.RED);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "gif", out);
    return out.toByteArray();
  }

  /** A PNG of random pixels: it does not compress, so its preview (itself) is over 4 MB. */
  private static byte[] noise(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(18);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    byte[] png = out.toByteArray();
    assertThat(png.length).isGreaterThan((int) ExportImages.MAX_IMAGE_BYTES);
    return png;
  }
}
