package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;

/**
 * {@code /api/search} over the running server: the indexer picks up saves and publications on its
 * own, and each searcher sees what they may.
 */
@ExtendWith(AppExtension.class)
class SearchIT {
  static final Duration PATIENCE = Duration.ofSeconds(10);

  @Test
  void aSavedDraftIsFoundByItsMembersInAnotherWordFormAndNotByTheAnonymous(Fixtures fx) {
    var team = fx.team();
    fx.save(
        team.community(),
        "проектная",
        team.member().token(),
        "Проектная деятельность в начальной школе",
        "Как организовать проекты с первоклассниками: этапы, роли, защита.",
        0);

    JsonObject found =
        awaitSearch(
            fx,
            "q=" + encode("проектной деятельности") + "&community=" + encode(team.community()),
            team.member().token(),
            result -> result.getLong("total") == 1);
    JsonObject item = found.getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("slug")).isEqualTo("проектная");
    assertThat(item.getString("status")).isEqualTo("draft");
    assertThat(item.getString("community")).isEqualTo(team.community());
    assertThat(item.getString("titleHtml")).contains("<mark>");

    var anonymous =
        fx.api()
            .get("/api/search?q=" + encode("проектной") + "&community=" + team.community(), null);
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().getLong("total")).isZero();
  }

  @Test
  void publishingShowsThePageToEveryoneAndUnpublishingHidesItAgain(Fixtures fx) {
    var team = fx.team();
    fx.save(
        team.community(),
        "ёлочные",
        team.member().token(),
        "Ёлочные игрушки из фетра",
        "Мастер-класс для технологии: выкройки, швы, украшение.",
        0);
    var publish =
        fx.api()
            .post(Api.page(team.community(), "ёлочные", "publish"), team.moderator().token(), null);
    assertThat(publish.status()).isEqualTo(200);

    String query = "q=" + encode("елочная игрушка") + "&community=" + encode(team.community());
    JsonObject found = awaitSearch(fx, query, null, result -> result.getLong("total") == 1);
    assertThat(found.getJsonArray("items").getJsonObject(0).getString("status"))
        .isEqualTo("published");
    assertThat(found.getJsonObject("facets").getJsonArray("kind")).isNotEmpty();

    var unpublish =
        fx.api()
            .post(
                Api.page(team.community(), "ёлочные", "unpublish"), team.moderator().token(), null);
    assertThat(unpublish.status()).isEqualTo(200);
    awaitSearch(fx, query, null, result -> result.getLong("total") == 0);
  }

  @Test
  void aQueryInTheWrongKeyboardLayoutIsCorrected(Fixtures fx) {
    var team = fx.team();
    fx.save(
        team.community(),
        "гербарий",
        team.member().token(),
        "Гербарий школьного участка",
        "Собираем гербарий осенью: сушка, монтаж, подписи растений.",
        0);
    fx.api()
        .post(Api.page(team.community(), "гербарий", "publish"), team.moderator().token(), null);

    // «гербарий» typed on the English layout.
    JsonObject found =
        awaitSearch(
            fx,
            "q=" + encode("uth,fhbq") + "&community=" + encode(team.community()),
            null,
            result -> result.getLong("total") >= 1);
    assertThat(found.getString("suggestion")).isEqualTo("гербарий");
  }

  @Test
  void titlesAreSuggestedAsTheUserTypes(Fixtures fx) {
    var team = fx.team();
    String title = "Квиллинг " + Fixtures.unique("з");
    fx.save(team.community(), "квиллинг", team.member().token(), title, "Бумажные полоски.", 0);
    fx.api()
        .post(Api.page(team.community(), "квиллинг", "publish"), team.moderator().token(), null);

    Predicate<JsonObject> suggested =
        result ->
            result.getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .anyMatch(item -> item.getString("title").equals(title));
    Eventually.until(
        "the new title among the suggestions",
        PATIENCE,
        () -> fx.api().get("/api/search/suggest?q=" + encode("квилл"), null).json(),
        suggested);
  }

  @Test
  void anyQueryTextIsAnsweredAndBadParametersAreProblems(Fixtures fx) {
    String hostile = "\"(((title:[* TO ~~ \\ /" + "ж".repeat(10_000) + "\u0000\u0007 AND OR NOT";
    var answered = fx.api().get("/api/search?q=" + encode(hostile), null);
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.json().getJsonArray("items")).isNotNull();

    var badSort = fx.api().get("/api/search?q=x&sort=popular", null);
    assertThat(badSort.status()).isEqualTo(400);
    assertThat(badSort.contentType()).startsWith("application/problem+json");
    assertThat(badSort.json().getString("detail")).contains("relevance");

    assertThat(fx.api().get("/api/search?q=x&size=1000", null).status()).isEqualTo(400);
    assertThat(fx.api().get("/api/search?q=x&kind=poem", null).status()).isEqualTo(400);
    assertThat(fx.api().get("/api/search?q=x&page=zero", null).status()).isEqualTo(400);
  }

  static JsonObject awaitSearch(
      Fixtures fx, String query, String token, Predicate<JsonObject> expected) {
    return Eventually.until(
        "the expected search result for " + query,
        PATIENCE,
        () -> {
          var response = fx.api().get("/api/search?" + query, token);
          assertThat(response.status()).as(response.toString()).isEqualTo(200);
          return response.json();
        },
        expected);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
