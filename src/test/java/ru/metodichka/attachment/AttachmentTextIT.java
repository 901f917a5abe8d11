package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;

/**
 * The text inside attached documents is extracted (Tika, in a child JVM) and found by search with
 * its page, the hit saying which file; a hidden file's text leaves the index.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentTextIT {
  private Api api;
  private Fixtures.Team team;

  @BeforeAll
  void setUp(Fixtures fx) {
    this.api = fx.api();
    this.team = fx.team();
    fx.save(team.community(), "материалы", team.member().token(), "Материалы", "Файлы.\n", 0);
    var published =
        api.post(
            Api.page(team.community(), "материалы", "publish"), team.moderator().token(), null);
    assertThat(published.status()).isEqualTo(200);
  }

  @Test
  void aWordDocumentsWordsFindItsPage() {
    String word = "квазиперпендикулярность" + Fixtures.unique("").replaceAll("[^a-z]", "");
    byte[] docx = Documents.docx("Методическая разработка.", "Ключевое слово: " + word + ".");
    var up = upload("разработка.docx", docx);
    assertThat(up.getString("mediaType"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    waitForText("разработка.docx", "done");
    JsonObject hit = waitForHit(word);
    assertThat(hit.getString("slug")).isEqualTo("материалы");
    assertThat(hit.getString("snippet")).contains("в файле „разработка.docx“").contains("<mark>");
  }

  @Test
  void aPdfsWordsFindItsPageAndHidingTheFileTakesThemOut() {
    String word = "photosynthesiszq" + Fixtures.unique("").replaceAll("[^a-z]", "");
    upload("lesson.pdf", Documents.pdf(2, "Lesson about " + word, null));
    waitForText("lesson.pdf", "done");
    waitForHit(word);
    var hidden =
        api.post(
            Uploads.file(team.community(), "материалы", "lesson.pdf", "hide"),
            team.moderator().token(),
            new JsonObject().put("hidden", true));
    assertThat(hidden.status()).isEqualTo(200);
    Eventually.until(
        "the hidden file's words to leave search",
        Duration.ofSeconds(10),
        () -> search(word).getInteger("total") == 0);
  }

  private JsonObject upload(String name, byte[] content) {
    var up =
        Uploads.upload(api, team.member().token(), team.community(), "материалы", name, content);
    assertThat(up.status()).as(up.toString()).isEqualTo(201);
    return up.json();
  }

  private void waitForText(String name, String status) {
    Eventually.until(
        "the text of " + name + " to be " + status,
        Duration.ofSeconds(90),
        () -> {
          var list = api.get(Uploads.list(team.community(), "материалы"), null);
          for (Object item : list.items()) {
            JsonObject a = (JsonObject) item;
            if (a.getString("name").equals(name)) {
              return a.getString("text");
            }
          }
          return null;
        },
        status::equals);
  }

  private JsonObject waitForHit(String word) {
    JsonObject found =
        Eventually.until(
            "a search hit for " + word,
            Duration.ofSeconds(10),
            () -> search(word),
            r -> r.getInteger("total") > 0);
    return found.getJsonArray("items").getJsonObject(0);
  }

  private JsonObject search(String word) {
    return api.get("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), null).json();
  }
}
