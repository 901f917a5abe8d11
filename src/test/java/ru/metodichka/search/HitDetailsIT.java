package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.search.SearchIT.awaitSearch;
import static ru.metodichka.search.SearchIT.encode;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** What a search result shows besides its title: readable snippets, dates and authors. */
@ExtendWith(AppExtension.class)
class HitDetailsIT {
  private static final String PROGRAMME =
      """
      # Программа наставничества

      ## Кому адресована

      Молодым учителям в первые три года работы

      | Задание | Класс | Умение |
      |---|---|---|
      | Посетить урок наставника | 5 | наблюдение |
      """;

  @Test
  void aSnippetEndsHeadingsAndTableRowsAsSentencesWithoutTableMarkup(Fixtures fx) {
    var team = fx.team();
    Published.material(
        fx, team, "программа", "Программа", "methodological-development", null, PROGRAMME);
    String query = "q=" + encode("наставничества") + "&community=" + encode(team.community());
    awaitSearch(fx, query, null, r -> r.getLong("total") == 1);

    Document page = new WebSession(fx.api()).page("/search?" + query);

    String snippet = page.selectFirst(".hit .snippet").text();
    assertThat(snippet)
        .contains("Программа наставничества. Кому адресована. Молодым учителям")
        .doesNotContain("|", "---");
    assertThat(
            new WebSession(fx.api())
                .page(
                    "/search?q="
                        + encode("урок наставника")
                        + "&"
                        + "community="
                        + encode(team.community()))
                .selectFirst(".hit .snippet")
                .text())
        .contains("Задание; Класс; Умение. Посетить урок наставника; 5; наблюдение.");
  }

  @Test
  void aHitShowsItsDatesAndItsAuthorsInTheOrderTheyFirstWrote(Fixtures fx) {
    var team = fx.team();
    fx.save(team.community(), "походы", team.member().token(), "Школьные походы", "План.", 0);
    fx.save(
        team.community(),
        "походы",
        team.moderator().token(),
        "Школьные походы",
        "План.\n\nСнаряжение.",
        1);
    fx.save(
        team.community(),
        "походы",
        team.member().token(),
        "Школьные походы",
        "План.\n\nСнаряжение.\n\nМаршрут.",
        2);
    Published.publish(fx, team, "походы");
    String query = "q=" + encode("походы") + "&community=" + encode(team.community());
    JsonObject found = awaitSearch(fx, query, null, r -> r.getLong("total") == 1);

    JsonObject item = found.getJsonArray("items").getJsonObject(0);
    assertThat(item.getJsonArray("authors"))
        .containsExactly("Анна Петровна Иванова", "Ольга Сергеевна Смирнова");
    Instant updated = Instant.parse(item.getString("updatedAt"));
    Instant published = Instant.parse(item.getString("publishedAt"));
    assertThat(published).isAfterOrEqualTo(updated);

    Document page = new WebSession(fx.api()).page("/search?" + query);
    Element hit = page.selectFirst(".hit");
    assertThat(hit.select(".authors").text())
        .isEqualTo("Авторы: Анна Петровна Иванова, Ольга Сергеевна Смирнова");
    assertThat(Instant.parse(hit.selectFirst("time.published").attr("datetime")))
        .isEqualTo(published);
    assertThat(hit.selectFirst("time.published").text()).startsWith("опубликовано ");

    WebSession member = WebSession.withToken(fx.api(), team.member().token());
    fx.save(team.community(), "черновик-похода", team.member().token(), "Поход черновик", "Т.", 0);
    String draft = "q=" + encode("черновик") + "&community=" + encode(team.community());
    awaitSearch(fx, draft, team.member().token(), r -> r.getLong("total") == 1);
    Element draftHit = member.page("/search?" + draft).selectFirst(".hit");
    assertThat(draftHit.select("time.published")).as("a draft is not published").isEmpty();
    assertThat(draftHit.selectFirst("time.updated").text()).startsWith("изменено ");
    assertThat(draftHit.select(".authors").text()).isEqualTo("Автор: Анна Петровна Иванова");
  }

  @Test
  void anUnreviewedEditsAuthorIsListedToTheCommunityButNotToThePublic(Fixtures fx) {
    var team = fx.team();
    var colleague = fx.user("Пётр Ильич Соколов");
    fx.join(team.community(), colleague, "member");
    fx.save(team.community(), "сплавы", team.member().token(), "Речные сплавы", "Правила.", 0);
    Published.publish(fx, team, "сплавы");
    fx.save(
        team.community(),
        "сплавы",
        colleague.token(),
        "Речные сплавы",
        "Правила.\n\nСпасательные жилеты.",
        1);
    String query = "q=" + encode("сплавы") + "&community=" + encode(team.community());
    JsonObject insiders =
        awaitSearch(
            fx,
            query,
            team.member().token(),
            r ->
                r.getLong("total") == 1
                    && r.getJsonArray("items").getJsonObject(0).getJsonArray("authors").size()
                        == 2);
    assertThat(insiders.getJsonArray("items").getJsonObject(0).getJsonArray("authors"))
        .containsExactly("Анна Петровна Иванова", "Пётр Ильич Соколов");

    JsonObject everyone = awaitSearch(fx, query, null, r -> r.getLong("total") == 1);
    assertThat(everyone.getJsonArray("items").getJsonObject(0).getJsonArray("authors"))
        .containsExactly("Анна Петровна Иванова");
  }
}
