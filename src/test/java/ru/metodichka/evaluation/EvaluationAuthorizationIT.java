package ru.metodichka.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/**
 * Who reads and writes the evaluation: the community's moderators and administrators; everyone
 * reads the figures (never the names behind them) once a moderator made the summary public; the
 * overview is the administrators'. Every route, every audience.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationAuthorizationIT {
  private static final String PERIOD = "?from=2025-09-01&to=2026-09-01";
  private Api api;
  private Audiences audiences;
  private String base;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    api = fx.api();
    audiences = Audiences.create(fx, app);
    base = "/api" + Api.path("communities", audiences.community());
  }

  private static int expected(Audience audience, int allowed) {
    return audience.moderator() ? allowed : Audiences.refused(audience);
  }

  private List<String> details() {
    return List.of(
        "/evaluation/participants",
        "/evaluation/results",
        "/evaluation/views",
        "/evaluation/citations",
        "/evaluation/tasks",
        "/assessments",
        "/evaluation.csv",
        "/evaluation.xlsx",
        "/evaluation.pdf");
  }

  @Test
  void onlyModeratorsAndAdministratorsReadTheEvaluationAndWhatIsBehindIt() {
    for (Audience audience : Audience.values()) {
      for (String path : concat("/evaluation", details())) {
        var answer = api.get(base + path + PERIOD, audiences.token(audience));
        assertThat(answer.status()).as(audience + " " + path).isEqualTo(expected(audience, 200));
      }
    }
  }

  @Test
  void onlyModeratorsAndAdministratorsAssessAndOpenTheSummary() {
    JsonObject assessment =
        new JsonObject()
            .put("from", "2025-09-01")
            .put("to", "2026-09-01")
            .put("relevance", 4)
            .put("solution", 4)
            .put("text", "Оценка");
    for (Audience audience : Audience.values()) {
      var assessed = api.post(base + "/assessments", audiences.token(audience), assessment);
      assertThat(assessed.status()).as(audience.name()).isEqualTo(expected(audience, 201));
    }
    var kept = api.get(base + "/assessments" + PERIOD, audiences.token(Audience.MODERATOR));
    assertThat(kept.json().getJsonArray("assessments")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void aPublicSummaryIsReadByEveryoneAndItsDetailsStayWithModerators() {
    for (Audience audience : Audience.values()) {
      var answer =
          api.put(
              base + "/evaluation/publicity",
              audiences.token(audience),
              new JsonObject().put("public", !audience.moderator()));
      assertThat(answer.status()).as(audience.name()).isEqualTo(expected(audience, 200));
    }
    // The administrator came last and closed it; the moderator opens it.
    var opened =
        api.put(
            base + "/evaluation/publicity",
            audiences.token(Audience.MODERATOR),
            new JsonObject().put("public", true));
    assertThat(opened.json().getString("by")).isEqualTo(audiences.login(Audience.MODERATOR));
    try {
      for (Audience audience : Audience.values()) {
        var summary = api.get(base + "/evaluation" + PERIOD, audiences.token(audience));
        assertThat(summary.status()).as(audience.name()).isEqualTo(200);
        assertThat(summary.text()).doesNotContain(audiences.login(Audience.MEMBER));
        for (String path : details()) {
          var detail = api.get(base + path + PERIOD, audiences.token(audience));
          assertThat(detail.status()).as(audience + " " + path).isEqualTo(expected(audience, 200));
        }
      }
    } finally {
      var closed =
          api.put(
              base + "/evaluation/publicity",
              audiences.token(Audience.MODERATOR),
              new JsonObject().put("public", false));
      assertThat(closed.status()).isEqualTo(200);
    }
  }

  @Test
  void onlyAdministratorsReadTheOverview() {
    for (Audience audience : Audience.values()) {
      for (String path : List.of("/api/evaluation", "/api/evaluation.csv", "/api/evaluation.pdf")) {
        var answer = api.get(path + PERIOD, audiences.token(audience));
        int allowed = audience == Audience.ADMINISTRATOR ? 200 : Audiences.refused(audience);
        assertThat(answer.status()).as(audience + " " + path).isEqualTo(allowed);
      }
    }
  }

  @Test
  void onlyModeratorsAndAdministratorsUseTheScreens() {
    String screen = "/c/" + audiences.community() + "/evaluation";
    for (Audience audience : Audience.values()) {
      WebSession browser = browser(audience);
      for (String path : List.of(screen + PERIOD, screen + "/records" + PERIOD)) {
        assertThat(browser.get(path).status())
            .as(audience + " " + path)
            .isEqualTo(expected(audience, 200));
      }
      int admin = audience == Audience.ADMINISTRATOR ? 200 : Audiences.refused(audience);
      assertThat(browser.get("/admin/evaluation").status()).as(audience.name()).isEqualTo(admin);
      var assessed =
          browser.postForm(
              screen + "/assessments",
              java.util.Map.of(
                  "from",
                  "2025-09-01",
                  "to",
                  "2026-09-01",
                  "relevance",
                  "3",
                  "solution",
                  "3",
                  "text",
                  "Оценка"));
      assertThat(assessed.status()).as(audience + " assess").isEqualTo(expected(audience, 303));
      var closed = browser.postForm(screen + "/publicity", java.util.Map.of("public", "false"));
      assertThat(closed.status()).as(audience + " publicity").isEqualTo(expected(audience, 303));
    }
  }

  private WebSession browser(Audience audience) {
    String token = audiences.token(audience);
    return token == null ? new WebSession(api) : WebSession.withToken(api, token);
  }

  private static List<String> concat(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
        .toList();
  }
}
