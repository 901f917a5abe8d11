package ru.metodichka.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.metodichka.Api;
import ru.metodichka.Fixtures;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TestApp;
import ru.metodichka.plan.AcademicYear;

/**
 * The {@code --demo} start: what the district looks like through the API, and that it runs once.
 */
@OwnServerTest
class DemoSeedIT {
  private static final List<String> COMMUNITIES =
      List.of("funkcionalnaya-gramotnost", "proekty-nachalnaya-shkola", "nastavnichestvo");
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
    return countIn(app, sql);
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
  void aFormerTeachersDisabledAccountRefusesHerLoginAndSaysWhoDisabledIt() {
    var refused =
        api.post(
            "/api/session",
            null,
            new JsonObject().put("login", "kuznetsova.gp").put("password", "demo12345"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("code")).isEqualTo("account_disabled");
    String admin = new Fixtures(api).adminToken();
    JsonObject event = api.get("/api/users/kuznetsova.gp/events", admin).items().getJsonObject(0);
    assertThat(event.getString("kind")).isEqualTo("disabled");
    assertThat(event.getString("actor")).isEqualTo("admin");
  }

  @Test
  void visitorsSeePublishedPagesAndMembersAlsoSeeDrafts() {
    int published = 0;
    int all = 0;
    Set<String> kinds = new HashSet<>();
    String member = login("ivanova");
    for (String community : COMMUNITIES) {
      JsonArray anonymous =
          api.get("/api" + Api.path("communities", community, "pages"), null).items();
      assertThat(anonymous).allMatch(p -> ((JsonObject) p).getString("status").equals("published"));
      published += anonymous.size();
      JsonArray pages =
          api.get("/api" + Api.path("communities", community, "pages"), fx().adminToken()).items();
      pages.forEach(p -> kinds.add(((JsonObject) p).getString("kind")));
      all += pages.size();
    }
    assertThat(all).isGreaterThanOrEqualTo(12);
    assertThat(kinds)
        .contains(
            "practice", "project", "methodological-development", "article", "resource", "product");
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
  void aSaveThatSettledAnEditConflictIsMarkedInTheHistory() {
    String member = login("ivanova");
    JsonArray history =
        api.get(Api.page("funkcionalnaya-gramotnost", "план-работы", "revisions"), member).items();
    assertThat(history.getJsonObject(0).getInteger("resolvedConflictWith")).isEqualTo(2);
    assertThat(history.getJsonObject(0).getJsonObject("author").getString("login"))
        .isEqualTo("ivanova");
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
  void seededMarkdownUsesTablesTaskListsAndFootnotes() {
    String criteria =
        api.get(Api.page("funkcionalnaya-gramotnost", "критерии-оценивания"), null)
            .json()
            .getString("html");
    assertThat(Jsoup.parse(criteria).select("table")).isNotEmpty();
    assertThat(Jsoup.parse(criteria).select("sup a[href^='#fn']")).isNotEmpty();
    String garden =
        api.get(Api.page("proekty-nachalnaya-shkola", "огород-на-подоконнике"), login("orlova"))
            .json()
            .getString("html");
    assertThat(Jsoup.parse(garden).select("input[type=checkbox]")).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void eachCommunityHasThisYearsPlanWithPastItemsDoneOrOverdueAndLaterOnesPlanned()
      throws SQLException {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
    Set<String> states = new HashSet<>();
    long doneResponsible = 0;
    for (String community : COMMUNITIES) {
      JsonObject plan = api.get("/api" + Api.path("communities", community, "plan"), null).json();
      JsonArray items = plan.getJsonArray("items");
      assertThat(items.size()).as(community).isBetween(8, 12);
      for (Object o : items) {
        JsonObject item = (JsonObject) o;
        String status = item.getString("status");
        states.add(item.getBoolean("overdue") ? "overdue" : status);
        LocalDate due = LocalDate.parse(item.getString("due"));
        LocalDate starts = LocalDate.parse(item.getString("starts"));
        if (due.isBefore(today)) {
          assertThat(
                  status.equals("done") || status.equals("cancelled") || item.getBoolean("overdue"))
              .as(item.encode())
              .isTrue();
        } else if (starts.isAfter(today)) {
          assertThat(status).as(item.encode()).isIn("planned", "cancelled");
        }
        if (status.equals("done")) {
          doneResponsible += item.getJsonArray("responsible").size();
        }
      }
    }
    assertThat(states).contains("planned", "cancelled");
    if (today.isAfter(AcademicYear.containing(today).first().plusDays(80))) {
      assertThat(states).as("a quarter into the year").contains("done", "overdue", "in-progress");
    }
    assertThat(
            count(
                "SELECT count(*) FROM contributions c JOIN plan_items i ON i.id = c.plan_item_id"
                    + " WHERE c.kind = 'plan_item' AND i.year = '"
                    + AcademicYear.containing(today).label()
                    + "'"))
        .isEqualTo(doneResponsible);
  }

  @Test
  void theDemoHasEditsWaitingForReviewAPageSentForReviewARenamedAndARetiredPage() {
    String moderator = login("morozova");
    String reading = Api.page("funkcionalnaya-gramotnost", "читательская-грамотность");
    // Three teachers' edits after the review: the public reads the reviewed text.
    JsonObject visitor = api.get(reading, null).json();
    JsonObject member = api.get(reading, login("kuznetsova")).json();
    assertThat(member.getInteger("revision")).isEqualTo(visitor.getInteger("revision") + 3);
    assertThat(visitor.getString("markdown")).doesNotContain("Вопросы к схеме");
    assertThat(member.getString("markdown")).contains("Вопросы к схеме").contains("СОШ № 3");
    JsonArray queue = api.get("/api/review-queue", moderator).items();
    assertThat(queue.stream().map(i -> ((JsonObject) i).getString("slug")))
        .contains("читательская-грамотность");
    // The project waits for review with the teacher's note, in its moderator's queue.
    JsonObject garden =
        api.get("/api/review-queue", login("volkova")).items().stream()
            .map(JsonObject.class::cast)
            .filter(i -> i.getString("slug").equals("огород-на-подоконнике"))
            .findFirst()
            .orElseThrow();
    assertThat(garden.getString("status")).isEqualTo("review");
    assertThat(garden.getJsonObject("request").getString("note")).contains("Просим проверить");
    // Renamed: the old address leads to the new one.
    String sokolov = login("sokolov");
    var old = api.get(Api.page("nastavnichestvo", "дневник-наставляемого"), sokolov);
    assertThat(old.status()).isEqualTo(301);
    assertThat(
            api.get(Api.page("nastavnichestvo", "дневник-молодого-педагога"), sokolov)
                .json()
                .getString("title"))
        .isEqualTo("Дневник молодого педагога");
    // Retired: kept for the community, gone for everyone else.
    String oldPlan = Api.page("funkcionalnaya-gramotnost", "план-работы-2025-2026");
    var retired = api.get(oldPlan, login("ivanova"));
    assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
    assertThat(retired.json().getString("status")).isEqualTo("archived");
    assertThat(api.get(oldPlan, null).status()).isEqualTo(404);
    // Recent changes carry the marks.
    String changes = api.get("/api/changes?limit=200", moderator).text();
    assertThat(changes).contains("\"renamed\"").contains("\"retired\"").contains("\"reviewed\"");
  }

  @Test
  void eachCommunitysPagesAreArrangedIntoSectionsWithAPageLeftOutside() {
    String member = login("ivanova");
    for (String community :
        List.of("funkcionalnaya-gramotnost", "proekty-nachalnaya-shkola", "nastavnichestvo")) {
      JsonObject structure =
          api.get("/api" + Api.path("communities", community, "structure"), member).json();
      assertThat(structure.getInteger("version")).as(community).isEqualTo(1);
      assertThat(structure.getJsonArray("tree")).as(community).isNotEmpty();
    }
    JsonObject mentoring = api.get("/api/communities/nastavnichestvo/structure", member).json();
    JsonObject section = mentoring.getJsonArray("tree").getJsonObject(0);
    assertThat(section.getString("slug")).isEqualTo("программа-наставничества");
    assertThat(section.getJsonArray("children")).hasSize(2);
    assertThat(
            mentoring.getJsonArray("unplaced").stream()
                .map(p -> ((JsonObject) p).getString("slug")))
        .contains("дневник-молодого-педагога");
    // A visitor does not see the draft plan at the top of the tree.
    JsonObject literacy =
        api.get("/api/communities/funkcionalnaya-gramotnost/structure", null).json();
    assertThat(literacy.encode()).doesNotContain("план-работы");
    assertThat(literacy.getJsonArray("tree").getJsonObject(0).getString("slug"))
        .isEqualTo("банк-заданий-математика");
  }

  @Test
  void everyCommunityHasALivingEvaluationOfThePastAcademicYear() {
    String admin = fx().adminToken();
    for (String community : COMMUNITIES) {
      JsonObject e =
          api.get(
                  "/api"
                      + Api.path("communities", community, "evaluation")
                      + "?from=2025-09-01&to=2026-09-01",
                  admin)
              .json();
      JsonObject people = e.getJsonObject("participants");
      assertThat(people.getInteger("active")).as(community).isPositive();
      assertThat(people.getInteger("joined")).as(community).isPositive();
      assertThat(e.getJsonObject("tasks").getInteger("done")).as(community).isPositive();
      assertThat(e.getJsonObject("tasks").getInteger("cancelled")).as(community).isPositive();
      JsonObject results = e.getJsonObject("results");
      assertThat(results.getInteger("published")).as(community).isGreaterThanOrEqualTo(2);
      assertThat(results.getLong("views")).as(community).isPositive();
    }
    JsonObject literacy =
        api.get(
                "/api"
                    + Api.path("communities", "funkcionalnaya-gramotnost", "evaluation")
                    + "?from=2025-09-01&to=2026-09-01",
                null)
            .json();
    assertThat(literacy.getJsonObject("results").getInteger("citations")).isGreaterThanOrEqualTo(2);
    assertThat(literacy.getJsonObject("tasks").getJsonObject("assessment").getInteger("solution"))
        .isEqualTo(4);
    JsonObject now =
        api.get("/api" + Api.path("communities", "proekty-nachalnaya-shkola", "evaluation"), admin)
            .json();
    assertThat(now.getJsonObject("participants").getInteger("left")).isPositive();
    assertThat(now.getJsonObject("results").getInteger("published")).isPositive();
  }

  @Test
  void aCommunityHasAPastMeetingWithAttendanceAndMinutesAndTwoToCome() {
    String member = login("ivanova");
    String base = "/api" + Api.path("communities", "funkcionalnaya-gramotnost", "meetings");
    JsonObject list = api.get(base, member).json();
    JsonArray upcoming = list.getJsonArray("upcoming");
    assertThat(upcoming).hasSize(2);
    JsonObject remote =
        upcoming.stream()
            .map(JsonObject.class::cast)
            .filter(m -> m.getString("form").equals("remote"))
            .findFirst()
            .orElseThrow();
    assertThat(remote.getString("link")).startsWith("https://");
    assertThat(api.get(base, null).text()).doesNotContain(remote.getString("link"));
    JsonObject past = list.getJsonArray("past").getJsonObject(0);
    assertThat(past.getString("minutesPage")).isEqualTo("протокол-заседания-2026-03-25");
    JsonObject attendance = api.get(base + "/" + past.getLong("id") + "/attendance", member).json();
    assertThat(attendance.getJsonArray("attendees")).hasSize(3);
    JsonObject participants =
        api.get(
                "/api"
                    + Api.path(
                        "communities", "funkcionalnaya-gramotnost", "evaluation", "participants")
                    + "?from=2025-09-01&to=2026-09-01",
                fx().adminToken())
            .json();
    int meetings =
        participants.getJsonArray("participants").stream()
            .map(JsonObject.class::cast)
            .mapToInt(p -> p.getJsonObject("contributions").getInteger("meeting"))
            .sum();
    // Иванова and Петров; Кузнецова was taken off the list.
    assertThat(meetings).isEqualTo(2);
  }

  @Test
  void demoUsersLogInWithTheDocumentedPassword() {
    JsonObject me = api.get("/api/users/me", login("smirnova")).json();
    assertThat(me.getString("institution"))
        .isEqualTo("МБОУ «Средняя общеобразовательная школа № 3»");
    assertThat(me.getJsonArray("memberships")).hasSize(1);
  }

  @Test
  void theCentreIssuedTwoOrdersAndTwoChangesWaitForTheNext() {
    String admin = fx().adminToken();
    JsonArray orders = api.get("/api/orders", admin).items();
    assertThat(orders.stream().map(o -> ((JsonObject) o).getString("number")))
        .containsExactly("152-од", "131-од");
    JsonArray pending = api.get("/api/orders/pending", admin).items();
    List<String> waiting =
        pending.stream()
            .map(JsonObject.class::cast)
            .flatMap(
                c ->
                    c.getJsonArray("changes").stream()
                        .map(JsonObject.class::cast)
                        .map(
                            change ->
                                c.getString("slug")
                                    + " "
                                    + change.getString("kind")
                                    + " "
                                    + change.getJsonObject("person").getString("login")))
            .toList();
    assertThat(waiting)
        .containsExactlyInAnyOrder(
            "proekty-nachalnaya-shkola joined petrov", "nastavnichestvo left lebedeva");
    JsonArray history =
        api.get("/api/communities/funkcionalnaya-gramotnost/members/history", admin).items();
    Map<String, String> orderOf = new HashMap<>();
    history.forEach(
        p -> {
          JsonObject period = (JsonObject) p;
          orderOf.put(
              period.getString("login") + " " + period.getString("role"),
              period.getJsonObject("order").getString("number"));
        });
    assertThat(orderOf)
        .containsEntry("ivanova member", "112-од")
        .containsEntry("sokolov member", "131-од")
        .containsEntry("volkova moderator", "152-од");
  }

  @Test
  void aPublishedPageHasADiscussionWithRepliesAndAResolvedReport() throws SQLException {
    var discussion =
        api.get(Api.page("funkcionalnaya-gramotnost", "критерии-оценивания", "comments"), null)
            .json();
    var items = discussion.getJsonArray("items");
    assertThat(
            items.stream()
                .filter(o -> ((io.vertx.core.json.JsonObject) o).getValue("replyTo") != null))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(items.stream().map(o -> ((io.vertx.core.json.JsonObject) o).getString("state")))
        .contains("visible", "hidden");
    assertThat(items.encode()).doesNotContain("8-900");
    assertThat(
            count("SELECT count(*) FROM reports WHERE status = 'resolved' AND action = 'hidden'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM contributions WHERE kind = 'comment'"))
        .isEqualTo(count("SELECT count(*) FROM comments"));
  }

  @Test
  void runningTheSeedAgainAddsNothing() throws SQLException {
    List<String> tables =
        List.of(
            "communities",
            "pages",
            "revisions",
            "users",
            "memberships",
            "contributions",
            "plan_items",
            "plan_item_versions",
            "orders",
            "order_items");
    Map<String, Long> before = new HashMap<>();
    for (String table : tables) {
      before.put(table, count("SELECT count(*) FROM " + table));
    }
    demoSeed(app.app()).run().await();
    for (String table : tables) {
      assertThat(count("SELECT count(*) FROM " + table)).as(table).isEqualTo(before.get(table));
    }
    assertThat(before.get("pages")).isGreaterThanOrEqualTo(12);
    // One ledger row per revision: a page's first as its creation, the others as revisions.
    assertThat(
            count("SELECT count(*) FROM contributions WHERE kind IN ('revision', 'page_created')"))
        .isEqualTo(before.get("revisions"));
    assertThat(count("SELECT count(*) FROM contributions WHERE kind = 'page_created'"))
        .isEqualTo(before.get("pages"));
    assertThat(count("SELECT count(*) FROM app_state WHERE key = 'demo_seeded'")).isEqualTo(1);
  }

  @Test
  void aDatabaseWithItsOwnCommunitiesGetsNoDemo() throws SQLException {
    try (TestApp other = TestApp.start(Map.of())) {
      new Fixtures(other).community();
      demoSeed(other.app()).run().await();
      assertThat(countIn(other, "SELECT count(*) FROM communities")).isEqualTo(1);
      assertThat(countIn(other, "SELECT count(*) FROM pages")).isZero();
      assertThat(countIn(other, "SELECT count(*) FROM users WHERE login = 'morozova'")).isZero();
      assertThat(countIn(other, "SELECT count(*) FROM app_state WHERE key = 'demo_seeded'"))
          .isZero();
    }
  }

  @Test
  void aDatabaseWhereDemoLoginsAreTakenGetsNoDemo() throws SQLException {
    try (TestApp other = TestApp.start(Map.of())) {
      var created =
          other
              .api()
              .post(
                  "/api/users",
                  new Fixtures(other).adminToken(),
                  new JsonObject()
                      .put("login", "ivanova")
                      .put("password", "her-own-password")
                      .put("name", "Ирина Ивановна Иванова"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      demoSeed(other.app()).run().await();
      assertThat(countIn(other, "SELECT count(*) FROM users")).isEqualTo(2);
      assertThat(countIn(other, "SELECT count(*) FROM institutions")).isZero();
    }
  }

  private static long countIn(TestApp server, String sql) throws SQLException {
    try (Connection c = server.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void twoIndependentExpertsReviewedOneCommunitysYearAndDisagreeOnNovelty() {
    String admin = fx().adminToken();
    JsonArray experts = api.get("/api/experts", admin).items();
    assertThat(experts.stream().map(e -> ((JsonObject) e).getString("login")).toList())
        .containsExactlyInAnyOrder("zaitseva", "belov");
    var composite =
        api.get(
                "/api/communities/funkcionalnaya-gramotnost/expert-composite"
                    + "?from=2025-09-01&to=2026-09-01",
                login("morozova"))
            .json()
            .getJsonObject("experts");
    assertThat(composite.getInteger("reviews")).isEqualTo(2);
    List<String> disagreements =
        composite.getJsonArray("criteria").stream()
            .map(c -> (JsonObject) c)
            .filter(c -> c.getBoolean("disagreement"))
            .map(c -> c.getString("title"))
            .toList();
    assertThat(disagreements).containsExactly("Новизна");
    assertThat(composite.getJsonObject("recommendations"))
        .isEqualTo(new JsonObject().put("recommend", 1).put("revise", 1).put("reject", 0));
    JsonArray mine = api.get("/api/expert-reviews", login("zaitseva")).items();
    assertThat(mine.stream().map(a -> ((JsonObject) a).getString("status")).toList())
        .containsExactlyInAnyOrder("submitted", "pending");
  }

  private static Fixtures fx() {
    return new Fixtures(app);
  }

  private static String login(String login) {
    return fx().login(login, "demo12345");
  }

  private static DemoSeed demoSeed(ru.metodichka.Application app) {
    var parts = app.parts();
    return new DemoSeed(
        parts.pool(),
        parts.users(),
        parts.communities(),
        parts.pages(),
        parts.reviews(),
        parts.lifecycle(),
        parts.plans(),
        parts.structures(),
        parts.experts(),
        parts.expertReviews(),
        parts.meetings());
  }
}
