package ru.metodichka.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.Fixtures.Team;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/** The orders' screens over HTTP: the pending changes, issuing, and the printable order. */
@ExtendWith(AppExtension.class)
class OrderScreensIT {
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Moscow"));
  private static final LocalDate SIGNED = TODAY.minusDays(16);
  private Fixtures fx;
  private WebSession admin;

  @BeforeEach
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.admin = new WebSession(app.api()).login("admin", TestApp.ADMIN_PASSWORD);
  }

  private static Element block(Document page, String slug) {
    Element block = page.selectFirst(".order-community[data-slug=\"" + slug + "\"]");
    assertThat(block).as("pending changes of " + slug).isNotNull();
    return block;
  }

  @Test
  void anAdministratorIssuesAnOrderForThePendingChangesAndPrintsIt() {
    Team team = fx.team();
    Document orders = admin.page("/admin/orders");
    assertThat(orders.selectFirst("#admin-nav-orders").attr("aria-current")).isEqualTo("page");
    Element block = block(orders, team.community());
    assertThat(block.selectFirst("input[type=checkbox][name=community]").hasAttr("checked"))
        .isTrue();
    assertThat(block.select("tr[data-kind]").eachAttr("data-kind"))
        .containsExactly("joined", "appointed_moderator");
    assertThat(block.select("a").eachAttr("href"))
        .contains(
            "/api/orders/draft.docx?community=" + team.community(),
            "/admin/orders/draft?community=" + team.community());
    assertThat(orders.selectFirst("#order-date").val()).isEqualTo(TODAY.toString());

    String number = Fixtures.unique("од-");
    var posted =
        admin.postForm(
            "/admin/orders",
            Map.of(
                "number",
                number,
                "date",
                SIGNED.toString(),
                "community",
                team.community(),
                "note",
                "Н"));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
    assertThat(posted.location()).matches("/admin/orders/\\d+\\?done=order_issued");
    Document order = admin.page(posted.location());
    assertThat(order.select("#admin-notice")).isNotEmpty();
    assertThat(order.selectFirst("#order-number").text()).isEqualTo("№ " + number);
    assertThat(order.selectFirst("#order-date").text()).isEqualTo(SIGNED.format(OrderRef.DATE));
    assertThat(order.selectFirst(".order-centre").text())
        .isEqualTo("ГБУ ИМЦ Петродворцового района Санкт-Петербурга");
    Element section = order.selectFirst(".order-section[data-slug=\"" + team.community() + "\"]");
    assertThat(section.selectFirst("h2").text())
        .isEqualTo("1.1. Сообщество «Сообщество " + team.community() + "»");
    assertThat(section.select("tr[data-login=\"" + team.member().login() + "\"]").text())
        .contains("Анна Петровна Иванова", "учитель", "МБОУ СОШ № 1");
    assertThat(section.select("li[data-kind]").eachAttr("data-kind"))
        .containsExactly("joined", "appointed_moderator");
    assertThat(order.selectFirst("#order-docx").attr("href")).matches("/api/orders/\\d+\\.docx");
    assertThat(order.selectFirst("#order-issued").text()).contains("Примечание: Н");

    Document after = admin.page("/admin/orders");
    assertThat(after.select(".order-community[data-slug=\"" + team.community() + "\"]")).isEmpty();
    assertThat(after.select("#orders-table th a").eachText())
        .contains("№ " + number + " от " + SIGNED.format(OrderRef.DATE));
  }

  @Test
  void aRefusedOrderShowsTheFormAgainWithEveryProblem() {
    Team team = fx.team();
    var refused =
        admin.postForm(
            "/admin/orders",
            Map.of(
                "number",
                " ",
                "date",
                TODAY.plusDays(2).toString(),
                "community",
                team.community(),
                "note",
                "Мой черновик"));
    assertThat(refused.status()).isEqualTo(422);
    Document page = refused.document();
    assertThat(page.select("#order-errors li")).hasSize(2);
    assertThat(page.selectFirst("#order-number").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.selectFirst("#order-date-error").text()).contains("позже сегодняшней");
    assertThat(page.selectFirst("#order-date").val()).isEqualTo(TODAY.plusDays(2).toString());
    assertThat(page.selectFirst("#order-note").text()).isEqualTo("Мой черновик");
    assertThat(block(page, team.community()).selectFirst("input").hasAttr("checked")).isTrue();
  }

  @Test
  void aTakenNumberOrACommunityWithNothingPendingIsSaidByTheForm() {
    Team first = fx.team();
    Team second = fx.team();
    String number = Fixtures.unique("од-");
    Map<String, String> form =
        Map.of("number", number, "date", TODAY.toString(), "community", first.community());
    assertThat(admin.postForm("/admin/orders", form).status()).isEqualTo(303);
    admin.page("/admin/orders");
    var idle = admin.postForm("/admin/orders", form);
    assertThat(idle.status()).isEqualTo(422);
    assertThat(idle.document().selectFirst("#order-errors").text()).contains("нет изменений");
    admin.page("/admin/orders");
    var taken =
        admin.postForm(
            "/admin/orders",
            Map.of("number", number, "date", TODAY.toString(), "community", second.community()));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.document().selectFirst("#order-number-error").text()).contains(number);
  }

  @Test
  void theDraftPageLeavesTheNumberAndDateBlank() {
    Team team = fx.team();
    Document draft = admin.page("/admin/orders/draft?community=" + team.community());
    assertThat(draft.selectFirst("#order-document").attr("data-draft")).isEqualTo("true");
    assertThat(draft.selectFirst(".order-draft-mark").text()).isEqualTo("ПРОЕКТ");
    assertThat(draft.selectFirst("#order-number").text()).isEqualTo("№ ________");
    assertThat(draft.selectFirst("#order-date").text()).startsWith("«___»");
    assertThat(draft.selectFirst("#order-docx").attr("href"))
        .isEqualTo("/api/orders/draft.docx?community=" + team.community());
    assertThat(draft.select(".order-people tr[data-login]").eachAttr("data-login"))
        .contains(team.member().login(), team.moderator().login());
    assertThat(admin.get("/admin/orders/draft").status()).isEqualTo(400);
    assertThat(admin.get("/admin/orders/draft?community=нет-такого").status()).isEqualTo(404);
    assertThat(admin.get("/admin/orders/999999999").status()).isEqualTo(404);
    assertThat(admin.get("/admin/orders/x").status()).isEqualTo(400);
  }

  @Test
  void namesOfCommunitiesAndPeopleAreEscaped() {
    String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    String slug = Fixtures.unique("xss");
    var created =
        fx.api()
            .post(
                "/api/communities",
                fx.adminToken(),
                new JsonObject().put("slug", slug).put("name", hostile).put("task", hostile));
    assertThat(created.status()).isEqualTo(201);
    var teacher = fx.user(hostile);
    fx.join(slug, teacher, "member");
    for (String screen : new String[] {"/admin/orders", "/admin/orders/draft?community=" + slug}) {
      var answer = admin.get(screen);
      Document page = answer.document();
      assertThat(page.select("script:not([src])")).as(screen).isEmpty();
      assertThat(page.select("[onerror]")).as(screen).isEmpty();
      assertThat(answer.text()).as(screen).contains("&lt;script&gt;alert(1)");
    }
  }
}
