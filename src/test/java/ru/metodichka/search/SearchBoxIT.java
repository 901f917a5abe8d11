package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** The search box in every page's header, as it works without scripts: a plain GET form. */
@ExtendWith(AppExtension.class)
class SearchBoxIT {

  @Test
  void everyPageHasALabelledSearchBoxInItsHeader(Fixtures fx) {
    var team = fx.team();
    fx.save(team.community(), "страница", team.member().token(), "Страница", "Текст.", 0);
    String community = "/c/" + team.community();
    WebSession member = WebSession.withToken(fx.api(), team.member().token());
    List<Document> pages = new ArrayList<>();
    for (String path :
        List.of("/", "/bank", "/search", "/search?q=x", community, community + "/страница")) {
      pages.add(member.page(path));
    }
    pages.add(new WebSession(fx.api()).page("/login"));
    pages.add(member.page("/c/нет-такого-сообщества", 404));
    for (Document page : pages) {
      String path = page.location();
      Element form = page.selectFirst("header.site-header form[role=search]");
      assertThat(form).as("search box on %s", path).isNotNull();
      assertThat(form.attr("method")).isEqualTo("get");
      assertThat(form.attr("action")).isEqualTo("/search");
      Element box = form.selectFirst("input[type=search][name=q]");
      assertThat(box.id()).isEqualTo("site-q");
      assertThat(form.selectFirst("label[for=site-q]").text()).isEqualTo("Поиск по сайту");
      assertThat(box.hasAttr("data-suggest")).as("suggestions when scripts run").isTrue();
      assertThat(form.select("button[type=submit]")).hasSize(1);
      assertThat(page.select("head script[src=/assets/suggest.js][defer]")).hasSize(1);
      assertThat(page.select("script:not([src]):not([type=application/ld+json])"))
          .as("no inline script")
          .isEmpty();
    }
  }
}
