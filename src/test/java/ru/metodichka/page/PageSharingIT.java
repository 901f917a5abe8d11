package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/**
 * A published page describes itself to search engines (schema.org JSON-LD) and to link previews
 * (Open Graph); a draft asks not to be indexed and describes nothing.
 */
@ExtendWith(AppExtension.class)
class PageSharingIT {
  private static final String TEXT =
      "# Смысловое чтение\n\nУченики учатся находить главное в тексте.\n\nВторой абзац.\n";

  @Test
  void aPublishedPageIsALearningResourceWithOpenGraphTags(TestApp app, Fixtures fx) {
    var team = fx.team();
    save(fx, team, "чтение", "Смысловое чтение", TEXT);
    publish(fx, team, "чтение");
    String url = "http://127.0.0.1:" + app.app().port() + Api.path("c", team.community(), "чтение");

    Document page = new WebSession(fx.api()).page("/c/" + team.community() + "/чтение");

    JsonObject ld = jsonLd(page);
    assertThat(ld.getString("@context")).isEqualTo("https://schema.org");
    assertThat(ld.getString("@type")).isEqualTo("LearningResource");
    assertThat(ld.getString("name")).isEqualTo("Смысловое чтение");
    assertThat(ld.getString("description")).isEqualTo("Ученики учатся находить главное в тексте.");
    assertThat(ld.getString("url")).isEqualTo(url);
    assertThat(ld.getString("inLanguage")).isEqualTo("ru");
    assertThat(ld.getString("learningResourceType")).isEqualTo("Инновационная практика");
    assertThat(ld.getJsonArray("educationalLevel"))
        .containsExactly("Основное общее", "Среднее общее");
    assertThat(ld.getJsonArray("about").getJsonObject(0).getString("name")).isEqualTo("литература");
    assertThat(ld.getString("keywords")).isEqualTo("чтение, текст");
    assertThat(ld.getString("license"))
        .isEqualTo("https://creativecommons.org/licenses/by-sa/4.0/");
    JsonObject author = ld.getJsonArray("author").getJsonObject(0);
    assertThat(author.getString("name")).isEqualTo("Анна Петровна Иванова");
    assertThat(author.getJsonObject("affiliation").getString("name")).isEqualTo("МБОУ СОШ № 1");
    assertThat(ld.getString("datePublished")).isNotBlank();
    assertThat(ld.getString("dateModified")).isNotBlank();
    assertThat(ld.getJsonObject("isPartOf").getString("name"))
        .isEqualTo("Сообщество " + team.community());
    assertThat(ld.getJsonObject("isPartOf").getString("url"))
        .isEqualTo("http://127.0.0.1:" + app.app().port() + "/c/" + team.community());

    assertThat(og(page, "title")).isEqualTo("Смысловое чтение");
    assertThat(og(page, "description")).isEqualTo("Ученики учатся находить главное в тексте.");
    assertThat(og(page, "type")).isEqualTo("article");
    assertThat(og(page, "url")).isEqualTo(url);
    assertThat(og(page, "site_name")).isEqualTo("Методичка");
    assertThat(og(page, "locale")).isEqualTo("ru_RU");
    assertThat(page.select("meta[name=robots]")).isEmpty();
  }

  @Test
  void aHostileTitleStaysInsideTheJsonLd(Fixtures fx) {
    var team = fx.team();
    String title = "</script><script>alert(1)</script><!-- «ой» & \u2028 \"кавычки\"";
    save(fx, team, "враг", title, "Текст.");
    publish(fx, team, "враг");

    var response = fx.api().get(Api.path("c", team.community(), "враг"), null);

    assertThat(response.text()).doesNotContain("<script>alert(1)");
    Document page = Jsoup.parse(response.text());
    assertThat(page.select("script:not([src])")).hasSize(1);
    assertThat(jsonLd(page).getString("name")).isEqualTo(title);
    assertThat(og(page, "title")).isEqualTo(title);
  }

  @Test
  void aDraftIsNotIndexedAndNotDescribed(Fixtures fx) {
    var team = fx.team();
    save(fx, team, "набросок", "Набросок", TEXT);

    Document page =
        WebSession.withToken(fx.api(), team.member().token())
            .page("/c/" + team.community() + "/набросок");

    assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(page.select("script[type=application/ld+json]")).isEmpty();
    assertThat(page.select("meta[property^=og:]")).isEmpty();
  }

  @Test
  void absoluteAddressesFollowTheHostAndProtocolTheProxyReports(Fixtures fx) {
    var team = fx.team();
    save(fx, team, "адрес", "Адрес", TEXT);
    publish(fx, team, "адрес");

    var response =
        fx.api()
            .send(
                HttpMethod.GET,
                Api.path("c", team.community(), "адрес"),
                null,
                null,
                null,
                Map.of("Host", "metodichka.example.ru", "X-Forwarded-Proto", "https"));

    assertThat(og(Jsoup.parse(response.text()), "url"))
        .isEqualTo("https://metodichka.example.ru" + Api.path("c", team.community(), "адрес"));
  }

  private static void save(Fixtures fx, Fixtures.Team team, String slug, String title, String md) {
    var response =
        fx.api()
            .put(
                Api.page(team.community(), slug),
                team.member().token(),
                new JsonObject()
                    .put("title", title)
                    .put("markdown", md)
                    .put("baseRevision", 0)
                    .put("kind", "practice")
                    .put(
                        "metadata",
                        new JsonObject()
                            .put("subjects", new JsonArray().add("литература"))
                            .put("levels", new JsonArray().add("basic").add("secondary"))
                            .put("tags", new JsonArray().add("чтение").add("текст"))
                            .put("licence", "cc-by-sa-4.0")));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }

  private static void publish(Fixtures fx, Fixtures.Team team, String slug) {
    var response =
        fx.api().post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private static JsonObject jsonLd(Document page) {
    var scripts = page.select("script[type=application/ld+json]");
    assertThat(scripts).hasSize(1);
    return new JsonObject(scripts.first().data());
  }

  private static String og(Document page, String property) {
    return page.selectFirst("meta[property=og:" + property + "]").attr("content");
  }
}
