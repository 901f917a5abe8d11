package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * A community's page list read in parts: the API's {@code limit} and {@code after}, and the
 * community screen's «Показать ещё» link, which works without JavaScript.
 */
@ExtendWith(AppExtension.class)
class PageListIT {

  @Test
  void theApiGivesTheListInPartsOfLimitEachWithTheCursorOfTheNext(Fixtures fx) {
    var team = fx.team();
    // Saved in reverse: the list's order is the titles', not the saves'.
    for (int i = 5; i >= 1; i--) {
      fx.save(team.community(), "урок-" + i, team.member().token(), "Урок " + i, "Текст", 0);
    }
    String list = pages(team.community()) + "?limit=2";
    String member = team.member().token();

    JsonObject first = fx.api().get(list, member).json();
    JsonObject second = fx.api().get(list + "&after=" + first.getString("next"), member).json();
    JsonObject third = fx.api().get(list + "&after=" + second.getString("next"), member).json();

    assertThat(titles(first)).containsExactly("Урок 1", "Урок 2");
    assertThat(titles(second)).containsExactly("Урок 3", "Урок 4");
    assertThat(titles(third)).containsExactly("Урок 5");
    assertThat(third.containsKey("next")).as("the last part has no next").isFalse();
    JsonObject whole = fx.api().get(pages(team.community()), member).json();
    assertThat(titles(whole)).containsExactly("Урок 1", "Урок 2", "Урок 3", "Урок 4", "Урок 5");
    assertThat(whole.containsKey("next")).isFalse();
  }

  @Test
  void outsidersPageThroughPublishedPagesOnlyAndMembersThroughDraftsToo(Fixtures fx) {
    var team = fx.team();
    for (int i = 1; i <= 5; i++) {
      fx.save(team.community(), "тема-" + i, team.member().token(), "Тема " + i, "Текст", 0);
    }
    for (int i : List.of(1, 3, 5)) {
      var published =
          fx.api()
              .post(
                  Api.page(team.community(), "тема-" + i, "publish"),
                  team.moderator().token(),
                  null);
      assertThat(published.status()).isEqualTo(200);
    }

    assertThat(allParts(fx, team.community(), null, 2))
        .containsExactly(List.of("Тема 1", "Тема 3"), List.of("Тема 5"));
    assertThat(allParts(fx, team.community(), team.member().token(), 2))
        .containsExactly(
            List.of("Тема 1", "Тема 2"), List.of("Тема 3", "Тема 4"), List.of("Тема 5"));
  }

  @Test
  void badLimitsAndCursorsAreRefusedWithAProblemDocument(Fixtures fx) {
    String list = pages(fx.community());
    for (String limit : List.of("0", "501", "-1", "сто")) {
      var response = fx.api().get(list + "?limit=" + Api.path(limit).substring(1), null);
      assertThat(response.status()).as("limit=" + limit).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().getString("code")).isEqualTo("bad_parameter");
      assertThat(response.json().getString("detail")).contains("limit", "500");
    }
    String twoParts =
        Base64.getUrlEncoder().encodeToString("0:12".getBytes(StandardCharsets.UTF_8));
    for (String after : List.of("не-курсор", "***", twoParts, "MDpYOnRpdGxl")) {
      var response = fx.api().get(list + "?after=" + Api.path(after).substring(1), null);
      assertThat(response.status()).as("after=" + after).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().getString("code")).isEqualTo("bad_cursor");
    }
  }

  @Test
  void aLongListIsShownAHundredPagesAtATimeWithLinksToTheNextAndTheStart(Fixtures fx) {
    var team = fx.team();
    // One more than the screen shows (CommunityScreens.PAGES_ON_SCREEN).
    int pages = 101;
    for (int i = 1; i <= pages; i++) {
      String title = "Страница %03d".formatted(i);
      fx.save(team.community(), "страница-" + i, team.member().token(), title, "Текст", 0);
    }
    JsonObject byDefault = fx.api().get(pages(team.community()), team.member().token()).json();
    assertThat(byDefault.getJsonArray("items")).hasSize(100);
    assertThat(byDefault.getString("next")).isNotBlank();
    JsonObject upTo500 =
        fx.api().get(pages(team.community()) + "?limit=500", team.member().token()).json();
    assertThat(upTo500.getJsonArray("items")).hasSize(pages);
    WebSession member = WebSession.withToken(fx.api(), team.member().token());

    Document first = member.page("/c/" + team.community());

    assertThat(first.select("ul.tree a").eachText())
        .hasSize(100)
        .startsWith("Страница 001", "Страница 002")
        .endsWith("Страница 100");
    assertThat(first.select("#first-pages")).isEmpty();
    String more = first.selectFirst("nav.pager a#more-pages[rel=next]").attr("href");
    assertThat(more).startsWith("/c/" + team.community() + "?after=");

    Document second = member.page(more.substring(0, more.indexOf('#')));

    assertThat(second.select("ul.tree a").eachText()).containsExactly("Страница 101");
    assertThat(second.select("#more-pages")).isEmpty();
    assertThat(second.selectFirst("#first-pages").attr("href"))
        .isEqualTo("/c/" + team.community() + "#pages-heading");
    assertThat(second.selectFirst("#first-pages").text()).isEqualTo("К началу списка");
    assertThat(first.selectFirst("#more-pages").text()).isEqualTo("Показать ещё");
  }

  @Test
  void aSmallCommunityShowsItsWholeTreeWithoutPaging(Fixtures fx) {
    var team = fx.team();
    for (String title : List.of("Вторая", "Первая", "Третья")) {
      fx.save(
          team.community(),
          title.toLowerCase(Locale.ROOT),
          team.member().token(),
          title,
          "Текст",
          0);
    }

    Document screen =
        WebSession.withToken(fx.api(), team.member().token()).page("/c/" + team.community());

    assertThat(screen.select("ul.tree a").eachText()).containsExactly("Вторая", "Первая", "Третья");
    assertThat(screen.select("nav.pager")).isEmpty();
  }

  @Test
  void aBadCursorOnTheScreenIsAnErrorPage(Fixtures fx) {
    var response = new WebSession(fx.api()).get("/c/" + fx.community() + "?after=***");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("text/html");
  }

  /** The titles of each part, following {@code next} from the first part to the last. */
  private static List<List<String>> allParts(Fixtures fx, String community, String token, int n) {
    List<List<String>> parts = new ArrayList<>();
    String after = null;
    do {
      String uri = pages(community) + "?limit=" + n + (after == null ? "" : "&after=" + after);
      var response = fx.api().get(uri, token);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      parts.add(titles(response.json()));
      after = response.json().getString("next");
    } while (after != null && parts.size() < 10);
    return parts;
  }

  private static List<String> titles(JsonObject part) {
    return part.getJsonArray("items").stream()
        .map(item -> ((JsonObject) item).getString("title"))
        .toList();
  }

  private static String pages(String community) {
    return "/api" + Api.path("communities", community, "pages");
  }
}
