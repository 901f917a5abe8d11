package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

/**
 * Settling an edit conflict through the API, hunk by hunk ({@code resolvesConflictWith} with {@code
 * choices}) or with a text the client settled itself: what is saved, the mark in the history, and
 * that no one's text is lost when someone saves again meanwhile.
 */
@ExtendWith(AppExtension.class)
class ConflictResolutionIT {
  private static final String BASE =
      """
      # План

      Понедельник: чтение.

      Вторник: математика.

      Среда: окружающий мир.

      Четверг: проекты.

      Пятница: итоги.
      """;
  // Theirs, saved first: Monday alone, and Tuesday and Friday, which I change too.
  private static final String THEIRS =
      BASE.replace("чтение.", "чтение вслух.")
          .replace("математика.", "математика и логика.")
          .replace("итоги.", "итоги недели.");
  // Mine, from the same base: Wednesday alone, and Tuesday and Friday differently.
  private static final String MINE =
      BASE.replace("окружающий мир.", "окружающий мир и природа.")
          .replace("математика.", "геометрия.")
          .replace("итоги.", "итоги и планы.");

  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
  }

  /** A page where the moderator saved THEIRS (revision 2) over BASE (revision 1). */
  private String pageWithTheirEdit(String slug) {
    fx.save(team.community(), slug, team.member().token(), "План", BASE, 0);
    fx.save(team.community(), slug, team.moderator().token(), "План", THEIRS, 1);
    return Api.page(team.community(), slug);
  }

  private Api.Response put(String page, JsonObject body) {
    return api.put(page, team.member().token(), body);
  }

  private static JsonObject mine(int base) {
    return new JsonObject().put("title", "План").put("markdown", MINE).put("baseRevision", base);
  }

  private static JsonObject settled(int with, Object... choices) {
    return mine(1)
        .put("resolvesConflictWith", with)
        .put("choices", new JsonArray(java.util.List.of(choices)));
  }

  private static JsonObject byHand(String text) {
    return new JsonObject().put("text", text);
  }

  private String markdown(String page) {
    return api.get(page, team.member().token()).json().getString("markdown");
  }

  private JsonObject newestRevision(String page) {
    return api.get(page + "/revisions", team.member().token()).items().getJsonObject(0);
  }

  @Test
  void theConflictOffersTwoHunksToSettle() {
    String page = pageWithTheirEdit("два-места");
    var conflict = put(page, mine(1));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().getJsonArray("conflicts")).hasSize(2);
    assertThat(conflict.json().getInteger("currentRevision")).isEqualTo(2);
  }

  @Test
  void keepingMineEverywhereKeepsTheirEditElsewhereAndMarksTheRevision() {
    String page = pageWithTheirEdit("моё");
    var saved = put(page, settled(2, "mine", "mine"));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().getInteger("revision")).isEqualTo(3);
    assertThat(markdown(page))
        .isEqualTo(
            BASE.replace("чтение.", "чтение вслух.")
                .replace("окружающий мир.", "окружающий мир и природа.")
                .replace("математика.", "геометрия.")
                .replace("итоги.", "итоги и планы."));
    JsonObject revision = newestRevision(page);
    assertThat(revision.getInteger("resolvedConflictWith")).isEqualTo(2);
    assertThat(revision.getBoolean("merged")).isFalse();
    var three = api.get(page + "/revisions/3", team.member().token()).json();
    assertThat(three.getInteger("resolvedConflictWith")).isEqualTo(2);
    assertThat(three.getInteger("baseRevision")).isEqualTo(2);
  }

  @Test
  void keepingTheirsEverywhereKeepsMyEditElsewhere() {
    String page = pageWithTheirEdit("их");
    assertThat(put(page, settled(2, "theirs", "theirs")).status()).isEqualTo(200);
    assertThat(markdown(page))
        .isEqualTo(THEIRS.replace("окружающий мир.", "окружающий мир и природа."));
    assertThat(newestRevision(page).getInteger("resolvedConflictWith")).isEqualTo(2);
  }

  @Test
  void aHunkWrittenByHandReplacesItAndTheOtherTakesItsOwnChoice() {
    String page = pageWithTheirEdit("вручную");
    var saved = put(page, settled(2, byHand("Вторник: геометрия и логика.\n"), "theirs"));
    assertThat(saved.status()).isEqualTo(200);
    String text = markdown(page);
    assertThat(text)
        .contains("Понедельник: чтение вслух.")
        .contains("Вторник: геометрия и логика.")
        .contains("Среда: окружающий мир и природа.")
        .contains("Пятница: итоги недели.")
        .doesNotContain("итоги и планы")
        .doesNotContain("Вторник: математика и логика.");
  }

  @Test
  void theirOverwrittenWordsStayInTheRevisionTheResolutionNames() {
    String page = pageWithTheirEdit("след");
    put(page, settled(2, "mine", "mine"));
    int with = newestRevision(page).getInteger("resolvedConflictWith");
    var diff =
        api.get(page + "/diff?from=" + with + "&to=3", team.member().token()).json().encode();
    assertThat(diff).contains("математика и логика").contains("итоги недели");
  }

  @Test
  void aStaleResolutionThatOverlapsAgainIsANewConflictCarryingTheSettledText() {
    String page = pageWithTheirEdit("снова");
    // Someone saves again while I choose: Tuesday once more.
    fx.save(
        team.community(),
        "снова",
        team.moderator().token(),
        "План",
        THEIRS.replace("математика и логика.", "математика, логика и шахматы."),
        2);

    var again = put(page, settled(2, "mine", "theirs"));

    assertThat(again.status()).isEqualTo(409);
    JsonObject conflict = again.json();
    assertThat(conflict.getInteger("baseRevision")).isEqualTo(2);
    assertThat(conflict.getInteger("currentRevision")).isEqualTo(3);
    String settledText = conflict.getString("yourMarkdown");
    assertThat(settledText)
        .contains("Вторник: геометрия.")
        .contains("Пятница: итоги недели.")
        .contains("Среда: окружающий мир и природа.");
    assertThat(conflict.getJsonArray("conflicts")).hasSize(1);
    assertThat(api.get(page + "/revisions", team.member().token()).items()).hasSize(3);

    // Settled once more against revision 3: by hand, with both.
    var saved =
        put(
            page,
            new JsonObject()
                .put("title", "План")
                .put("markdown", settledText)
                .put("baseRevision", 2)
                .put("resolvesConflictWith", 3)
                .put(
                    "choices",
                    new JsonArray().add(byHand("Вторник: геометрия, логика и шахматы."))));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(markdown(page))
        .contains("Понедельник: чтение вслух.")
        .contains("Вторник: геометрия, логика и шахматы.")
        .contains("Среда: окружающий мир и природа.")
        .contains("Пятница: итоги недели.");
    assertThat(newestRevision(page).getInteger("resolvedConflictWith")).isEqualTo(3);
  }

  @Test
  void aStaleResolutionThatMergesCleanlyIsSavedMergedAndMarked() {
    String page = pageWithTheirEdit("чисто");
    fx.save(
        team.community(),
        "чисто",
        team.moderator().token(),
        "План",
        THEIRS.replace("проекты.", "проекты и экскурсии."),
        2);

    var saved = put(page, settled(2, "mine", "theirs"));

    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().getBoolean("merged")).isTrue();
    assertThat(markdown(page))
        .contains("Вторник: геометрия.")
        .contains("Четверг: проекты и экскурсии.")
        .contains("Пятница: итоги недели.")
        .contains("Среда: окружающий мир и природа.");
    JsonObject revision = newestRevision(page);
    assertThat(revision.getInteger("revision")).isEqualTo(4);
    assertThat(revision.getInteger("resolvedConflictWith")).isEqualTo(2);
  }

  @Test
  void aTextTheClientSettledItselfIsMarkedToo() {
    String page = pageWithTheirEdit("сам");
    String text = THEIRS.replace("математика и логика.", "геометрия и логика.");
    var saved =
        put(
            page,
            new JsonObject()
                .put("title", "План")
                .put("markdown", text)
                .put("baseRevision", 2)
                .put("resolvesConflictWith", 2));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(markdown(page)).isEqualTo(text);
    assertThat(newestRevision(page).getInteger("resolvedConflictWith")).isEqualTo(2);
  }

  @Test
  void keepingTheirsWhereMineChangedNothingElseAddsNoRevision() {
    fx.save(team.community(), "ничего", team.member().token(), "План", BASE, 0);
    fx.save(team.community(), "ничего", team.moderator().token(), "План", THEIRS, 1);
    String page = Api.page(team.community(), "ничего");
    String onlyTuesday = BASE.replace("математика.", "геометрия.");
    var saved =
        put(
            page,
            new JsonObject()
                .put("title", "План")
                .put("markdown", onlyTuesday)
                .put("baseRevision", 1)
                .put("resolvesConflictWith", 2)
                .put("choices", new JsonArray().add("theirs")));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().getBoolean("unchanged")).isTrue();
    assertThat(markdown(page)).isEqualTo(THEIRS);
  }

  @Test
  void wrongResolutionsAreRefusedNamingTheField() {
    String page = pageWithTheirEdit("ошибки");
    var count = put(page, settled(2, "mine"));
    assertThat(count.status()).isEqualTo(422);
    assertThat(fields(count)).containsExactly("choices");
    assertThat(count.json().encode()).contains("2");

    var badItem = put(page, settled(2, "mine", "both"));
    assertThat(badItem.status()).isEqualTo(422);
    assertThat(fields(badItem)).containsExactly("choices[1]");

    var withoutRevision =
        put(page, mine(1).put("choices", new JsonArray().add("mine").add("mine")));
    assertThat(fields(withoutRevision)).containsExactly("resolvesConflictWith");

    var notNewer =
        put(page, mine(2).put("resolvesConflictWith", 2).put("choices", new JsonArray()));
    assertThat(fields(notNewer)).containsExactly("resolvesConflictWith");

    var notBasedOn = put(page, mine(1).put("resolvesConflictWith", 2));
    assertThat(fields(notBasedOn)).containsExactly("baseRevision");

    var future = put(page, settled(7, "mine", "mine"));
    assertThat(future.status()).isEqualTo(422);
    assertThat(fields(future)).containsExactly("resolvesConflictWith");

    assertThat(api.get(page + "/revisions", team.member().token()).items()).hasSize(2);
  }

  private static java.util.List<String> fields(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    return response.json().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field"))
        .toList();
  }
}
