package ru.metodichka.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.structure.Structures.node;
import static ru.metodichka.structure.Structures.tree;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

/**
 * A page shows where it stands in its community's structure: breadcrumbs through its sections, the
 * pages of its section, the previous and next page in reading order — each only with pages its
 * reader may see, and changed for visitors (who get a cached page) as soon as the structure is.
 */
@ExtendWith(AppExtension.class)
class PagePlacementIT {

  private static void publish(Fixtures fx, Fixtures.Team team, String slug, String title) {
    fx.save(team.community(), slug, team.member().token(), title, title + ".\n", 0);
    var published =
        fx.api().post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
  }

  private static Document view(Fixtures fx, String community, String slug, String token) {
    var page = fx.api().get(Api.path("c", community, slug), token);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.document();
  }

  @Test
  void aPageShowsItsSectionsItsSectionsPagesAndItsNeighboursAsItsReaderMaySeeThem(Fixtures fx) {
    var team = fx.team();
    publish(fx, team, "основы", "Основы");
    publish(fx, team, "первый-урок", "Первый урок");
    fx.save(team.community(), "черновик", team.member().token(), "Черновик", "Пишем.\n", 0);
    publish(fx, team, "второй-урок", "Второй урок");
    publish(fx, team, "итоги", "Итоги");
    new Structures(fx.api(), team.community())
        .replace(
            team.moderator().token(),
            tree(
                node("основы", node("первый-урок"), node("черновик"), node("второй-урок")),
                node("итоги")));

    Document visitor = view(fx, team.community(), "второй-урок", null);
    assertThat(visitor.select(".crumbs a").eachText()).contains("Основы");
    assertThat(visitor.select("#section-pages li").eachText())
        .containsExactly("Первый урок", "Второй урок");
    assertThat(visitor.getElementById("previous-page").text()).contains("Первый урок");
    assertThat(visitor.getElementById("next-page").text()).contains("Итоги");
    assertThat(visitor.text()).doesNotContain("Черновик");

    Document member = view(fx, team.community(), "второй-урок", team.member().token());
    assertThat(member.select("#section-pages li").eachText())
        .containsExactly("Первый урок", "Черновик", "Второй урок");
    assertThat(member.getElementById("previous-page").text()).contains("Черновик");

    Document outside = view(fx, team.community(), "основы", null);
    assertThat(outside.getElementById("previous-page")).isNull();
    assertThat(outside.select("#section-pages li").eachText()).containsExactly("Основы", "Итоги");
  }

  @Test
  void aStructureChangeReachesVisitorsAtOnceThoughTheyAreServedCachedPages(Fixtures fx) {
    var team = fx.team();
    publish(fx, team, "раздел", "Раздел");
    publish(fx, team, "страница", "Страница");
    var structures = new Structures(fx.api(), team.community());
    structures.replace(team.moderator().token(), tree(node("раздел"), node("страница")));
    Document before = view(fx, team.community(), "страница", null);
    assertThat(before.select(".crumbs a").eachText()).doesNotContain("Раздел");
    view(fx, team.community(), "страница", null); // served from the cache

    var moved =
        new WebStructure(fx.api(), team.community())
            .arrange(team.moderator().token(), 1, "страница", "indent");

    assertThat(moved.status()).as(moved.toString()).isEqualTo(303);
    Document after = view(fx, team.community(), "страница", null);
    assertThat(after.select(".crumbs a").eachText()).contains("Раздел");
    assertThat(after.select("#section-pages li").eachText()).isEqualTo(List.of("Страница"));
  }

  @Test
  void aPageOutsideTheTreeShowsNoPlace(Fixtures fx) {
    var team = fx.team();
    publish(fx, team, "одна", "Одна");
    assertThat(view(fx, team.community(), "одна", null).getElementById("page-place")).isNull();
  }
}
