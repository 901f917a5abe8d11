package ru.metodichka.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.evaluation.Backdated.at;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * A community's first quarter of 2024 set up record by record, and every figure of its evaluation
 * counted here by hand from that set-up (not by the server's SQL). The period is [1 January 2024, 1
 * April 2024) in Moscow time, 91 days; the previous period is [2 October 2023, 1 January 2024).
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationIT {
  static final String PERIOD = "from=2024-01-01&to=2024-04-01";
  private Api api;
  private Fixtures fx;
  private String community;
  private String other;
  private String moderatorToken;
  private Fixtures.TestUser anna;

  @BeforeAll
  void setUp(TestApp app, Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    community = fx.community();
    other = fx.community();
    Backdated c = new Backdated(app, community);
    anna = fx.user("Анна");
    var boris = fx.user("Борис");
    var dina = fx.user("Дина");
    var elena = fx.user("Елена");
    var gleb = fx.user("Глеб");
    var hanna = fx.user("Ханна");
    var fedor = fx.methodist("Фёдор");
    moderatorToken = fedor.token();

    // Anna: a member all along; in the period 4 revisions, 1 new page, 1 plan item done (6), a
    // review (not a contribution), and rows on both sides of the boundary (one counted).
    c.membership(anna.login(), "member", at("2023-09-01 10:00"), null);
    c.contributions(anna.login(), "revision", at("2024-01-01 00:00"), 1);
    c.contributions(anna.login(), "revision", at("2024-02-10 12:00"), 3);
    c.contributions(anna.login(), "page_created", at("2024-02-11 12:00"), 1);
    c.contributions(anna.login(), "plan_item", at("2024-03-31 23:59"), 1);
    c.contributions(anna.login(), "review", at("2024-03-01 12:00"), 1);
    c.contributions(anna.login(), "revision", at("2024-04-01 00:00"), 1);
    c.contributions(anna.login(), "revision", at("2023-11-10 12:00"), 1);
    // Boris left in the middle of the period, after 2 revisions in it.
    c.membership(boris.login(), "member", at("2023-09-01 10:00"), at("2024-02-15 10:00"));
    c.contributions(boris.login(), "revision", at("2024-01-20 12:00"), 2);
    // Dina joined within the period and made one contribution.
    c.membership(dina.login(), "member", at("2024-03-10 10:00"), null);
    c.contributions(dina.login(), "upload", at("2024-03-20 12:00"), 1);
    // Elena: a member with nothing in the period, 3 contributions in the previous one.
    c.membership(elena.login(), "member", at("2023-09-01 10:00"), null);
    c.contributions(elena.login(), "revision", at("2023-12-01 12:00"), 3);
    // Gleb left before the period; a plan item of his done in it does not make him a participant.
    c.membership(gleb.login(), "member", at("2023-09-01 10:00"), at("2023-12-01 10:00"));
    c.contributions(gleb.login(), "plan_item", at("2024-01-05 12:00"), 1);
    // Hanna joins at the very end of the period (not included).
    c.membership(hanna.login(), "member", at("2024-04-01 00:00"), null);
    c.contributions(hanna.login(), "revision", at("2024-04-02 12:00"), 1);
    // Fedor, the moderator, edits a lot: moderators are never counted as participants.
    c.membership(fedor.login(), "moderator", at("2023-09-01 10:00"), null);
    c.contributions(fedor.login(), "revision", at("2024-02-01 12:00"), 10);

    plan(c);
    results(app, c);
  }

  /**
   * Plan items of 2023/24 as they stood on 1 April 2024 (see {@link #tasksAsThePlanStoodAtTheEnd}).
   */
  private static void plan(Backdated c) {
    long t1 = c.planItem("2023/24");
    c.planVersion(t1, 1, at("2023-09-10 10:00"), "Семинар", LocalDate.of(2024, 2, 10), "planned");
    c.planVersion(t1, 2, at("2024-02-11 10:00"), "Семинар", LocalDate.of(2024, 2, 10), "done");
    long t2 = c.planItem("2023/24");
    c.planVersion(t2, 1, at("2023-09-10 10:00"), "Конкурс", LocalDate.of(2024, 3, 1), "planned");
    c.planVersion(t2, 2, at("2024-01-15 10:00"), "Конкурс", LocalDate.of(2024, 3, 1), "cancelled");
    long t3 = c.planItem("2023/24");
    c.planVersion(
        t3, 1, at("2023-09-10 10:00"), "Сборник", LocalDate.of(2024, 3, 31), "in-progress");
    long t4 = c.planItem("2023/24");
    c.planVersion(t4, 1, at("2023-09-10 10:00"), "Вебинар", LocalDate.of(2024, 2, 20), "planned");
    c.planVersion(t4, 2, at("2024-05-01 10:00"), "Вебинар", LocalDate.of(2024, 2, 20), "done");
    long t5 = c.planItem("2023/24");
    c.planVersion(t5, 1, at("2023-09-10 10:00"), "Отчёт", LocalDate.of(2024, 4, 1), "planned");
    long t6 = c.planItem("2023/24");
    c.planVersion(t6, 1, at("2023-12-20 10:00"), "Открытие", LocalDate.of(2024, 1, 1), "done");
    long t7 = c.planItem("2023/24");
    c.planVersion(
        t7, 1, at("2023-09-10 10:00"), "Перенесённое", LocalDate.of(2023, 12, 20), "planned");
    c.planVersion(
        t7, 2, at("2024-01-10 10:00"), "Перенесённое", LocalDate.of(2024, 2, 1), "planned");
    long t8 = c.planItem("2023/24");
    c.planVersion(t8, 1, at("2023-09-10 10:00"), "Отложенное", LocalDate.of(2024, 2, 5), "planned");
    c.planVersion(t8, 2, at("2024-02-01 10:00"), "Отложенное", LocalDate.of(2024, 5, 1), "planned");
  }

  /** Pages, their publications, views and links (see {@link #resultsAndDemand}). */
  private void results(TestApp app, Backdated c) {
    page(community, "r1", "Практика первая", "practice", "Текст", anna.token());
    page(community, "r2", "Статья вторая", "article", "Текст", anna.token());
    page(community, "r3", "Разработка третья", "methodological-development", "Текст", anna.token());
    page(community, "r4", "Проект четвёртый", "project", "Текст", anna.token());
    page(community, "r5", "Ресурс пятый", "resource", "Текст", anna.token());
    page(community, "inner", "Своя ссылка", "other", "См. [[Разработка третья]]", anna.token());
    for (String slug : List.of("r1", "r2", "r3", "r4", "r5", "inner")) {
      publish(community, slug);
    }
    unpublish(community, "r4");
    c.published("r1", at("2024-02-01 12:00"));
    c.published("r2", at("2023-12-15 12:00"));
    c.published("r2", at("2024-02-20 12:00"));
    c.published("r3", at("2024-03-05 12:00"));
    c.published("r4", at("2024-03-15 12:00"));
    c.published("r5", at("2024-04-01 00:00"));
    c.views("r1", LocalDate.of(2023, 12, 31), 100);
    c.views("r1", LocalDate.of(2024, 1, 1), 7);
    c.views("r1", LocalDate.of(2024, 3, 31), 5);
    c.views("r1", LocalDate.of(2024, 4, 1), 50);
    c.views("r2", LocalDate.of(2024, 2, 2), 3);
    c.views("r4", LocalDate.of(2024, 3, 16), 40);

    var writer = fx.user("Автор другого сообщества");
    fx.join(other, writer, "member");
    String to = community + ":";
    page(
        other,
        "o1",
        "Ссылается на первую",
        "article",
        "[[" + to + "Практика первая]]",
        writer.token());
    page(
        other,
        "o2",
        "Ссылается на две",
        "article",
        "[[" + to + "r1]] и [[" + to + "Разработка третья]]",
        writer.token());
    page(
        other,
        "o3",
        "Черновик со ссылкой",
        "article",
        "[[" + to + "Практика первая]]",
        writer.token());
    page(other, "o4", "На снятую", "article", "[[" + to + "Проект четвёртый]]", writer.token());
    publish(other, "o1");
    publish(other, "o2");
    publish(other, "o4");
  }

  private void page(String c, String slug, String title, String kind, String text, String token) {
    var saved =
        api.put(
            Api.page(c, slug),
            token,
            new JsonObject().put("title", title).put("markdown", text).put("kind", kind));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
  }

  private void publish(String c, String slug) {
    var answer = api.post(Api.page(c, slug, "publish"), fx.adminToken(), null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  private void unpublish(String c, String slug) {
    var answer = api.post(Api.page(c, slug, "unpublish"), fx.adminToken(), null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  private JsonObject get(String path) {
    var answer = api.get("/api" + Api.path("communities", community) + path, moderatorToken);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void participantsCountedByHand() {
    JsonObject p = get("/evaluation?" + PERIOD).getJsonObject("participants");
    // At the end: Anna, Dina, Elena (Boris left; Gleb left before; Hanna joins at the end).
    assertThat(p.getInteger("members")).isEqualTo(3);
    assertThat(p.getInteger("joined")).as("Dina").isEqualTo(1);
    assertThat(p.getInteger("left")).as("Boris").isEqualTo(1);
    // Active: Anna (6), Boris (2, before he left), Dina (1); not Elena (0), not Fedor (moderator).
    assertThat(p.getInteger("active")).isEqualTo(3);
    assertThat(p.getInteger("activeFive")).as("Anna").isEqualTo(1);
    // Before: Anna (1 on 10 November) and Elena (3); Gleb was a member then with none.
    assertThat(p.getInteger("activePrevious")).isEqualTo(2);
    assertThat(p.getInteger("growth")).isEqualTo(1);
    assertThat(p.getDouble("growthPercent")).isEqualTo(50.0);
  }

  @Test
  void theDrillDownListsEachParticipantWithTheirContributions() {
    JsonObject list = get("/evaluation/participants?" + PERIOD);
    Map<String, JsonObject> byLogin =
        list.getJsonArray("participants").stream()
            .map(JsonObject.class::cast)
            .collect(Collectors.toMap(o -> o.getString("login"), o -> o));
    assertThat(byLogin).hasSize(4).doesNotContainKey("admin");
    JsonObject a = byLogin.get(anna.login());
    assertThat(a.getInteger("total")).isEqualTo(6);
    assertThat(a.getJsonObject("contributions").getInteger("revision")).isEqualTo(4);
    assertThat(a.getJsonObject("contributions").getInteger("page_created")).isEqualTo(1);
    assertThat(a.getJsonObject("contributions").getInteger("plan_item")).isEqualTo(1);
    assertThat(a.getJsonObject("contributions").containsKey("review")).isFalse();
    assertThat(a.getBoolean("active")).isTrue();
    assertThat(byLogin.values().stream().filter(o -> o.getBoolean("active")).count()).isEqualTo(3);
    assertThat(list.getJsonArray("moderators").getJsonObject(0).getString("name"))
        .isEqualTo("Фёдор");
  }

  @Test
  void tasksAsThePlanStoodAtTheEnd() {
    JsonObject t = get("/evaluation?" + PERIOD).getJsonObject("tasks");
    // Due in the period as of 1 April: Семинар (done), Конкурс (cancelled), Сборник, Вебинар (done
    // only in May), Открытие (1 January, done), Перенесённое (moved into the period). Not: Отчёт
    // (1 April), Отложенное (moved out).
    assertThat(t.getInteger("planned")).isEqualTo(6);
    assertThat(t.getInteger("done")).isEqualTo(2);
    assertThat(t.getInteger("cancelled")).isEqualTo(1);
    assertThat(t.getDouble("completionPercent")).isEqualTo(40.0);
    JsonArray items = get("/evaluation/tasks?" + PERIOD).getJsonArray("items");
    assertThat(items.stream().map(o -> ((JsonObject) o).getString("title")))
        .containsExactly("Открытие", "Перенесённое", "Семинар", "Вебинар", "Конкурс", "Сборник");
  }

  @Test
  void resultsAndDemand() {
    JsonObject r = get("/evaluation?" + PERIOD).getJsonObject("results");
    // First published in the period and published now: r1 (1 February), r3 (5 March). Not r2
    // (first in December, again in February), r4 (withdrawn since), r5 (at the end, 1 April).
    assertThat(r.getInteger("published")).isEqualTo(2);
    assertThat(r.getJsonObject("byKind").getMap())
        .isEqualTo(Map.of("practice", 1, "methodological-development", 1));
    assertThat(r.getInteger("kindsUsed")).isEqualTo(2);
    // r1 on 1 January (7) and 31 March (5), r2 on 2 February (3); not r1's 31 December and
    // 1 April, not the withdrawn r4.
    assertThat(r.getLong("views")).isEqualTo(15);
    // o1 and o2 (once, though it cites two pages); not the draft o3, not o4 (cites a withdrawn
    // page), not the community's own page.
    assertThat(r.getInteger("citations")).isEqualTo(2);
    assertThat(r.getLong("downloads")).isZero();
    assertThat(r.getLong("comments")).isZero();
    JsonArray results = get("/evaluation/results?" + PERIOD).getJsonArray("items");
    assertThat(results.stream().map(o -> ((JsonObject) o).getString("slug")))
        .containsExactly("r1", "r3");
    JsonObject citations = get("/evaluation/citations?" + PERIOD);
    assertThat(citations.getInteger("pages")).isEqualTo(2);
    assertThat(
            citations.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("slug")))
        .containsExactlyInAnyOrder("o1", "o2", "o2");
    JsonArray viewed = get("/evaluation/views?" + PERIOD).getJsonArray("items");
    assertThat(viewed.getJsonObject(0).getString("slug")).isEqualTo("r1");
    assertThat(viewed.getJsonObject(0).getLong("views")).isEqualTo(12);
  }

  @Test
  void anAssessmentIsKeptAndTheLatestCounts() {
    String period = "2024-01-01";
    JsonObject first =
        new JsonObject()
            .put("from", period)
            .put("to", "2024-04-01")
            .put("relevance", 4)
            .put("solution", 3)
            .put("text", "Направление актуально; см. пункт плана «Семинар».");
    String path = "/api" + Api.path("communities", community, "assessments");
    var created = api.post(path, moderatorToken, first);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var second =
        api.post(path, moderatorToken, first.copy().put("solution", 4).put("text", "Уточнено."));
    assertThat(second.status()).isEqualTo(201);
    JsonObject assessment =
        get("/evaluation?" + PERIOD).getJsonObject("tasks").getJsonObject("assessment");
    assertThat(assessment.getInteger("solution")).isEqualTo(4);
    assertThat(assessment.getString("text")).isEqualTo("Уточнено.");
    JsonArray all = get("/evaluation/tasks?" + PERIOD).getJsonArray("assessments");
    assertThat(all).hasSize(2);
    assertThat(all.getJsonObject(1).getString("text")).startsWith("Направление");
    // Another period has none.
    assertThat(
            get("/evaluation?from=2024-01-01&to=2024-02-01")
                .getJsonObject("tasks")
                .getValue("assessment"))
        .isNull();
  }

  @Test
  void badAssessmentsAreRefusedNamingEachField() {
    String path = "/api" + Api.path("communities", community, "assessments");
    var answer =
        api.post(
            path,
            moderatorToken,
            new JsonObject().put("from", "2024-04-01").put("to", "2024-01-01").put("relevance", 6));
    assertThat(answer.status()).isEqualTo(422);
    assertThat(
            answer.json().getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("field")))
        .contains("to", "relevance", "solution", "text");
  }

  @Test
  void aMalformedPeriodIs422() {
    var answer =
        api.get(
            "/api" + Api.path("communities", community) + "/evaluation?from=вчера&to=2024-01-01",
            moderatorToken);
    assertThat(answer.status()).isEqualTo(422);
  }
}
