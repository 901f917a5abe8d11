package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.search.SearchIT.awaitSearch;
import static ru.metodichka.search.SearchIT.encode;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * {@code /search} without words: the materials the filters select, newest first, with facets and
 * paging, so the bank can be browsed without typing a query.
 */
@ExtendWith(AppExtension.class)
class BrowseIT {
  private static final JsonObject METADATA =
      new JsonObject().put("subjects", new JsonArray().add("астрономия"));

  @Test
  void filtersWithoutWordsListTheMaterialsNewestFirst(Fixtures fx) {
    var team = fx.team();
    for (String slug : List.of("альфа", "бета", "гамма")) {
      Published.draft(fx, team, slug, "Проект " + slug, "project", METADATA, "Текст проекта.");
    }
    for (String slug : List.of("гамма", "альфа", "бета")) {
      Published.publish(fx, team, slug);
    }
    String filters = "kind=project&community=" + encode(team.community());
    JsonObject api = awaitSearch(fx, filters, null, r -> r.getLong("total") == 3);
    assertThat(api.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("slug")))
        .containsExactly("бета", "альфа", "гамма");

    WebSession visitor = new WebSession(fx.api());
    Document page = visitor.page("/search?" + filters);
    assertThat(page.select(".hit h3 a").eachText())
        .containsExactly("Проект бета", "Проект альфа", "Проект гамма");
    assertThat(page.select("#found").text()).isEqualTo("3 материала");
    assertThat(page.select("h1").text()).isEqualTo("Материалы банка практик");
    assertThat(page.select("#sort option").eachText())
        .as("relevance means nothing without words")
        .containsExactly("Сначала новые", "Сначала популярные");
    assertThat(page.select("#sort option[selected]").text()).isEqualTo("Сначала новые");
    Element kind = page.selectFirst(".facet a.selected");
    assertThat(kind.text()).contains("Проект");
    assertThat(kind.parent().selectFirst(".count").text()).isEqualTo("3");
    assertThat(page.select(".facet a[href*=subject=]").eachText()).contains("астрономия");

    Document first = visitor.page("/search?" + filters + "&size=2");
    assertThat(first.select(".hit h3 a").eachText()).containsExactly("Проект бета", "Проект альфа");
    Document second = visitor.page(first.selectFirst(".pager a[rel=next]").attr("href"));
    assertThat(second.select(".hit h3 a").eachText()).containsExactly("Проект гамма");
    assertThat(visitor.page("/search?" + filters + "&page=7").select(".hit"))
        .as("a page past the last hit is empty, not an error")
        .isEmpty();
  }

  @Test
  void searchWithNothingAtAllListsWhatIsPublicNewestFirst(Fixtures fx) {
    var team = fx.team();
    Published.material(fx, team, "обзор", "Обзор материалов", "article", METADATA, "Текст.");
    Published.draft(fx, team, "набросок", "Набросок обзора", "article", METADATA, "Текст.");
    awaitSearch(fx, "community=" + encode(team.community()), null, r -> r.getLong("total") == 1);

    Document all = new WebSession(fx.api()).page("/search");

    assertThat(all.select("h1").text()).isEqualTo("Материалы банка практик");
    assertThat(all.select(".hit")).isNotEmpty();
    assertThat(all.select(".badge-draft")).isEmpty();
    List<OffsetDateTime> published =
        all.select(".hit time.published").eachAttr("datetime").stream()
            .map(OffsetDateTime::parse)
            .toList();
    assertThat(published)
        .hasSameSizeAs(all.select(".hit"))
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(all.select(".facet a[href*=kind=]")).isNotEmpty();
  }

  @Test
  void licenceAndYearFacetsAreLinksThatFilter(Fixtures fx) {
    var team = fx.team();
    Published.material(
        fx, team, "л1", "Лицензия один", "practice", meta("cc-by-sa-4.0", 2024), "А.");
    Published.material(fx, team, "л2", "Лицензия два", "practice", meta("cc0-1.0", 2025), "Б.");
    Published.material(fx, team, "л3", "Лицензия три", "practice", meta("cc0-1.0", 2024), "В.");
    String community = "community=" + encode(team.community());
    awaitSearch(fx, community, null, r -> r.getLong("total") == 3);
    WebSession visitor = new WebSession(fx.api());

    Document all = visitor.page("/search?" + community);
    Element cc0 = all.selectFirst(".facet a[href*=licence=cc0-1.0]");
    assertThat(cc0).as("the licence facet is a link").isNotNull();
    assertThat(cc0.text()).startsWith("CC0 1.0");
    assertThat(cc0.parent().selectFirst(".count").text()).isEqualTo("2");

    Document byLicence = visitor.page(cc0.attr("href"));
    assertThat(byLicence.select(".hit h3 a").eachText())
        .containsExactlyInAnyOrder("Лицензия два", "Лицензия три");
    Element year = byLicence.selectFirst(".facet a[href*=year=2024]");
    assertThat(year).as("the year facet is a link").isNotNull();
    Document byYear = visitor.page(year.attr("href"));
    assertThat(byYear.select(".hit h3 a").eachText()).containsExactly("Лицензия три");
    assertThat(byYear.select(".facet a.selected")).as("community, licence, year").hasSize(3);
    assertThat(byYear.select(".search-form input[type=hidden][name=year]").attr("value"))
        .isEqualTo("2024");

    assertThat(fx.api().get("/api/search?licence=mine", null).status()).isEqualTo(400);
    assertThat(fx.api().get("/api/search?year=last", null).status()).isEqualTo(400);
  }

  private static JsonObject meta(String licence, int year) {
    return new JsonObject().put("licence", licence).put("year", year);
  }
}
