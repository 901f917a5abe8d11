package ru.metodichka.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;
import ru.metodichka.render.SafeHtml;

/** The plan's screens over HTTP: the table, its filters, the forms and an item's history. */
@ExtendWith(AppExtension.class)
class PlanScreensIT {

  private static String planPath(String community, AcademicYear year) {
    return "/c" + Api.path(community) + "/plan?year=" + year.label();
  }

  private static Map<String, String> newItem(AcademicYear year, String title, String due) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("year", year.label());
    fields.put("title", title);
    fields.put("description", "Повестка: **итоги** четверти.");
    fields.put("form", "remote");
    fields.put("starts", year.first().plusMonths(1).toString());
    fields.put("due", due);
    fields.put("status", "planned");
    fields.put("outcome", "");
    fields.put("results", "");
    return fields;
  }

  @Test
  void aModeratorAddsAnItemThroughTheFormAndVisitorsReadTheTable(Fixtures fx) {
    var team = fx.team();
    AcademicYear year = Plans.future();
    String plan = planPath(team.community(), year);
    WebSession moderator = WebSession.withToken(fx.api(), team.moderator().token());
    Document form = moderator.page(plan);
    assertThat(form.getElementById("new-item-form")).isNotNull();
    Map<String, String> fields =
        newItem(year, "Заседание сообщества", year.first().plusMonths(1).plusDays(3).toString());
    fields.put("responsible", team.member().login());
    Api.Response created =
        moderator.postForm("/c" + Api.path(team.community()) + "/plan/items", fields);
    assertThat(created.status()).as(created.toString()).isEqualTo(303);
    assertThat(created.location()).contains("saved=created", "#item-");

    Document visitor = new WebSession(fx.api()).page(plan);
    assertThat(visitor.getElementById("new-item-form")).isNull();
    Element row = visitor.selectFirst("#plan-table tbody tr.plan-item");
    assertThat(row.selectFirst(".plan-title").text()).isEqualTo("Заседание сообщества");
    assertThat(row.select(".plan-description strong").text()).isEqualTo("итоги");
    assertThat(row.selectFirst(".plan-form").text()).isEqualTo("дистанционная");
    assertThat(row.selectFirst(".plan-responsible").text()).contains("Анна Петровна Иванова");
    assertThat(visitor.getElementById("plan-completion").text()).contains("Выполнено 0 из 1");
    assertThat(visitor.getElementById("plan-export").attr("href"))
        .endsWith("/plan.docx?year=" + year.label());
  }

  @Test
  void aFormWithMistakesComesBackWithTheValuesAndWhatIsWrong(Fixtures fx) {
    var team = fx.team();
    AcademicYear year = Plans.future();
    WebSession moderator = WebSession.withToken(fx.api(), team.moderator().token());
    moderator.page(planPath(team.community(), year));
    Map<String, String> fields = newItem(year, "Семинар", year.first().toString());
    fields.put("results", "нет-такой-страницы");
    Api.Response refused =
        moderator.postForm("/c" + Api.path(team.community()) + "/plan/items", fields);
    assertThat(refused.status()).isEqualTo(422);
    Document page = refused.document();
    assertThat(page.getElementById("new-due-error").text()).contains("раньше начала");
    assertThat(page.getElementById("new-results-error").text()).contains("нет-такой-страницы");
    assertThat(page.getElementById("new-title").val()).isEqualTo("Семинар");
    assertThat(page.getElementById("new-description").text()).contains("итоги");
    assertThat(
            fx.api()
                .get(new Plans(fx.api(), team.community()).base() + "?year=" + year.label(), null)
                .json()
                .getJsonArray("items"))
        .isEmpty();
  }

  @Test
  void theResponsibleMemberReportsProgressAndTheHistoryShowsWhoChangedWhat(Fixtures fx) {
    var team = fx.team();
    fx.save(team.community(), "итоги-семинара", team.member().token(), "Итоги семинара", "Т.\n", 0);
    AcademicYear year = Plans.future();
    long id =
        new Plans(fx.api(), team.community())
            .create(
                team.moderator().token(),
                Plans.item(year, "Семинар", List.of(team.member().login())))
            .getLong("id");
    String item = "/c" + Api.path(team.community()) + "/plan/items/" + id;
    WebSession member = WebSession.withToken(fx.api(), team.member().token());
    Document page = member.page(item);
    assertThat(page.getElementById("edit-title")).as("no title field for a member").isNull();
    assertThat(page.select("#edit-status option[value=cancelled]")).isEmpty();
    Api.Response reported =
        member.postForm(
            item,
            Map.of(
                "part", "progress", "version", "1", "status", "done", "results", "итоги-семинара"));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(303);
    Document after = member.page(item + "?saved=changed");
    assertThat(after.getElementById("item-notice")).isNotNull();
    assertThat(after.getElementById("item-status").text()).isEqualTo("выполнено");
    assertThat(after.select("#item-results a").text()).isEqualTo("Итоги семинара");
    Element latest = after.getElementById("version-2");
    assertThat(latest.select(".author").text()).isEqualTo("Анна Петровна Иванова");
    assertThat(latest.select("li[data-field]").eachAttr("data-field"))
        .containsExactly("status", "results");
    assertThat(after.getElementById("version-1").text()).contains("пункт добавлен в план");

    Document outsider = WebSession.withToken(fx.api(), fx.user("Гость").token()).page(item);
    assertThat(outsider.getElementById("item-edit-form")).isNull();
    assertThat(outsider.select("#item-results a")).as("a draft result").isEmpty();
  }

  @Test
  void aModeratorsStaleEditComesBackWithTheItemAsItIsNowAndTheirChangesInTheForm(Fixtures fx) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    AcademicYear year = Plans.future();
    JsonObject created =
        plans.create(team.moderator().token(), Plans.item(year, "Семинар", List.of()));
    long id = created.getLong("id");
    String item = "/c" + Api.path(team.community()) + "/plan/items/" + id;
    WebSession moderator = WebSession.withToken(fx.api(), team.moderator().token());
    moderator.page(item);
    plans.change(
        fx.adminToken(), id, new JsonObject().put("version", 1).put("title", "Семинар-практикум"));
    Map<String, String> fields = newItem(year, "Вебинар", created.getString("due"));
    fields.put("version", "1");
    Api.Response stale = moderator.postForm(item, fields);
    assertThat(stale.status()).isEqualTo(409);
    Document page = stale.document();
    assertThat(page.getElementById("item-stale").text()).contains("версия 2");
    assertThat(page.selectFirst("h1").text()).isEqualTo("Семинар-практикум");
    assertThat(page.getElementById("edit-title").val()).isEqualTo("Вебинар");
    assertThat(page.selectFirst("#item-edit-form input[name=version]").val()).isEqualTo("2");
    Api.Response saved =
        moderator.postForm(
            item,
            Map.of(
                "csrf",
                moderator.csrfToken(),
                "version",
                "2",
                "title",
                "Вебинар",
                "form",
                "remote",
                "starts",
                created.getString("starts"),
                "due",
                created.getString("due"),
                "status",
                "planned"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
    assertThat(fx.api().get(plans.base() + "/items/" + id, null).json().getString("title"))
        .isEqualTo("Вебинар");
  }

  @Test
  void filtersAndThePlanAsOfADateNarrowTheTable(Fixtures fx) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    AcademicYear past = Plans.past();
    String moderator = team.moderator().token();
    plans.create(moderator, Plans.item(past, "Забыто", List.of()));
    plans.create(
        moderator,
        Plans.item(past, "Сделано", List.of(team.member().login())).put("status", "done"));
    plans.create(moderator, Plans.item(past, "Отменено", List.of()).put("status", "cancelled"));
    WebSession visitor = new WebSession(fx.api());
    String plan = planPath(team.community(), past);
    Document all = visitor.page(plan);
    assertThat(all.select("tr.plan-item")).hasSize(3);
    assertThat(all.select("tr.plan-item.overdue .plan-title").text()).isEqualTo("Забыто");
    assertThat(all.getElementById("plan-completion").text()).contains("Выполнено 1 из 2 (50 %)");
    assertThat(titles(visitor.page(plan + "&status=overdue"))).containsExactly("Забыто");
    assertThat(titles(visitor.page(plan + "&status=done"))).containsExactly("Сделано");
    Document mine = visitor.page(plan + "&responsible=" + team.member().login());
    assertThat(titles(mine)).containsExactly("Сделано");
    assertThat(mine.select("tr.plan-item .plan-number").text())
        .as("numbered as in the whole plan")
        .isEqualTo("2");
    Document before = visitor.page(plan + "&asOf=" + past.first());
    assertThat(before.getElementById("plan-as-of")).isNotNull();
    assertThat(before.getElementById("plan-empty")).isNotNull();
  }

  @Test
  void descriptionsAreSanitisedLikePages(Fixtures fx) {
    var team = fx.team();
    AcademicYear year = Plans.future();
    new Plans(fx.api(), team.community())
        .create(
            team.moderator().token(),
            Plans.item(year, "<script>alert(1)</script>", List.of())
                .put("description", "<img src=x onerror=alert(2)> [клик](javascript:alert(3))"));
    Api.Response page = fx.api().get(planPath(team.community(), year), null);
    assertThat(SafeHtml.problems(page.document().getElementById("plan-table").outerHtml()))
        .isEmpty();
    assertThat(page.text()).doesNotContain("<script>alert(1)");
  }

  private static List<String> titles(Document page) {
    return page.select("tr.plan-item .plan-title").eachText();
  }
}
