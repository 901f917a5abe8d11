package ru.metodichka.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.metodichka.Api;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

class DemoSeedIT {
  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void startWithDemo() {
    app = TestApp.start(Map.of("demo", "true"));
    api = app.api();
  }

  @AfterAll
  static void stop() throws SQLException {
    app.close();
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = app.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void threeCommunitiesWithTasksModeratorsAndMembers() {
    JsonArray communities = api.get("/api/communities", null).items();
    assertThat(communities).hasSize(3);
    communities.forEach(
        c -> {
          JsonObject community = (JsonObject) c;
          assertThat(community.getString("task")).hasSizeGreaterThan(40);
          assertThat(community.getLong("memberCount")).isGreaterThanOrEqualTo(4);
        });
    JsonObject one = api.get("/api/communities/nastavnichestvo", null).json();
    assertThat(one.getJsonArray("moderators").getJsonObject(0).getString("login"))
        .isEqualTo("morozova");
  }

  @Test
  void visitorsSeePublishedPagesAndMembersAlsoSeeDrafts() {
    int published = 0;
    int all = 0;
    String member = login("ivanova");
    for (String community :
        new String[] {
          "funkcionalnaya-gramotnost", "proekty-nachalnaya-shkola", "nastavnichestvo"
        }) {
      JsonArray anonymous =
          api.get("/api" + Api.path("communities", community, "pages"), null).items();
      assertThat(anonymous).allMatch(p -> ((JsonObject) p).getString("status").equals("published"));
      published += anonymous.size();
      all +=
          api.get("/api" + Api.path("communities", community, "pages"), fx().adminToken())
              .items()
              .size();
    }
    assertThat(all).isGreaterThanOrEqualTo(12);
    assertThat(published).isGreaterThan(0).isLessThan(all);
    assertThat(
            api.get(Api.page("funkcionalnaya-gramotnost", "план-работы"), member)
                .json()
                .getString("status"))
        .isEqualTo("draft");
    assertThat(api.get(Api.page("funkcionalnaya-gramotnost", "план-работы"), null).status())
        .isEqualTo(404);
  }

  @Test
  void pagesHaveSeveralRevisionsByDifferentAuthors() {
    JsonArray history =
        api.get(Api.page("funkcionalnaya-gramotnost", "банк-заданий-математика", "revisions"), null)
            .items();
    assertThat(history).hasSizeGreaterThanOrEqualTo(3);
    Set<String> authors = new HashSet<>();
    history.forEach(r -> authors.add(((JsonObject) r).getJsonObject("author").getString("login")));
    assertThat(authors).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void wikiLinksBetweenSeededPagesResolveAndShowAsBacklinks() {
    JsonObject page =
        api.get(Api.page("proekty-nachalnaya-shkola", "моя-малая-родина"), null).json();
    Element link =
        Jsoup.parse(page.getString("html"))
            .selectFirst("a.wikilink:contains(Паспорт учебного проекта)");
    assertThat(link.hasClass("wikilink-missing")).isFalse();
    assertThat(link.attr("href")).contains("/c/proekty-nachalnaya-shkola/");
    JsonArray backlinks =
        api.get(Api.page("funkcionalnaya-gramotnost", "критерии-оценивания", "backlinks"), null)
            .items();
    assertThat(backlinks.stream().map(b -> ((JsonObject) b).getString("community")))
        .contains("proekty-nachalnaya-shkola", "funkcionalnaya-gramotnost");
  }

  @Test
  void demoUsersLogInWithTheDocumentedPassword() {
    JsonObject me = api.get("/api/users/me", login("smirnova")).json();
    assertThat(me.getString("institution"))
        .isEqualTo("МБОУ «Средняя общеобразовательная школа № 3»");
    assertThat(me.getJsonArray("memberships")).hasSize(1);
  }

  @Test
  void runningTheSeedAgainAddsNothing() throws SQLException {
    long communities = count("SELECT count(*) FROM communities");
    long revisions = count("SELECT count(*) FROM revisions");
    long users = count("SELECT count(*) FROM users");
    new DemoSeed(app.app().services()).run().await();
    assertThat(count("SELECT count(*) FROM communities")).isEqualTo(communities);
    assertThat(count("SELECT count(*) FROM revisions")).isEqualTo(revisions);
    assertThat(count("SELECT count(*) FROM users")).isEqualTo(users);
    assertThat(count("SELECT count(*) FROM contributions WHERE kind = 'revision'"))
        .isEqualTo(revisions);
  }

  @Test
  void aDatabaseWithItsOwnCommunitiesGetsNoDemo() throws SQLException {
    try (TestApp other = TestApp.start(Map.of())) {
      new Fixtures(other).community();
      new DemoSeed(other.app().services()).run().await();
      try (Connection c = other.jdbc();
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pages")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  private static Fixtures fx() {
    return new Fixtures(app);
  }

  private static String login(String login) {
    return fx().login(login, "demo12345");
  }
}
