package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * Anonymous visitors of a published page are served a cached rendering; every change that page's
 * readers must see at once — a save, a revert, unpublishing, publishing — reaches them on the very
 * next request.
 */
@ExtendWith(AppExtension.class)
class PageViewCacheIT {

  @Test
  void visitorsGetTheSameBytesFromTheCacheAsFromTheFirstRendering(Fixtures fx) {
    var team = fx.team();
    publishedPage(fx, team, "кэш", "Первый текст.");
    WebSession visitor = new WebSession(fx.api());

    String first = visitor.get(path(team, "кэш")).text();
    String second = visitor.get(path(team, "кэш")).text();

    assertThat(second).isEqualTo(first).contains("Первый текст.");
  }

  @Test
  void aCopyFromMemoryCarriesTheHeadersOfTheRenderingAndTheVisitorsLanguage(Fixtures fx) {
    var team = fx.team();
    publishedPage(fx, team, "язык", "Текст.");
    Api api = fx.api();
    Map<String, String> russian = Map.of("Accept-Language", "ru-RU,ru;q=0.9");
    var rendered = api.send(HttpMethod.GET, path(team, "язык"), null, null, null, russian);
    var kept = api.send(HttpMethod.GET, path(team, "язык"), null, null, null, russian);
    var english =
        api.send(
            HttpMethod.GET, path(team, "язык"), null, null, null, Map.of("Accept-Language", "en"));

    assertThat(kept.text()).isEqualTo(rendered.text());
    assertThat(kept.headers().names()).containsExactlyElementsOf(rendered.headers().names());
    for (String name : rendered.headers().names()) {
      if (!name.equals("X-Request-Id")) {
        assertThat(kept.headers().getAll(name)).as(name).isEqualTo(rendered.headers().getAll(name));
      }
    }
    assertThat(rendered.document().select("html").attr("lang")).isEqualTo("ru");
    assertThat(english.document().select("html").attr("lang")).isEqualTo("en");
  }

  @Test
  void aReviewedEditOfACachedPageIsShownToVisitorsAtOnce(Fixtures fx) {
    var team = fx.team();
    publishedPage(fx, team, "правка", "Старый текст.");
    WebSession visitor = new WebSession(fx.api());
    assertThat(body(visitor.page(path(team, "правка")))).contains("Старый текст.");

    fx.save(team.community(), "правка", team.member().token(), "Правка", "Новый текст.", 1);
    // The edit waits for a review: visitors still read the reviewed text.
    assertThat(body(visitor.page(path(team, "правка")))).contains("Старый текст.");
    status(fx, team, "правка", "review");

    assertThat(body(visitor.page(path(team, "правка"))))
        .contains("Новый текст.")
        .doesNotContain("Старый текст.");
  }

  @Test
  void aReviewedEditReachesVisitorsWhoAskedForThePageInAnotherCase(Fixtures fx) {
    var team = fx.team();
    publishedPage(fx, team, "регистр", "Старый текст.");
    WebSession visitor = new WebSession(fx.api());
    assertThat(body(visitor.page(path(team, "РЕГИСТР")))).contains("Старый текст.");

    fx.save(team.community(), "регистр", team.member().token(), "Регистр", "Новый текст.", 1);
    status(fx, team, "регистр", "review");

    assertThat(body(visitor.page(path(team, "РЕГИСТР")))).contains("Новый текст.");
  }

  @Test
  void aReviewedRevertOfACachedPageIsShownToVisitorsAtOnce(Fixtures fx) {
    var team = fx.team();
    publishedPage(fx, team, "откат", "Первая версия.");
    fx.save(team.community(), "откат", team.member().token(), "Откат", "Вторая версия.", 1);
    status(fx, team, "откат", "review");
    WebSession visitor = new WebSession(fx.api());
    assertThat(body(visitor.page(path(team, "откат")))).contains("Вторая версия.");

    var reverted =
        fx.api()
            .post(
                Api.page(team.community(), "откат", "revert"),
                team.member().token(),
                new JsonObject().put("revision", 1));
    assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
    status(fx, team, "откат", "review");

    assertThat(body(visitor.page(path(team, "откат")))).contains("Первая версия.");
  }

  @Test
  void unpublishingACachedPageHidesItFromVisitorsAtOnce(Fixtures fx) {
    var team = fx.team();
    publishedPage(fx, team, "снятие", "Текст.");
    WebSession visitor = new WebSession(fx.api());
    visitor.page(path(team, "снятие"));

    status(fx, team, "снятие", "unpublish");

    visitor.page(path(team, "снятие"), 404);
  }

  @Test
  void publishingAPageUpdatesTheCachedPagesItLinksTo(Fixtures fx) {
    var team = fx.team();
    publishedPage(fx, team, "цель", "Страница, на которую ссылаются.");
    WebSession visitor = new WebSession(fx.api());
    assertThat(backlinks(visitor.page(path(team, "цель")))).doesNotContain("Ссылающаяся");
    fx.save(
        team.community(), "ссылающаяся", team.member().token(), "Ссылающаяся", "См. [[Цель]].", 0);

    status(fx, team, "ссылающаяся", "publish");

    assertThat(backlinks(visitor.page(path(team, "цель")))).contains("Ссылающаяся");
  }

  @Test
  void membersAreShownAFreshPageWithTheirButtonsWhileVisitorsGetTheCachedOne(Fixtures fx) {
    var team = fx.team();
    publishedPage(fx, team, "кнопки", "Текст.");
    WebSession visitor = new WebSession(fx.api());
    visitor.page(path(team, "кнопки"));

    Document forMember =
        WebSession.withToken(fx.api(), team.member().token()).page(path(team, "кнопки"));
    Document forVisitor = visitor.page(path(team, "кнопки"));

    assertThat(forMember.select("a[href$=/edit]")).isNotEmpty();
    assertThat(forVisitor.select("a[href$=/edit]")).isEmpty();
  }

  @Test
  void anAddressAnotherScreenOwnsIsNeverAnsweredFromThePagesInMemory(Fixtures fx) {
    var team = fx.team();
    // A valid slug that is also the community's public calendar: the calendar's route comes
    // first, and a page view from memory (tried before every screen) must not take it over.
    publishedPage(fx, team, "meetings.ics", "Страница с именем календаря.");
    WebSession visitor = new WebSession(fx.api());
    for (int i = 0; i < 3; i++) {
      var answer = visitor.get(path(team, "meetings.ics"));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.headers().get("Content-Type")).startsWith("text/calendar");
      assertThat(answer.text()).startsWith("BEGIN:VCALENDAR");
    }
  }

  private static void publishedPage(Fixtures fx, Fixtures.Team team, String slug, String markdown) {
    String title = Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    fx.save(team.community(), slug, team.member().token(), title, markdown, 0);
    status(fx, team, slug, "publish");
  }

  /** A moderator's act on the page: publish, unpublish, or review (the latest revision). */
  private static void status(Fixtures fx, Fixtures.Team team, String slug, String action) {
    var response =
        fx.api()
            .post(
                Api.page(team.community(), slug, action),
                team.moderator().token(),
                action.equals("review") ? new JsonObject() : null);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private static String path(Fixtures.Team team, String slug) {
    return "/c/" + team.community() + "/" + slug;
  }

  private static String body(Document page) {
    return page.select(".page-body").text();
  }

  private static String backlinks(Document page) {
    return page.select("section[aria-labelledby=backlinks-heading]").text();
  }
}
