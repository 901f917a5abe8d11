package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
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

/**
 * Importing a Word document through the API: sent as multipart (or as the body itself), its
 * pictures kept for the page at once and shown in the preview, attached when the page is saved — a
 * new page, or an existing one from its editor; too large a document is a 413, something that is
 * not one a 422 problem.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordImportIT {
  private static final String BOUNDARY = "----metodichka-word-boundary";
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private Fixtures fx;
  private Fixtures.Team team;
  private Api api;
  private int port;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.port = app.app().port();
    this.api = fx.api();
    this.team = fx.team();
  }

  private String path(String... rest) {
    String[] all = new String[2 + rest.length];
    all[0] = "communities";
    all[1] = team.community();
    System.arraycopy(rest, 0, all, 2, rest.length);
    return "/api" + Api.path(all);
  }

  private Api.Response importDocx(String name, byte[] docx, String query) {
    return api.send(
        HttpMethod.POST,
        path("import") + query,
        team.member().token(),
        multipart(name, docx),
        "multipart/form-data; boundary=" + BOUNDARY,
        Map.of());
  }

  static Buffer multipart(String name, byte[] content) {
    Buffer body = Buffer.buffer();
    body.appendString("--" + BOUNDARY + "\r\n");
    body.appendString(
        "Content-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n", "UTF-8");
    body.appendString("Content-Type: " + DOCX + "\r\n\r\n");
    body.appendBytes(content);
    body.appendString("\r\n--" + BOUNDARY + "--\r\n");
    return body;
  }

  private Document page(String slug) {
    var screen = api.get(Api.path("c", team.community(), slug), team.member().token());
    assertThat(screen.status()).isEqualTo(200);
    return screen.document();
  }

  @Test
  void aDocumentsPictureIsShownInThePreviewAndOnThePageSavedWithIt() {
    var imported = importDocx("урок.docx", WordDocs.lessonWithPicture(1800, 900), "");
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    JsonObject json = imported.json();
    assertThat(json.getString("title")).isEqualTo("Урок с рисунком");
    assertThat(json.getString("markdown"))
        .contains("![Схема долей](attachment:урок-1.png)", "Разделите круг");
    assertThat(json.getJsonArray("warnings")).isEmpty();
    assertThat(json.getJsonArray("images").getJsonObject(0).getString("name"))
        .isEqualTo("урок-1.png");
    String token = json.getString("pending");
    assertThat(token).isNotBlank();

    var preview =
        api.post(
            path("preview"),
            team.member().token(),
            new JsonObject().put("markdown", json.getString("markdown")).put("pending", token));
    Element img = Jsoup.parseBodyFragment(preview.json().getString("html")).selectFirst("img");
    assertThat(img).isNotNull();
    assertThat(img.attr("alt")).isEqualTo("Схема долей");
    assertThat(img.attr("width")).isEqualTo("1200");
    assertThat(api.get(img.attr("src"), team.member().token()).status()).isEqualTo(200);

    // Through the API: the page saved, then the kept files attached to it.
    fx.save(
        team.community(),
        "урок-с-рисунком",
        team.member().token(),
        json.getString("title"),
        json.getString("markdown"),
        0);
    var attached =
        api.post(
            path("pending-files", token, "attach"),
            team.member().token(),
            new JsonObject().put("page", "урок-с-рисунком"));
    assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
    assertThat(attached.json().getJsonArray("attached")).containsExactly("урок-1.png");
    Element shown = page("урок-с-рисунком").selectFirst(".page-body img");
    assertThat(shown.attr("src"))
        .isEqualTo(
            Api.page(team.community(), "урок-с-рисунком", "attachments", "урок-1.png", "preview"));
    assertThat(api.get(shown.attr("src"), team.member().token()).status()).isEqualTo(200);
  }

  @Test
  void aDocumentImportedIntoAnExistingPageBringsItsPicturesWithTheSave() {
    fx.save(team.community(), "план-занятия", team.member().token(), "План", "Старый текст.\n", 0);
    var imported = importDocx("Схема.docx", WordDocs.lessonWithPicture(300, 200), "");
    String token = imported.json().getString("pending");
    String markdown = "Старый текст.\n\n" + imported.json().getString("markdown");

    WebSession web = WebSession.withToken(api, team.member().token());
    web.get("/c/" + team.community() + "/план-занятия/edit");
    var saved =
        web.postForm(
            "/c/" + team.community() + "/план-занятия/edit",
            Map.of(
                "title",
                "План",
                "kind",
                "article",
                "markdown",
                markdown,
                "baseRevision",
                "1",
                "pendingFiles",
                token,
                "idempotencyKey",
                UUID.randomUUID().toString()));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
    Document doc = page("план-занятия");
    assertThat(doc.select(".page-body img").eachAttr("alt")).containsExactly("Схема долей");
    assertThat(doc.select(".page-body").text()).contains("Старый текст.", "Разделите круг");
    var files =
        api.get(Api.page(team.community(), "план-занятия", "attachments"), team.member().token());
    assertThat(files.items().getJsonObject(0).getString("name")).isEqualTo("Схема-1.png");
  }

  @Test
  void theDocumentMayStillBeSentAsTheBodyItself() {
    var raw =
        api.send(
            HttpMethod.POST,
            path("import")
                + "?name="
                + java.net.URLEncoder.encode("сам.docx", java.nio.charset.StandardCharsets.UTF_8),
            team.member().token(),
            Buffer.buffer(WordDocs.lessonWithPicture(20, 20)),
            DOCX,
            Map.of());
    assertThat(raw.status()).as(raw.toString()).isEqualTo(200);
    assertThat(raw.json().getString("markdown")).contains("(attachment:сам-1.png)");
  }

  @Test
  void somethingThatIsNotAWordDocumentIsAProblem() {
    var bad = importDocx("не-документ.docx", "просто текст".getBytes(), "");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("file");
    var empty =
        api.send(
            HttpMethod.POST,
            path("import"),
            team.member().token(),
            Buffer.buffer(),
            DOCX,
            Map.of());
    assertThat(empty.status()).isEqualTo(422);
  }

  @Test
  void aDocumentLargerThanTheLimitIsRefusedWith413() throws Exception {
    // attachments.import-max-bytes is 50 MB by default (not the 2 MB of other request bodies).
    var large = importDocx("большой.docx", new byte[3 * 1024 * 1024], "");
    assertThat(large.status()).as("3 MB is under the limit, and no Word document").isEqualTo(422);
    // Over a socket of its own: the server answers and closes the connection without reading the
    // rest, which an HTTP client still sending its body may report as a closed connection only.
    String head = oversizedImportHead(51L * 1024 * 1024);
    assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json");
  }

  /** The answer's status line and headers to a declared body of {@code length} bytes of zeros. */
  private String oversizedImportHead(long length) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      InputStream in = socket.getInputStream();
      CompletableFuture<String> answer =
          CompletableFuture.supplyAsync(
              () -> {
                StringBuilder read = new StringBuilder();
                try {
                  for (int c = in.read(); c != -1; c = in.read()) {
                    read.append((char) c);
                    if (read.toString().endsWith("\r\n\r\n")) {
                      break;
                    }
                  }
                } catch (IOException e) {
                  read.append("closed: ").append(e);
                }
                return read.toString();
              });
      OutputStream out = socket.getOutputStream();
      String request =
          "POST "
              + path("import")
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + team.member().token()
              + "\r\nContent-Type: multipart/form-data; boundary="
              + BOUNDARY
              + "\r\nContent-Length: "
              + length
              + "\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 20];
      try {
        for (long sent = 0; sent < length && !answer.isDone(); sent += block.length) {
          out.write(block, 0, (int) Math.min(block.length, length - sent));
        }
      } catch (IOException closed) {
        // the server closed the connection after its answer
      }
      return answer.get(60, TimeUnit.SECONDS);
    }
  }
}
