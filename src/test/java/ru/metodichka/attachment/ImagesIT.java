package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;
import ru.metodichka.render.SafeHtml;

/**
 * Images in pages: {@code ![подпись](attachment:схема.png)} shows the page's file as a preview at
 * most a page wide, made once and kept in PostgreSQL; what a page shows follows its files (a new
 * version, a hidden file, a file uploaded after the text); files kept for a page not saved yet are
 * shown in the editor's preview and become the page's when it is saved.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagesIT {
  private Fixtures fx;
  private Fixtures.Team team;
  private Api api;
  private TestApp app;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.app = app;
    this.api = fx.api();
    this.team = fx.team();
  }

  private String member() {
    return team.member().token();
  }

  private Document page(String slug, String token) {
    var screen = api.get(Api.path("c", team.community(), slug), token);
    assertThat(screen.status()).as(screen.toString()).isEqualTo(200);
    assertThat(SafeHtml.screenProblems(screen.text(), "/c/" + team.community() + "/" + slug))
        .isEmpty();
    return screen.document();
  }

  private String preview(String slug, String name) {
    return Uploads.file(team.community(), slug, name, "preview");
  }

  private static BufferedImage image(Api.Response response) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(response.body().getBytes()));
  }

  @Test
  void aWideImageIsShownAsAPageWidePreviewLinkedToTheWholeFile() throws Exception {
    fx.save(
        team.community(), "схемы", member(), "Схемы", "![Схема долей](attachment:схема.png)\n", 0);
    // Written before the file is there: a visible mark, not a broken image.
    Document before = page("схемы", member());
    assertThat(before.select(".page-body img")).isEmpty();
    assertThat(before.select(".page-body span.attachment-missing").text())
        .isEqualTo("нет файла «схема.png»");

    byte[] png = Pictures.png(3000, 1500, false);
    var up = Uploads.upload(api, member(), team.community(), "схемы", "схема.png", png);
    assertThat(up.status()).as(up.toString()).isEqualTo(201);
    assertThat(up.json().getString("preview")).endsWith("/preview");

    Element img = page("схемы", member()).selectFirst(".page-body a.attachment-image img");
    assertThat(img).as("the image after the upload").isNotNull();
    assertThat(img.attr("src")).isEqualTo(preview("схемы", "схема.png"));
    assertThat(img.attr("alt")).isEqualTo("Схема долей");
    assertThat(img.attr("width")).isEqualTo("1200");
    assertThat(img.attr("height")).isEqualTo("600");
    assertThat(img.parent().attr("href"))
        .isEqualTo(Uploads.file(team.community(), "схемы", "схема.png"));

    var shown = api.get(img.attr("src"), member());
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.contentType()).isEqualTo("image/jpeg");
    assertThat(shown.headers().get("Cache-Control")).isEqualTo("private, no-cache");
    assertThat(shown.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(image(shown).getWidth()).isEqualTo(1200);
    assertThat(image(shown).getHeight()).isEqualTo(600);
    var again =
        api.send(
            HttpMethod.GET,
            img.attr("src"),
            member(),
            null,
            null,
            Map.of("If-None-Match", shown.headers().get("ETag")));
    assertThat(again.status()).isEqualTo(304);
    assertThat(previews("схема.png")).isEqualTo("done");
    // The whole file is the file as sent.
    assertThat(api.get(img.parent().attr("href"), member()).body().getBytes()).isEqualTo(png);
  }

  @Test
  void aNewVersionOfTheFileShowsAtOnce() throws Exception {
    fx.save(
        team.community(), "версии-рисунка", member(), "Версии", "![](attachment:круг.png)\n", 0);
    Uploads.upload(
        api,
        member(),
        team.community(),
        "версии-рисунка",
        "круг.png",
        Pictures.png(2400, 1200, false));
    assertThat(page("версии-рисунка", member()).selectFirst(".page-body img").attr("height"))
        .isEqualTo("600");
    assertThat(image(api.get(preview("версии-рисунка", "круг.png"), member())).getHeight())
        .isEqualTo(600);

    Uploads.upload(
        api,
        member(),
        team.community(),
        "версии-рисунка",
        "круг.png",
        Pictures.png(3600, 1200, false));
    assertThat(page("версии-рисунка", member()).selectFirst(".page-body img").attr("height"))
        .isEqualTo("400");
    assertThat(image(api.get(preview("версии-рисунка", "круг.png"), member())).getHeight())
        .isEqualTo(400);
  }

  @Test
  void aNarrowImageIsShownAsItIsAndADocumentIsLinked() {
    byte[] small = Pictures.png(600, 400, true);
    fx.save(
        team.community(),
        "малая",
        member(),
        "Малая",
        "![Значок](attachment:значок%20урока.png) ![План](attachment:план.txt)\n",
        0);
    Uploads.upload(api, member(), team.community(), "малая", "значок урока.png", small);
    Uploads.upload(api, member(), team.community(), "малая", "план.txt", Uploads.utf8("План"));
    Document doc = page("малая", member());
    Element img = doc.selectFirst(".page-body img");
    assertThat(img.attr("width")).isEqualTo("600");
    var shown = api.get(img.attr("src"), member());
    assertThat(shown.contentType()).isEqualTo("image/png");
    assertThat(shown.body().getBytes()).isEqualTo(small);
    assertThat(doc.select(".page-body a.attachment-file").eachText()).containsExactly("План");
    assertThat(api.get(preview("малая", "план.txt"), member()).status()).isEqualTo(404);
  }

  @Test
  void aHiddenFileIsMissingForReadersAndShownToModerators() {
    String slug = "скрытый-рисунок";
    fx.save(team.community(), slug, member(), "Скрытый", "![](attachment:тайна.png)\n", 0);
    Uploads.upload(api, member(), team.community(), slug, "тайна.png", Pictures.png(50, 50, false));
    var published =
        api.post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    assertThat(page(slug, null).select(".page-body img")).hasSize(1);
    var hidden =
        api.post(
            Uploads.file(team.community(), slug, "тайна.png", "hide"),
            team.moderator().token(),
            new JsonObject().put("hidden", true).put("reason", "проверка"));
    assertThat(hidden.status()).isEqualTo(200);
    assertThat(page(slug, member()).select(".page-body img")).isEmpty();
    assertThat(page(slug, member()).select(".page-body span.attachment-missing")).hasSize(1);
    assertThat(page(slug, team.moderator().token()).select(".page-body img")).hasSize(1);
    assertThat(api.get(preview(slug, "тайна.png"), member()).status()).isEqualTo(404);
  }

  @Test
  void filesKeptForANewPageShowInThePreviewAndBecomeItsOwnWhenItIsSaved() throws Exception {
    String pending = "/api" + Api.path("communities", team.community(), "pending-files");
    var kept =
        api.send(
            HttpMethod.POST,
            pending + "?name=" + java.net.URLEncoder.encode("рисунок.png", "UTF-8"),
            member(),
            Uploads.body("image.png", Pictures.png(2000, 1000, false)),
            "multipart/form-data; boundary=" + Uploads.BOUNDARY,
            Map.of());
    assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
    String token = kept.json().getString("token");
    assertThat(kept.json().getString("name")).isEqualTo("рисунок.png");

    var preview =
        api.post(
            "/api" + Api.path("communities", team.community(), "preview"),
            member(),
            new JsonObject()
                .put("markdown", "![](attachment:рисунок.png)\n")
                .put("pending", token));
    assertThat(preview.status()).isEqualTo(200);
    String src =
        org.jsoup.Jsoup.parseBodyFragment(preview.json().getString("html"))
            .selectFirst("img")
            .attr("src");
    assertThat(src).startsWith(pending + "/" + token + "/").endsWith("/preview");
    assertThat(image(api.get(src, member())).getWidth()).isEqualTo(1200);
    // The token is its sender's: anyone else gets nothing from it.
    assertThat(api.get(src, team.moderator().token()).status()).isEqualTo(404);

    WebSession web = WebSession.withToken(api, member());
    web.get("/c/" + team.community() + "/new");
    var saved =
        web.postForm(
            "/c/" + team.community() + "/new",
            Map.of(
                "title", "Новая с рисунком",
                "slug", "новая-с-рисунком",
                "kind", "article",
                "markdown", "![Рисунок](attachment:рисунок.png)\n",
                "pendingFiles", token,
                "idempotencyKey", java.util.UUID.randomUUID().toString()));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
    var files = api.get(Uploads.list(team.community(), "новая-с-рисунком"), member());
    assertThat(files.items()).hasSize(1);
    assertThat(files.items().getJsonObject(0).getString("name")).isEqualTo("рисунок.png");
    Element img = page("новая-с-рисунком", member()).selectFirst(".page-body img");
    assertThat(img.attr("src")).isEqualTo(preview("новая-с-рисунком", "рисунок.png"));
    assertThat(api.get(pending + "/" + token, member()).status()).isEqualTo(404);
  }

  @Test
  void aTokenOfAnotherUserKeepsNothing() {
    String pending = "/api" + Api.path("communities", team.community(), "pending-files");
    var mine =
        api.send(
            HttpMethod.POST,
            pending,
            member(),
            Uploads.body("a.png", Pictures.png(10, 10, false)),
            "multipart/form-data; boundary=" + Uploads.BOUNDARY,
            Map.of());
    String token = mine.json().getString("token");
    var theirs =
        api.send(
            HttpMethod.POST,
            pending + "?token=" + token,
            team.moderator().token(),
            Uploads.body("b.png", Pictures.png(10, 10, false)),
            "multipart/form-data; boundary=" + Uploads.BOUNDARY,
            Map.of());
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(api.get(pending + "/" + token, member()).items()).hasSize(1);
    assertThat(api.get(pending + "/не-токен", member()).status()).isEqualTo(404);
  }

  private String previews(String name) throws SQLException {
    try (var jdbc = app.jdbc();
        var query =
            jdbc.prepareStatement(
                """
                SELECT p.status FROM attachment_previews p
                  JOIN attachment_versions v ON v.blob_id = p.blob_id
                  JOIN attachments a ON a.id = v.attachment_id
                 WHERE a.name = ? ORDER BY v.number DESC LIMIT 1
                """)) {
      query.setString(1, name);
      try (var rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
