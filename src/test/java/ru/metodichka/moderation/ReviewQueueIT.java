package ru.metodichka.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * The moderators' review queue: published pages with unreviewed edits and pages sent for review,
 * each with the diff (or the checklist), the authors and the age; reviewed or returned from the
 * queue itself.
 */
@ExtendWith(AppExtension.class)
class ReviewQueueIT {
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
  }

  private JsonArray queue(String token) {
    var response = api.get("/api/review-queue", token);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.items();
  }

  private JsonObject entry(String token, String slug) {
    for (Object item : queue(token)) {
      JsonObject json = (JsonObject) item;
      if (json.getString("community").equals(team.community())
          && json.getString("slug").equals(slug)) {
        return json;
      }
    }
    return null;
  }

  private void publishedWithEdits(String slug) {
    fx.save(team.community(), slug, team.member().token(), "Проект", "Было так.\n", 0);
    assertThat(
            api.post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null)
                .status())
        .isEqualTo(200);
    fx.save(team.community(), slug, team.member().token(), "Проект", "Стало иначе.\n", 1);
    fx.save(team.community(), slug, team.moderator().token(), "Проект", "Стало совсем иначе.\n", 2);
  }

  @Test
  void aPublishedPageWithUnreviewedEditsWaitsWithItsDiffAndAuthors() {
    publishedWithEdits("проект");
    JsonObject item = entry(team.moderator().token(), "проект");
    assertThat(item).isNotNull();
    assertThat(item.getString("status")).isEqualTo("published");
    assertThat(item.getInteger("reviewedRevision")).isEqualTo(1);
    assertThat(item.getInteger("revision")).isEqualTo(3);
    assertThat(item.getInteger("unreviewed")).isEqualTo(2);
    assertThat(item.getJsonArray("authors"))
        .containsExactly("Анна Петровна Иванова", "Ольга Сергеевна Смирнова");
    assertThat(item.getJsonArray("hunks").encode())
        .contains("Было так.")
        .contains("Стало совсем иначе.");
    assertThat(item.getString("waitingSince")).isNotBlank();
    assertThat(item.getValue("checklist")).isNull();
    // Nobody else's queue: the member's is empty, the administrator's has it.
    assertThat(entry(team.member().token(), "проект")).isNull();
    assertThat(entry(fx.adminToken(), "проект")).isNotNull();
  }

  @Test
  void aPageSentForReviewWaitsWithTheNoteAndItsChecklist() {
    fx.save(team.community(), "черновик", team.member().token(), "Черновик", "## Цели\n", 0);
    var asked =
        api.post(
            Api.page(team.community(), "черновик", "request-review"),
            team.member().token(),
            new JsonObject().put("note", "Посмотрите, пожалуйста, цели"));
    assertThat(asked.status()).isEqualTo(200);
    JsonObject item = entry(team.moderator().token(), "черновик");
    assertThat(item.getString("status")).isEqualTo("review");
    assertThat(item.getJsonObject("request").getString("note"))
        .isEqualTo("Посмотрите, пожалуйста, цели");
    assertThat(item.getJsonObject("request").getJsonObject("by").getString("login"))
        .isEqualTo(team.member().login());
    assertThat(item.getJsonObject("checklist").getBoolean("complete")).isFalse();
  }

  @Test
  void theModeratorReviewsFromTheQueueAndComesBackToIt() {
    publishedWithEdits("проект");
    WebSession moderator = WebSession.withToken(api, team.moderator().token());
    var screen = moderator.page("/moderation/review");
    var item = screen.selectFirst("li.queue-item[data-slug=проект]");
    assertThat(item).isNotNull();
    assertThat(item.select(".diff ins").text()).contains("совсем");
    assertThat(moderator.page("/").select("#attention .count").text()).isNotEmpty();

    String base = "/c" + Api.path(team.community(), "проект");
    var reviewed = moderator.postForm(base + "/review", Map.of("revision", "3", "back", "queue"));
    assertThat(reviewed.status()).isEqualTo(303);
    assertThat(reviewed.location()).isEqualTo("/moderation/review?reviewed=1");
    assertThat(entry(team.moderator().token(), "проект")).isNull();
    assertThat(api.get(Api.page(team.community(), "проект"), null).json().getString("markdown"))
        .isEqualTo("Стало совсем иначе.\n");
  }

  @Test
  void aReturnedPageLeavesTheQueueUntilItIsEditedAgain() {
    publishedWithEdits("проект");
    WebSession moderator = WebSession.withToken(api, team.moderator().token());
    String base = "/c" + Api.path(team.community(), "проект");
    var returned =
        moderator.postForm(base + "/return", Map.of("note", "Уточните сроки", "back", "queue"));
    assertThat(returned.status()).isEqualTo(303);
    assertThat(returned.location()).isEqualTo("/moderation/review?returned=1");
    assertThat(entry(team.moderator().token(), "проект")).isNull();
    fx.save(team.community(), "проект", team.member().token(), "Проект", "Сроки: май.\n", 3);
    assertThat(entry(team.moderator().token(), "проект")).isNotNull();
  }

  @Test
  void visitorsAreSentToLogInAndTheApiRefusesThem() {
    assertThat(api.get("/api/review-queue", null).status()).isEqualTo(401);
    var screen = new WebSession(api).get("/moderation/review");
    assertThat(screen.status()).isEqualTo(302);
  }
}
