package ru.metodichka.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * The community's page gathers what the community is: the order that confirmed its composition, the
 * plan's completion and next items, the structure with the pages outside it last, and recent
 * changes with what each changed.
 */
@ExtendWith(AppExtension.class)
class CommunityPageIT {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  @Test
  void theCommunityPageShowsTheConfirmingOrderThePlanTheStructureAndRecentChanges(Fixtures fx) {
    var team = fx.team();
    Api api = fx.api();
    String member = team.member().token();
    fx.save(team.community(), "раздел", member, "Раздел", "Текст.\n", 0);
    fx.save(team.community(), "раздел", member, "Раздел", "Текст, дополненный.\n", 1);
    fx.save(team.community(), "глава", member, "Глава", "Текст.\n", 0);
    fx.save(team.community(), "заметка", member, "Заметка", "Текст.\n", 0);
    var arranged =
        api.send(
            HttpMethod.PUT,
            "/api" + Api.path("communities", team.community(), "structure"),
            team.moderator().token(),
            io.vertx.core.buffer.Buffer.buffer(
                "[{\"slug\":\"раздел\",\"children\":[{\"slug\":\"глава\"}]}]"),
            "application/json",
            java.util.Map.of());
    assertThat(arranged.status()).as(arranged.toString()).isEqualTo(200);
    LocalDate yesterday = LocalDate.now(MOSCOW).minusDays(1);
    String number = Fixtures.unique("од-");
    var order =
        api.post(
            "/api/orders",
            fx.adminToken(),
            new JsonObject()
                .put("number", number)
                .put("date", yesterday.toString())
                .put("communities", new JsonArray().add(team.community())));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    LocalDate today = LocalDate.now(MOSCOW);
    var item =
        api.post(
            "/api" + Api.path("communities", team.community(), "plan", "items"),
            team.moderator().token(),
            new JsonObject()
                .put("title", "Круглый стол")
                .put("form", "remote")
                .put("starts", today.toString())
                .put("due", today.toString()));
    assertThat(item.status()).as(item.toString()).isEqualTo(201);

    Document page = new WebSession(api).page("/c/" + team.community());

    assertThat(page.getElementById("composition-order").text())
        .isEqualTo(
            "Состав утверждён приказом № "
                + number
                + " от "
                + yesterday.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    assertThat(page.getElementById("plan-completion").text()).contains("Выполнено 0 из 1");
    assertThat(page.select("#plan-next a").eachText()).containsExactly("Круглый стол");
    // The pages are drafts: the community's members see them, in the structure and outside it.
    Document inside = WebSession.withToken(api, member).page("/c/" + team.community());
    assertThat(inside.select("#pages-heading + ul.tree a, section ul.tree > li > a").eachText())
        .contains("Раздел");
    assertThat(inside.select("ul.tree ul.tree a").eachText()).containsExactly("Глава");
    assertThat(inside.select("#unplaced-pages a").eachText()).containsExactly("Заметка");
    assertThat(inside.getElementById("structure-link").attr("href"))
        .isEqualTo("/c/" + team.community() + "/structure");
    assertThat(inside.select(".changes a[href*=diff]").eachAttr("href"))
        .anyMatch(href -> href.endsWith("/diff?from=1&to=2"));
  }

  @Test
  void aCommunityWithoutAnOrderSaysItsCompositionIsNotConfirmedYet(Fixtures fx) {
    String community = fx.community();
    Document page = new WebSession(fx.api()).page("/c/" + community);
    assertThat(page.getElementById("composition-order").text())
        .isEqualTo("Состав ещё не утверждён приказом центра.");
    assertThat(page.getElementById("plan-summary")).isNotNull();
  }
}
