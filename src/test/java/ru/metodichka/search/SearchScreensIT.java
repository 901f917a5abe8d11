package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.search.SearchIT.awaitSearch;
import static ru.metodichka.search.SearchIT.encode;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/** {@code /search}, similar materials under a page, and the admin's rebuild button, as HTML. */
@ExtendWith(AppExtension.class)
class SearchScreensIT {

  @Test
  void resultsAreHighlightedFilterableAndDraftsAreMarkedForMembers(Fixtures fx) {
    var team = fx.team();
    String word = "дендрарий";
    for (int i = 1; i <= 12; i++) {
      fx.save(
          team.community(),
          "дендрарий-" + i,
          team.member().token(),
          "Дендрарий, экскурсия " + i,
          "Маршрут по дендрарию для " + i + " класса.",
          0);
      if (i <= 11) {
        fx.api()
            .post(
                Api.page(team.community(), "дендрарий-" + i, "publish"),
                team.moderator().token(),
                null);
      }
    }
    String inCommunity = "q=" + encode(word) + "&community=" + encode(team.community());
    awaitSearch(fx, inCommunity, team.member().token(), r -> r.getLong("total") == 12);

    WebSession visitor = new WebSession(fx.api());
    Document first = visitor.page("/search?" + inCommunity);
    assertThat(first.select("#found").text()).contains("11");
    assertThat(first.select(".hit")).hasSize(10);
    assertThat(first.select(".hit h3 a mark").first().text()).isEqualToIgnoringCase("дендрарий");
    assertThat(first.select(".badge-draft")).as("no drafts for visitors").isEmpty();
    Element next = first.selectFirst(".pager a[rel=next]");
    assertThat(next).isNotNull();
    Document second = visitor.page(next.attr("href"));
    assertThat(second.select(".hit")).hasSize(1);

    // A facet filter is a link with its count; following it narrows the results.
    Element kind = first.selectFirst(".facet a[href*=kind=]");
    assertThat(kind.parent().selectFirst(".count").text()).isEqualTo("11");
    Document filtered = visitor.page(kind.attr("href"));
    assertThat(filtered.select(".facet a.selected")).as("community and kind").hasSize(2);
    assertThat(filtered.select(".hit")).hasSize(10);

    WebSession member = WebSession.withToken(fx.api(), team.member().token());
    Document mine = member.page("/search?" + inCommunity + "&page=2");
    assertThat(mine.select(".hit")).hasSize(2);
    assertThat(member.page("/search?" + inCommunity).select("#found").text()).contains("12");
    Document all = member.page("/search?" + inCommunity + "&size=20");
    assertThat(all.select(".hit")).hasSize(12);
    assertThat(all.select(".badge-draft")).hasSize(1);
  }

  @Test
  void aMistypedQueryOffersTheCorrectionAsALink(Fixtures fx) {
    var team = fx.team();
    fx.save(
        team.community(),
        "орнитология",
        team.member().token(),
        "Орнитология для пятиклассников",
        "Наблюдаем за птицами у кормушки.",
        0);
    fx.api()
        .post(Api.page(team.community(), "орнитология", "publish"), team.moderator().token(), null);
    String query = "q=" + encode("jhybnjkjubz") + "&community=" + encode(team.community());
    awaitSearch(fx, query, null, r -> r.getLong("total") == 1);

    Document page = new WebSession(fx.api()).page("/search?" + query);
    assertThat(page.select(".did-you-mean strong").text()).isEqualTo("орнитология");
    assertThat(page.select(".hit")).hasSize(1);
  }

  @Test
  void aBadSortIsAFriendlyPageAndHostileTextIsJustText(Fixtures fx) {
    WebSession visitor = new WebSession(fx.api());
    Document bad = visitor.page("/search?q=x&sort=loudest", 400);
    assertThat(bad.select("h1").text()).isNotBlank();

    Document hostile = visitor.page("/search?q=" + encode("<script>alert(1)</script>\"'"));
    assertThat(hostile.select("script:not([src])")).isEmpty();
    assertThat(hostile.selectFirst("#q").attr("value")).isEqualTo("<script>alert(1)</script>\"'");
  }

  @Test
  void aPublishedPageShowsSimilarMaterials(Fixtures fx) {
    var team = fx.team();
    String[] slugs = {"аквариум-1", "аквариум-2", "аквариум-3"};
    for (String slug : slugs) {
      fx.save(
          team.community(),
          slug,
          team.member().token(),
          "Школьный аквариум " + slug,
          "Аквариумные рыбки, растения, уход за аквариумом, кормление рыбок и наблюдения.",
          0);
      fx.api().post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    }
    awaitSearch(
        fx,
        "q=" + encode("аквариум") + "&community=" + encode(team.community()),
        null,
        r -> r.getLong("total") == 3);

    Document page = new WebSession(fx.api()).page("/c/" + team.community() + "/аквариум-1");
    assertThat(page.select(".similar a").eachText())
        .contains("Школьный аквариум аквариум-2", "Школьный аквариум аквариум-3")
        .doesNotContain("Школьный аквариум аквариум-1");

    // Kept answers give way once the index changes: a newly published page joins the list.
    fx.save(
        team.community(),
        "аквариум-4",
        team.member().token(),
        "Школьный аквариум аквариум-4",
        "Аквариумные рыбки, растения, уход за аквариумом, кормление рыбок и наблюдения.",
        0);
    fx.api()
        .post(Api.page(team.community(), "аквариум-4", "publish"), team.moderator().token(), null);
    awaitSearch(
        fx,
        "q=" + encode("аквариум") + "&community=" + encode(team.community()),
        null,
        r -> r.getLong("total") == 4);
    Document again = new WebSession(fx.api()).page("/c/" + team.community() + "/аквариум-1?fresh");
    assertThat(again.select(".similar a").eachText()).contains("Школьный аквариум аквариум-4");
  }

  @Test
  void anAdministratorRebuildsTheIndexFromTheAdminScreen(Fixtures fx) {
    WebSession admin = new WebSession(fx.api()).login("admin", TestApp.ADMIN_PASSWORD);
    Document screen = admin.page("/admin/search");
    assertThat(screen.select("#indexed").text()).isNotBlank();
    assertThat(screen.select("#every-server").text()).as("says whose index rebuilds").isNotBlank();
    var started = admin.postForm("/admin/search/reindex", Map.of());
    assertThat(started.status()).isEqualTo(303);

    Element progress =
        Eventually.until(
            "the rebuild to report success on the admin screen",
            SearchIT.PATIENCE,
            () -> admin.page("/admin/search").selectFirst("#rebuild-progress"),
            shown -> shown != null && shown.selectFirst(".success") != null);
    assertThat(progress.select(".success").text()).isNotBlank();

    var member = new WebSession(fx.api()).login(fx.user("reader").login(), Fixtures.PASSWORD);
    assertThat(member.get("/admin/search").status()).isEqualTo(403);
    assertThat(member.postForm("/admin/search/reindex", Map.of()).status()).isEqualTo(403);
  }
}
