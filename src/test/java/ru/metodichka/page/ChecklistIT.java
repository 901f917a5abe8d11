package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * The publish checklist: what a page lacks before it enters the bank, read by the API and shown to
 * the moderator above «Опубликовать»; publishing anyway needs a note, kept with the review.
 */
@ExtendWith(AppExtension.class)
class ChecklistIT {
  private static final String INCOMPLETE =
      """
      # Квест по математике

      ## Цели

      ## Ход занятия

      См. [[Несуществующая страница]] и [[Черновик станций]].
      """;
  private static final String COMPLETE =
      """
      Квест для 5 класса: дети проходят станции и решают задачи на дроби.

      ## Ход занятия

      Станции описаны в [[Станции квеста]].
      """;
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
  }

  private void save(String slug, String title, String markdown, String kind, JsonObject meta) {
    var body =
        new JsonObject()
            .put("title", title)
            .put("markdown", markdown)
            .put("baseRevision", 0)
            .put("kind", kind);
    if (meta != null) {
      body.put("metadata", meta);
    }
    var saved = api.put(Api.page(team.community(), slug), team.member().token(), body);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
  }

  private static Map<String, JsonObject> checks(JsonObject list) {
    Map<String, JsonObject> byCode = new HashMap<>();
    list.getJsonArray("checks")
        .forEach(c -> byCode.put(((JsonObject) c).getString("code"), (JsonObject) c));
    return byCode;
  }

  @Test
  void theChecklistNamesWhatIsMissing() {
    save("черновик-станций", "Черновик станций", "Станции.\n", "other", null);
    save("квест", "Квест", INCOMPLETE, "other", null);
    var response =
        api.get(Api.page(team.community(), "квест", "checklist"), team.moderator().token());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonObject list = response.json();
    assertThat(list.getBoolean("complete")).isFalse();
    assertThat(list.getInteger("revision")).isEqualTo(1);
    var checks = checks(list);
    assertThat(checks.keySet()).containsExactlyInAnyOrderElementsOf(Checklist.CODES);
    assertThat(checks.get("kind").getBoolean("ok")).isFalse();
    assertThat(checks.get("subjects").getBoolean("ok")).isFalse();
    assertThat(checks.get("levels").getBoolean("ok")).isFalse();
    assertThat(checks.get("licence").getBoolean("ok")).isTrue();
    assertThat(checks.get("summary").getBoolean("ok")).isFalse();
    assertThat(checks.get("institutions").getBoolean("ok")).isTrue();
    // A link to a draft is red for the public, who will read the page once it is published.
    assertThat(checks.get("red-links").getJsonArray("details"))
        .isEqualTo(new JsonArray().add("[[Несуществующая страница]]").add("[[Черновик станций]]"));
    assertThat(checks.get("empty-sections").getJsonArray("details"))
        .isEqualTo(new JsonArray().add("Цели"));
  }

  @Test
  void aCompletePageHasNothingMissing() {
    save("станции-квеста", "Станции квеста", "Станции.\n", "other", null);
    assertThat(
            api.post(
                    Api.page(team.community(), "станции-квеста", "publish"),
                    team.moderator().token(),
                    null)
                .status())
        .isEqualTo(200);
    save(
        "квест",
        "Квест",
        COMPLETE,
        "methodological-development",
        new JsonObject()
            .put("subjects", new JsonArray().add("математика"))
            .put("levels", new JsonArray().add("basic"))
            .put("licence", "cc-by-sa-4.0"));
    JsonObject list =
        api.get(Api.page(team.community(), "квест", "checklist"), team.member().token()).json();
    assertThat(list.getBoolean("complete")).as(list.encodePrettily()).isTrue();
  }

  @Test
  void anIncompletePageIsPublishedFromTheScreenOnlyWithANoteKeptWithTheReview() {
    save("квест", "Квест", INCOMPLETE, "other", null);
    String base = "/c" + Api.path(team.community(), "квест");
    WebSession moderator = WebSession.withToken(api, team.moderator().token());
    var screen = moderator.page(base);
    assertThat(screen.getElementById("checklist")).isNotNull();
    assertThat(screen.select("#checklist li.missing")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(screen.getElementById("checklist-note").hasAttr("required")).isTrue();
    // Members see no checklist form: publishing is the moderators'.
    assertThat(
            WebSession.withToken(api, team.member().token()).page(base).getElementById("checklist"))
        .isNull();

    var refused = moderator.postForm(base + "/publish", Map.of("revision", "1"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(api.get(Api.page(team.community(), "квест"), null).status()).isEqualTo(404);

    var published =
        moderator.postForm(
            base + "/publish", Map.of("revision", "1", "note", "Цели допишем к совещанию"));
    assertThat(published.status()).as(published.toString()).isEqualTo(303);
    assertThat(api.get(Api.page(team.community(), "квест"), null).status()).isEqualTo(200);
    JsonObject review =
        api.get(Api.page(team.community(), "квест", "revisions"), team.member().token())
            .items()
            .getJsonObject(0)
            .getJsonArray("reviews")
            .getJsonObject(0);
    assertThat(review.getString("kind")).isEqualTo("reviewed");
    assertThat(review.getString("note")).isEqualTo("Цели допишем к совещанию");
  }

  @Test
  void theApiReviewTakesANote() {
    save("квест", "Квест", INCOMPLETE, "other", null);
    var reviewed =
        api.post(
            Api.page(team.community(), "квест", "review"),
            team.moderator().token(),
            new JsonObject().put("note", "Публикуем как есть"));
    assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
    assertThat(
            api.get(Api.page(team.community(), "квест", "revisions"), null)
                .items()
                .getJsonObject(0)
                .getJsonArray("reviews")
                .getJsonObject(0)
                .getString("note"))
        .isEqualTo("Публикуем как есть");
  }
}
