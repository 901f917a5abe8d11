package ru.metodichka.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** The dashboard, its records, the assessment form and the administrators' overview. */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationScreensIT {
  private Fixtures fx;
  private Fixtures.Team team;
  private String base;

  @BeforeAll
  void setUp(Fixtures fx) {
    this.fx = fx;
    team = fx.team();
    fx.save(team.community(), "урок", team.member().token(), "Урок <b>жирный</b>", "Текст", 0);
    var published =
        fx.api()
            .post(Api.page(team.community(), "урок", "publish"), team.moderator().token(), null);
    assertThat(published.status()).isEqualTo(200);
    base = "/c/" + team.community() + "/evaluation";
  }

  @Test
  void theModeratorSeesFiguresChartsWithTablesFormsAndFiles() {
    WebSession moderator = WebSession.withToken(fx.api(), team.moderator().token());
    Document page = moderator.page(base);
    assertThat(page.select("#figures-participants td.number").first().text()).isEqualTo("1");
    assertThat(page.select("svg.chart")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(page.select("figure.chart-figure")).hasSize(5);
    assertThat(page.select("figure.chart-figure details table")).hasSize(5);
    assertThat(page.select("#assessment-form")).hasSize(1);
    assertThat(page.select("#export-pdf").attr("href")).contains("/evaluation.pdf?from=");
    assertThat(page.select(".presets a")).hasSizeGreaterThan(15);
    assertThat(page.select(".presets a[aria-current=true]").text()).contains("учебный год");
    // Titles are text in the SVG and the tables, never markup.
    assertThat(page.select("b")).isEmpty();
    assertThat(page.select("script:not([src])")).isEmpty();
    Document records = moderator.page(page.select("#records-link").attr("href"));
    assertThat(records.select("#participants-table tbody tr")).hasSize(1);
    assertThat(records.select("#results-table tbody tr").text()).contains("Урок <b>жирный</b>");
  }

  @Test
  void anAssessmentIsWrittenThroughTheFormAndABadOneShowsWhy() {
    WebSession moderator = WebSession.withToken(fx.api(), team.moderator().token());
    Document page = moderator.page(base + "?from=2025-09-01&to=2026-09-01");
    var bad =
        moderator.postForm(
            base + "/assessments",
            Map.of(
                "from",
                "2025-09-01",
                "to",
                "2026-09-01",
                "relevance",
                "7",
                "solution",
                "3",
                "text",
                ""));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.document().select("#assessment-relevance-error")).hasSize(1);
    assertThat(bad.document().select("#assessment-text-error")).hasSize(1);
    var saved =
        moderator.postForm(
            base + "/assessments",
            Map.of(
                "from", "2025-09-01",
                "to", "2026-09-01",
                "relevance", "5",
                "solution", "4",
                "text", "Год удачный."));
    assertThat(saved.status()).isEqualTo(303);
    Document after = moderator.page(saved.location());
    assertThat(after.select("#evaluation-notice")).hasSize(1);
    assertThat(after.select(".assessment-text").text()).isEqualTo("Год удачный.");
    assertThat(page).isNotNull();
  }

  @Test
  void aPublicSummaryShowsFiguresToVisitorsWithoutNamesFormsOrFiles() {
    WebSession moderator = WebSession.withToken(fx.api(), team.moderator().token());
    moderator.page(base);
    var opened = moderator.postForm(base + "/publicity", Map.of("public", "true"));
    assertThat(opened.status()).isEqualTo(303);
    try {
      WebSession visitor = new WebSession(fx.api());
      Document page = visitor.page(base);
      assertThat(page.select("#figures-participants")).hasSize(1);
      assertThat(page.select("#assessment-form, #publicity-form, #exports, #charts")).isEmpty();
      assertThat(page.select("#figures-participants a")).isEmpty();
      assertThat(page.text()).doesNotContain(team.member().login());
      visitor.page(base + "/records", 401);
    } finally {
      moderator.page(base);
      moderator.postForm(base + "/publicity", Map.of("public", "false"));
    }
    new WebSession(fx.api()).page(base, 401);
  }

  @Test
  void administratorsSeeEveryCommunitySortedOnTheServer() {
    WebSession admin = WebSession.withToken(fx.api(), fx.adminToken());
    Document page = admin.page("/admin/evaluation?sort=active&dir=desc");
    assertThat(page.select("#overview-table th[aria-sort=descending]").text()).contains("Активных");
    assertThat(page.select("#overview-table tbody a").eachText())
        .contains("Сообщество " + team.community());
    Document byName = admin.page("/admin/evaluation");
    assertThat(byName.select("#overview-table thead a").first().attr("href")).contains("sort=name");
  }
}
