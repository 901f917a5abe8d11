package ru.metodichka.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * The activity plan through the API: items, versions, conflicts, the plan as of a moment, ledger.
 */
@ExtendWith(AppExtension.class)
class PlanIT {

  @Test
  void aModeratorFillsThePlanAndAnyoneReadsItWithItsCompletion(Fixtures fx) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    AcademicYear year = Plans.future();
    JsonObject first =
        plans.create(
            moderator,
            Plans.item(year, "Установочное заседание", List.of(team.member().login()))
                .put("description", "**Повестка**: план на год.")
                .put("form", "mixed")
                .put("status", "done")
                .put("outcome", "Пришли все."));
    assertThat(first.getInteger("version")).isEqualTo(1);
    assertThat(first.getJsonArray("responsible")).containsExactly(team.member().login());
    plans.create(
        moderator, Plans.item(year, "Отменённый семинар", List.of()).put("status", "cancelled"));
    plans.create(moderator, Plans.item(year, "Круглый стол", List.of()));

    JsonObject plan = plans.plan(null, "?year=" + year.label());
    assertThat(plan.getString("year")).isEqualTo(year.label());
    JsonArray items = plan.getJsonArray("items");
    assertThat(items).hasSize(3);
    JsonObject read = items.getJsonObject(0);
    assertThat(read.getString("title")).isEqualTo("Установочное заседание");
    assertThat(read.getString("description")).isEqualTo("**Повестка**: план на год.\n");
    assertThat(read.getString("form")).isEqualTo("mixed");
    assertThat(read.getString("outcome")).isEqualTo("Пришли все.");
    assertThat(read.getBoolean("overdue")).isFalse();
    assertThat(plan.getJsonObject("completion"))
        .isEqualTo(new JsonObject().put("done", 1).put("total", 2).put("percent", 50));
  }

  @Test
  void withoutAYearThePlanIsTheCurrentAcademicYears(Fixtures fx) {
    Plans plans = new Plans(fx.api(), fx.community());
    JsonObject plan = plans.plan(null, "");
    assertThat(plan.getString("year")).isEqualTo(Plans.current().label());
    assertThat(plan.getJsonArray("items")).isEmpty();
    assertThat(plan.getJsonObject("completion").getInteger("percent")).isZero();
  }

  @Test
  void aChangeFromAStaleVersionIsRefusedWithTheCurrentItemAndOverwritesNothing(Fixtures fx) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    long id =
        plans.create(moderator, Plans.item(Plans.future(), "Семинар", List.of())).getLong("id");
    JsonObject second =
        plans.change(
            moderator, id, new JsonObject().put("version", 1).put("title", "Семинар-практикум"));
    assertThat(second.getInteger("version")).isEqualTo(2);

    var stale =
        plans.patch(moderator, id, new JsonObject().put("version", 1).put("title", "Вебинар"));
    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
    assertThat(stale.json().getString("code")).isEqualTo("plan_item_conflict");
    JsonObject current = stale.json().getJsonObject("current");
    assertThat(current.getInteger("version")).isEqualTo(2);
    assertThat(current.getString("title")).isEqualTo("Семинар-практикум");
    var ahead = plans.patch(moderator, id, new JsonObject().put("version", 5).put("title", "Х"));
    assertThat(Plans.fields(ahead)).containsExactly("version");
    JsonObject now = fx.api().get(plans.base() + "/items/" + id, null).json();
    assertThat(now.getString("title")).isEqualTo("Семинар-практикум");
    assertThat(plans.history(null, id)).hasSize(2);
  }

  @Test
  void concurrentChangesFromOneVersionSaveOneAndRefuseTheRest(Fixtures fx) throws Exception {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    long id =
        plans.create(moderator, Plans.item(Plans.future(), "Семинар", List.of())).getLong("id");
    List<CompletableFuture<Integer>> changes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      JsonObject change = new JsonObject().put("version", 1).put("title", "Вариант " + i);
      changes.add(CompletableFuture.supplyAsync(() -> plans.patch(moderator, id, change).status()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Integer> change : changes) {
      statuses.add(change.get(30, TimeUnit.SECONDS));
    }
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
    JsonArray history = plans.history(null, id);
    assertThat(history.stream().map(v -> ((JsonObject) v).getInteger("version")))
        .containsExactly(1, 2);
  }

  @Test
  void aChangeThatRepeatsTheCurrentVersionAddsNone(Fixtures fx) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    JsonObject item = plans.create(moderator, Plans.item(Plans.future(), "Семинар", List.of()));
    JsonObject same =
        plans.change(
            moderator,
            item.getLong("id"),
            new JsonObject()
                .put("version", 1)
                .put("title", "Семинар")
                .put("starts", item.getString("starts")));
    assertThat(same.getInteger("version")).isEqualTo(1);
  }

  @Test
  void aResponsibleMemberChangesTheStatusAndResultsOfTheirItemOnly(Fixtures fx) {
    var team = fx.team();
    var other = fx.user("Другой участник");
    fx.join(team.community(), other, "member");
    fx.save(team.community(), "итоги", team.member().token(), "Итоги", "Текст.\n", 0);
    Plans plans = new Plans(fx.api(), team.community());
    String member = team.member().token();
    long id =
        plans
            .create(
                team.moderator().token(),
                Plans.item(Plans.future(), "Мастер-класс", List.of(team.member().login())))
            .getLong("id");
    JsonObject done =
        plans.change(
            member,
            id,
            new JsonObject()
                .put("version", 1)
                .put("status", "done")
                .put("results", new JsonArray().add("Итоги")));
    assertThat(done.getString("status")).isEqualTo("done");
    assertThat(done.getJsonArray("results")).containsExactly("итоги");

    var title = plans.patch(member, id, new JsonObject().put("version", 2).put("title", "Другое"));
    assertThat(title.status()).isEqualTo(403);
    assertThat(title.json().getString("code")).isEqualTo("not_a_moderator");
    var notTheirs =
        plans.patch(other.token(), id, new JsonObject().put("version", 2).put("status", "planned"));
    assertThat(notTheirs.status()).isEqualTo(403);
    assertThat(notTheirs.json().getString("code")).isEqualTo("not_responsible");
    var cancel =
        plans.patch(member, id, new JsonObject().put("version", 2).put("status", "cancelled"));
    assertThat(cancel.status()).isEqualTo(403);
    assertThat(cancel.json().getString("code")).isEqualTo("not_a_moderator");
  }

  @Test
  void badInputIsRefusedNamingEachFieldAndNothingIsWritten(Fixtures fx) {
    var team = fx.team();
    var outsider = fx.user("Не участник");
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    AcademicYear year = Plans.future();
    String items = plans.base() + "/items";
    var api = fx.api();

    var badYear =
        api.post(items, moderator, Plans.item(year, "Т", List.of()).put("year", "2026/28"));
    assertThat(Plans.fields(badYear)).containsExactly("year");
    var dates =
        api.post(
            items,
            moderator,
            Plans.item(year, "Т", List.of())
                .put("starts", year.first().minusDays(1).toString())
                .put("due", year.first().toString()));
    assertThat(Plans.fields(dates)).containsExactly("starts");
    var late =
        api.post(
            items,
            moderator,
            Plans.item(year, "Т", List.of())
                .put("starts", year.last().toString())
                .put("due", year.last().plusDays(1).toString()));
    assertThat(Plans.fields(late)).containsExactly("due");
    var noYear =
        api.post(
            items,
            moderator,
            Plans.item(year, "Т", List.of())
                .put("starts", "1999-10-01")
                .put("due", "1999-10-02")
                .putNull("year"));
    assertThat(Plans.fields(noYear)).containsExactly("starts");
    var backwards =
        api.post(
            items,
            moderator,
            Plans.item(year, "Т", List.of())
                .put("starts", year.first().plusDays(10).toString())
                .put("due", year.first().toString()));
    assertThat(Plans.fields(backwards)).containsExactly("due");
    var references =
        api.post(
            items,
            moderator,
            Plans.item(year, "Т", List.of("no-such-login", outsider.login(), team.member().login()))
                .put("results", new JsonArray().add("нет-такой-страницы")));
    assertThat(Plans.fields(references))
        .containsExactly("responsible[0]", "responsible[1]", "results[0]");
    assertThat(references.json().getJsonArray("errors").getJsonObject(1).getString("message"))
        .contains(outsider.login());
    var shape =
        api.post(
            items,
            moderator,
            new JsonObject().put("form", "online").put("starts", "вчера").put("responsible", "x"));
    assertThat(Plans.fields(shape))
        .containsExactlyInAnyOrder("title", "form", "starts", "due", "responsible");
    assertThat(plans.plan(moderator, "?year=" + year.label()).getJsonArray("items")).isEmpty();
    var asOf = api.get(plans.base() + "?asOf=вчера", null);
    assertThat(Plans.fields(asOf)).containsExactly("asOf");
    var year2 = api.get(plans.base() + "?year=2026-27", null);
    assertThat(Plans.fields(year2)).containsExactly("year");
  }

  @Test
  void thePlanAsOfAMomentShowsEachItemAsItStoodThen(Fixtures fx) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    AcademicYear year = Plans.future();
    long id = plans.create(moderator, Plans.item(year, "Семинар", List.of())).getLong("id");
    plans.change(moderator, id, new JsonObject().put("version", 1).put("status", "in-progress"));
    plans.change(moderator, id, new JsonObject().put("version", 2).put("status", "done"));
    JsonArray history = plans.history(null, id);
    String second = history.getJsonObject(1).getString("changedAt");

    String query = "?year=" + year.label() + "&asOf=";
    JsonObject then = plans.plan(null, query + URLEncoder.encode(second, StandardCharsets.UTF_8));
    assertThat(then.getString("asOf")).isNotNull();
    assertThat(then.getJsonArray("items").getJsonObject(0).getString("status"))
        .isEqualTo("in-progress");
    assertThat(then.getJsonObject("completion").getInteger("done")).isZero();
    String yesterday = LocalDate.now(Plans.ZONE).minusDays(1).toString();
    assertThat(plans.plan(null, query + yesterday).getJsonArray("items")).isEmpty();
    JsonObject now = plans.plan(null, "?year=" + year.label());
    assertThat(now.getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("done");
    assertThat(now.getValue("asOf")).isNull();
  }

  @Test
  void overdueItemsAreOpenOnesWhoseDueDateHasPassed(Fixtures fx) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    AcademicYear past = Plans.past();
    plans.create(moderator, Plans.item(past, "Забытое", List.of()));
    plans.create(moderator, Plans.item(past, "В работе", List.of()).put("status", "in-progress"));
    plans.create(moderator, Plans.item(past, "Сделанное", List.of()).put("status", "done"));
    plans.create(moderator, Plans.item(past, "Отменённое", List.of()).put("status", "cancelled"));
    JsonArray items = plans.plan(null, "?year=" + past.label()).getJsonArray("items");
    assertThat(items.stream().map(i -> ((JsonObject) i).getBoolean("overdue")))
        .containsExactly(true, true, false, false);
    JsonObject future = plans.create(moderator, Plans.item(Plans.future(), "Впереди", List.of()));
    assertThat(future.getBoolean("overdue")).isFalse();
  }

  @Test
  void resultsShowOnlyThePagesTheReaderMaySee(Fixtures fx) {
    var team = fx.team();
    String member = team.member().token();
    fx.save(team.community(), "черновик", member, "Черновик", "Ещё пишем.\n", 0);
    fx.save(team.community(), "готово", member, "Готово", "Опубликовано.\n", 0);
    fx.api().post(Api.page(team.community(), "готово", "publish"), team.moderator().token(), null);
    Plans plans = new Plans(fx.api(), team.community());
    AcademicYear year = Plans.future();
    plans.create(
        team.moderator().token(),
        Plans.item(year, "Сборник", List.of())
            .put("results", new JsonArray().add("черновик").add("готово")));
    String query = "?year=" + year.label();
    assertThat(
            plans
                .plan(member, query)
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonArray("results"))
        .containsExactly("черновик", "готово");
    assertThat(
            plans.plan(null, query).getJsonArray("items").getJsonObject(0).getJsonArray("results"))
        .containsExactly("готово");
    String outsider = fx.user("Посторонний").token();
    assertThat(plans.plan(outsider, query).toString()).doesNotContain("черновик");
  }

  @Test
  void theWordTableHasTheItemsAsTheReaderSeesThem(Fixtures fx) throws Exception {
    var team = fx.team();
    String member = team.member().token();
    fx.save(team.community(), "черновик", member, "Черновик сборника", "Пишем.\n", 0);
    Plans plans = new Plans(fx.api(), team.community());
    AcademicYear year = Plans.future();
    plans.create(
        team.moderator().token(),
        Plans.item(year, "Сборник заданий", List.of(team.member().login()))
            .put("results", new JsonArray().add("черновик")));
    String docx = plans.base() + ".docx?year=" + year.label();
    var anonymous = fx.api().get(docx, null);
    assertThat(anonymous.contentType()).startsWith("application/vnd.openxmlformats");
    assertThat(anonymous.headers().get("Content-Disposition"))
        .startsWith("attachment; filename=\"plan-" + year.label().replace('/', '-') + ".docx\"");
    try (var doc =
        new org.apache.poi.xwpf.usermodel.XWPFDocument(
            new java.io.ByteArrayInputStream(anonymous.body().getBytes()))) {
      var row = doc.getTables().getFirst().getRow(1);
      assertThat(row.getCell(1).getText()).isEqualTo("Сборник заданий");
      assertThat(row.getCell(3).getText())
          .isEqualTo(String.format("01.10.%d – 15.10.%d", year.start(), year.start()));
      assertThat(row.getCell(4).getText()).isEqualTo("Анна Петровна Иванова");
      assertThat(row.getCell(5).getText()).as("a draft, for a visitor").isEmpty();
    }
    var insider = fx.api().get(docx, member);
    try (var doc =
        new org.apache.poi.xwpf.usermodel.XWPFDocument(
            new java.io.ByteArrayInputStream(insider.body().getBytes()))) {
      assertThat(doc.getTables().getFirst().getRow(1).getCell(5).getText())
          .isEqualTo("Черновик сборника");
    }
  }

  @Test
  void theHistoryKeepsWhoChangedWhatAndWhen(Fixtures fx) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    long id =
        plans
            .create(
                team.moderator().token(),
                Plans.item(Plans.future(), "Семинар", List.of(team.member().login())))
            .getLong("id");
    plans.change(
        team.member().token(), id, new JsonObject().put("version", 1).put("status", "in-progress"));
    plans.change(
        team.moderator().token(),
        id,
        new JsonObject().put("version", 2).put("title", "Семинар-практикум").put("form", "remote"));
    JsonArray history = plans.history(null, id);
    assertThat(history).hasSize(3);
    assertThat(history.getJsonObject(0).getJsonArray("changed")).contains("title", "status");
    JsonObject second = history.getJsonObject(1);
    assertThat(second.getJsonObject("changedBy").getString("login"))
        .isEqualTo(team.member().login());
    assertThat(second.getJsonArray("changed")).containsExactly("status");
    assertThat(history.getJsonObject(2).getJsonArray("changed")).containsExactly("title", "form");
    assertThat(history.getJsonObject(2).getInteger("version")).isEqualTo(3);
  }

  @Test
  void anItemDoneCountsOnceForEachPersonResponsible(Fixtures fx, TestApp app) throws SQLException {
    var team = fx.team();
    var second = fx.user("Второй ответственный");
    var third = fx.user("Третий ответственный");
    fx.join(team.community(), second, "member");
    fx.join(team.community(), third, "member");
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    long id =
        plans
            .create(
                moderator,
                Plans.item(
                        Plans.future(), "Сборник", List.of(team.member().login(), second.login()))
                    .put("status", "done"))
            .getLong("id");
    assertThat(ledger(app, id)).containsExactlyInAnyOrder(team.member().login(), second.login());
    plans.change(moderator, id, new JsonObject().put("version", 1).put("outcome", "Издан."));
    plans.change(moderator, id, new JsonObject().put("version", 2).put("status", "in-progress"));
    plans.change(moderator, id, new JsonObject().put("version", 3).put("status", "done"));
    assertThat(ledger(app, id)).hasSize(2);
    JsonArray three =
        new JsonArray().add(team.member().login()).add(second.login()).add(third.login());
    plans.change(moderator, id, new JsonObject().put("version", 4).put("responsible", three));
    assertThat(ledger(app, id)).hasSize(3).contains(third.login());
  }

  @Test
  void someoneWhoLeftStaysResponsibleButCannotBeNamedAgain(Fixtures fx) {
    var team = fx.team();
    var leaving = fx.user("Уходящий участник");
    fx.join(team.community(), leaving, "member");
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    long id =
        plans
            .create(moderator, Plans.item(Plans.future(), "Сборник", List.of(leaving.login())))
            .getLong("id");
    var left =
        fx.api()
            .delete(
                "/api" + Api.path("communities", team.community(), "members", leaving.login()),
                leaving.token());
    assertThat(left.status()).isEqualTo(204);
    JsonArray both = new JsonArray().add(leaving.login()).add(team.member().login());
    JsonObject kept =
        plans.change(moderator, id, new JsonObject().put("version", 1).put("responsible", both));
    assertThat(kept.getJsonArray("responsible"))
        .containsExactly(leaving.login(), team.member().login());
    long other =
        plans.create(moderator, Plans.item(Plans.future(), "Другое", List.of())).getLong("id");
    var named =
        plans.patch(
            moderator,
            other,
            new JsonObject()
                .put("version", 1)
                .put("responsible", new JsonArray().add(leaving.login())));
    assertThat(Plans.fields(named)).containsExactly("responsible[0]");
  }

  @Test
  void anArchivedCommunitysPlanIsReadOnly(Fixtures fx, TestApp app) throws SQLException {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    long id =
        plans.create(moderator, Plans.item(Plans.future(), "Семинар", List.of())).getLong("id");
    try (Connection db = app.jdbc();
        PreparedStatement archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    var create =
        fx.api()
            .post(plans.base() + "/items", moderator, Plans.item(Plans.future(), "Х", List.of()));
    assertThat(create.status()).isEqualTo(409);
    var change = plans.patch(moderator, id, new JsonObject().put("version", 1).put("title", "Х"));
    assertThat(change.json().getString("code")).isEqualTo("community_archived");
    assertThat(plans.plan(null, "?year=" + Plans.future().label()).getJsonArray("items"))
        .hasSize(1);
  }

  @Test
  void theSummaryForTheCommunityPageHasTheCompletionAndTheNextOpenItems(Fixtures fx, TestApp app) {
    var team = fx.team();
    Plans plans = new Plans(fx.api(), team.community());
    String moderator = team.moderator().token();
    AcademicYear year = Plans.current();
    String[][] items = {
      {"Сделано", "done", "1"},
      {"Отменено", "cancelled", "2"},
      {"Пятое", "planned", "5"},
      {"Третье", "in-progress", "3"},
      {"Четвёртое", "planned", "4"},
      {"Шестое", "planned", "6"}
    };
    for (String[] item : items) {
      String due = year.first().plusMonths(Integer.parseInt(item[2])).toString();
      plans.create(
          moderator,
          Plans.item(year, item[0], List.of())
              .put("status", item[1])
              .put("starts", year.first().toString())
              .put("due", due));
    }
    var parts = app.app().parts();
    var access =
        parts
            .communities()
            .access(ru.metodichka.auth.CurrentUser.ANONYMOUS, team.community())
            .await();
    PlanSummary summary = parts.planReader().summary(access).await();
    assertThat(summary.year()).isEqualTo(year);
    assertThat(summary.completion()).isEqualTo(new Completion(1, 5, 20));
    assertThat(summary.next().stream().map(PlanItem::title))
        .containsExactly("Третье", "Четвёртое", "Пятое");
  }

  @Test
  void plansAndVersionsAreAppendOnly(Fixtures fx, TestApp app) throws SQLException {
    var team = fx.team();
    new Plans(fx.api(), team.community())
        .create(team.moderator().token(), Plans.item(Plans.future(), "Семинар", List.of()));
    try (Connection db = app.jdbc();
        var s = db.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE plan_item_versions SET title = 'подмена'",
              "DELETE FROM plan_item_versions",
              "UPDATE plan_items SET year = '2000/01'",
              "DELETE FROM plan_items")) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(sql))
            .as(sql)
            .hasMessageContaining("append-only");
      }
    }
  }

  private static List<String> ledger(TestApp app, long item) throws SQLException {
    try (Connection db = app.jdbc();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT u.login FROM contributions c JOIN users u ON u.id = c.user_id"
                    + " WHERE c.plan_item_id = ? AND c.kind = 'plan_item'")) {
      q.setLong(1, item);
      try (ResultSet rs = q.executeQuery()) {
        List<String> logins = new java.util.ArrayList<>();
        while (rs.next()) {
          logins.add(rs.getString(1));
        }
        return logins;
      }
    }
  }
}
