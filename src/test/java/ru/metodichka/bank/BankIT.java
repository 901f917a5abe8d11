package ru.metodichka.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.metodichka.Fixtures;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/**
 * The bank's front page ({@code /bank}) on a server of its own, so the shelves hold exactly what
 * these tests publish. Each test fills shelves of kinds no other test here uses.
 */
@OwnServerTest
class BankIT {
  private static TestApp app;
  private static Fixtures fx;

  @BeforeAll
  static void start() {
    app = TestApp.start(Map.of());
    fx = new Fixtures(app);
  }

  @AfterAll
  static void stop() throws SQLException {
    app.close();
  }

  @Test
  void eachKindShowsItsPublishedMaterialsNewestFirstAndNoDrafts() {
    var team = fx.team();
    var materials = new Materials(fx, team);
    materials.draft("первая", "Первая практика", "practice", "Текст");
    materials.draft("вторая", "Вторая практика", "practice", "Текст");
    materials.draft("проект", "Школьный проект", "project", "Текст");
    materials.draft("черновик", "Неготовая практика", "practice", "Текст");
    materials.publish("первая");
    materials.publish("проект");
    materials.publish("вторая");

    Document bank = new WebSession(fx.api()).page("/bank");

    assertThat(titles(bank, "practice", "newest"))
        .containsExactly("Вторая практика", "Первая практика");
    assertThat(titles(bank, "project", "newest")).containsExactly("Школьный проект");
    assertThat(bank.text()).doesNotContain("Неготовая практика");
    Element first = bank.selectFirst("#kind-practice .newest li");
    assertThat(first.selectFirst("a").attr("href")).isEqualTo("/c/" + team.community() + "/вторая");
    assertThat(first.text())
        .contains("Сообщество " + team.community(), "математика", "Основное общее");
    assertThat(first.selectFirst("time").attr("datetime")).isNotBlank();
  }

  @Test
  void kindHeadingsLinkToTheirListingAndEmptyShelvesTakeOneLine() {
    var team = fx.team();
    var materials = new Materials(fx, team);
    materials.draft("разработка", "Урок-исследование", "methodological-development", "Текст");
    materials.publish("разработка");

    Document bank = new WebSession(fx.api()).page("/bank");

    Element heading = bank.selectFirst("#kind-methodological-development h2 a");
    assertThat(heading.attr("href")).isEqualTo("/search?kind=methodological-development");
    assertThat(heading.text()).isEqualTo("Методическая разработка");
    assertThat(bank.select("#kind-other")).as("nobody here publishes «other»").isEmpty();
    assertThat(bank.select(".empty-kinds")).hasSize(1);
    assertThat(bank.selectFirst(".empty-kinds").text())
        .startsWith("Пока ничего не опубликовано в разделах:")
        .contains("Другое")
        .doesNotContain("Методическая разработка");
    assertThat(bank.select("#kind-methodological-development .most-viewed"))
        .as("nothing of this kind was viewed yet")
        .isEmpty();
    assertThat(bank.text()).doesNotContain("ещё не смотрели");
  }

  @Test
  void theBankOffersSubjectAndLevelFiltersAsLinksToSearch() {
    var team = fx.team();
    var materials = new Materials(fx, team);
    materials.draft("ресурс", "Карта звёздного неба", "resource", "Текст");
    materials.publish("ресурс");
    WebSession visitor = new WebSession(fx.api());
    String subject = "/search?subject=" + URLEncoder.encode("математика", StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Document listed = visitor.page(subject);
    while (!listed.select(".hit h3 a").eachText().contains("Карта звёздного неба")
        && System.nanoTime() < deadline) {
      listed = visitor.page(subject); // the search index follows the database within a second
    }
    assertThat(listed.select(".hit h3 a").eachText()).contains("Карта звёздного неба");

    Document bank = visitor.page("/bank");

    Element math = bank.selectFirst("#bank-subjects a[href=" + subject + "]");
    assertThat(math).as(bank.select("main").html()).isNotNull();
    assertThat(math.text()).isEqualTo("математика");
    Element basic = bank.selectFirst("#bank-levels a[href=/search?level=basic]");
    assertThat(basic.text()).isEqualTo("Основное общее");
    assertThat(bank.select("main a[href=/search]")).as("everything, with filters").hasSize(1);
  }

  @Test
  void mostViewedListsOnlyViewedMaterialsByTheirViews() {
    var team = fx.team();
    var materials = new Materials(fx, team);
    for (String slug : List.of("редкий", "популярный", "нечитанный")) {
      materials.draft(slug, "Продукт " + slug, "product", "Текст");
      materials.publish(slug);
    }
    WebSession visitor = new WebSession(fx.api());
    visitor.page("/c/" + team.community() + "/редкий");
    for (int i = 0; i < 3; i++) {
      visitor.page("/c/" + team.community() + "/популярный");
    }
    app.app().parts().views().flush().await();

    Document bank = visitor.page("/bank");

    assertThat(titles(bank, "product", "most-viewed"))
        .containsExactly("Продукт популярный", "Продукт редкий");
    assertThat(bank.selectFirst("#kind-product .most-viewed li").text()).contains("3 просмотра");
    assertThat(titles(bank, "product", "newest"))
        .containsExactly("Продукт нечитанный", "Продукт популярный", "Продукт редкий");
  }

  @Test
  void unpublishingTakesAMaterialOffTheBank() {
    var team = fx.team();
    var materials = new Materials(fx, team);
    materials.draft("статья", "Статья о наставничестве", "article", "Текст");
    materials.publish("статья");
    WebSession visitor = new WebSession(fx.api());
    assertThat(titles(visitor.page("/bank"), "article", "newest"))
        .containsExactly("Статья о наставничестве");

    materials.unpublish("статья");

    assertThat(titles(visitor.page("/bank"), "article", "newest")).isEmpty();
  }

  @Test
  void theBankOffersSearchTheFeedAndIsInTheSiteNavigation() {
    Document bank = new WebSession(fx.api()).page("/bank");
    Element search = bank.selectFirst("form[role=search]");
    assertThat(search.attr("method")).isEqualTo("get");
    assertThat(search.attr("action")).isEqualTo("/search");
    assertThat(search.select("input[name=q]")).hasSize(1);
    assertThat(bank.select("main a[href=/bank/feed.atom]")).hasSize(1);
    Document home = new WebSession(fx.api()).page("/");
    assertThat(home.selectFirst("nav.site-nav a[href=/bank]").text()).isEqualTo("Банк практик");
    assertThat(home.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("/bank/feed.atom");
  }

  private static List<String> titles(Document bank, String kind, String list) {
    return bank.select("#kind-" + kind + " ." + list + " li > a").eachText();
  }
}
