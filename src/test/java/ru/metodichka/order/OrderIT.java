package ru.metodichka.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.Fixtures.Team;
import ru.metodichka.TestApp;

/** Issuing orders that confirm the composition of communities, and what they refuse. */
@ExtendWith(AppExtension.class)
class OrderIT {
  private static final LocalDate YESTERDAY = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(1);
  private Fixtures fx;
  private Api api;
  private TestApp app;
  private String admin;

  @BeforeEach
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.api = fx.api();
    this.app = app;
    this.admin = fx.adminToken();
  }

  static JsonObject order(String number, LocalDate date, String... communities) {
    return new JsonObject()
        .put("number", number)
        .put("date", date.toString())
        .put("communities", new JsonArray(List.of(communities)));
  }

  private Api.Response issue(String number, String... communities) {
    return api.post("/api/orders", admin, order(number, YESTERDAY, communities));
  }

  /** The pending changes of one community (kind:login), or none. */
  private List<String> pending(String community) {
    var answer = api.get("/api/orders/pending", admin);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.items().stream()
        .map(JsonObject.class::cast)
        .filter(c -> c.getString("slug").equals(community))
        .flatMap(c -> c.getJsonArray("changes").stream().map(JsonObject.class::cast))
        .map(c -> c.getString("kind") + ":" + c.getJsonObject("person").getString("login"))
        .toList();
  }

  private JsonArray history(String community) {
    return api.get("/api" + Api.path("communities", community, "members", "history"), admin)
        .items();
  }

  private static JsonObject period(JsonArray history, String login, String role) {
    return history.stream()
        .map(JsonObject.class::cast)
        .filter(p -> p.getString("login").equals(login) && p.getString("role").equals(role))
        .findFirst()
        .orElseThrow(() -> new AssertionError(login + " " + role + " in " + history));
  }

  @Test
  void anOrderConfirmsEveryPendingChangeOfItsCommunitiesAndNoOthers() {
    Team team = fx.team();
    Team other = fx.team();
    assertThat(pending(team.community()))
        .containsExactly(
            "joined:" + team.member().login(), "appointed_moderator:" + team.moderator().login());
    String number = Fixtures.unique("од-");
    var issued = issue(number, team.community());
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    JsonObject order = issued.json();
    assertThat(issued.location()).isEqualTo("/api/orders/" + order.getLong("id"));
    assertThat(order.getString("number")).isEqualTo(number);
    assertThat(order.getString("date")).isEqualTo(YESTERDAY.toString());
    assertThat(order.getJsonObject("issuedBy").getString("login")).isEqualTo("admin");
    JsonArray communities = order.getJsonArray("communities");
    assertThat(communities).hasSize(1);
    JsonObject confirmed = communities.getJsonObject(0);
    assertThat(confirmed.getString("slug")).isEqualTo(team.community());
    JsonObject joined = confirmed.getJsonArray("changes").getJsonObject(0);
    assertThat(joined.getString("kind")).isEqualTo("joined");
    assertThat(joined.getString("position")).isEqualTo("учитель");
    assertThat(joined.getString("institution")).isEqualTo("МБОУ СОШ № 1");
    assertThat(pending(team.community())).isEmpty();
    assertThat(pending(other.community())).hasSize(2);
    JsonObject member = period(history(team.community()), team.member().login(), "member");
    assertThat(member.getJsonObject("order"))
        .isEqualTo(new JsonObject().put("number", number).put("date", YESTERDAY.toString()));
    assertThat(member.getValue("endOrder")).isNull();
    JsonObject again = api.get("/api/orders/" + order.getLong("id"), admin).json();
    assertThat(again).isEqualTo(order);
    var list = api.get("/api/orders", admin).items();
    JsonObject listed =
        list.stream()
            .map(JsonObject.class::cast)
            .filter(o -> o.getLong("id").equals(order.getLong("id")))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getInteger("changes")).isEqualTo(2);
    assertThat(listed.getJsonArray("communities"))
        .containsExactly("Сообщество " + team.community());
  }

  @Test
  void roleChangesAndEndsAreOneChangeEachAndTheHistoryShowsTheOrdersOfBothEnds() {
    Team team = fx.team();
    var teacher = fx.user("Выбывающий учитель");
    var methodist = fx.methodist("Новый модератор");
    fx.join(team.community(), teacher, "member");
    fx.join(team.community(), methodist, "member");
    String first = Fixtures.unique("од-");
    assertThat(issue(first, team.community()).status()).isEqualTo(201);
    String members = "/api" + Api.path("communities", team.community(), "members");
    // A member is removed with a note and another leaves; a methodist member becomes moderator
    // and the old moderator a member.
    var removed =
        api.delete(
            members + Api.path(team.member().login()) + "?note=" + encode("Не участвует"),
            team.moderator().token());
    assertThat(removed.status()).isEqualTo(204);
    assertThat(api.delete(members + Api.path(teacher.login()), teacher.token()).status())
        .isEqualTo(204);
    fx.join(team.community(), methodist, "moderator");
    fx.join(team.community(), team.moderator(), "member");
    assertThat(pending(team.community()))
        .containsExactlyInAnyOrder(
            "appointed_moderator:" + methodist.login(),
            "relieved_moderator:" + team.moderator().login(),
            "left:" + teacher.login(),
            "removed:" + team.member().login());
    String second = Fixtures.unique("од-");
    JsonObject order = issue(second, team.community()).json();
    JsonObject change =
        order.getJsonArray("communities").getJsonObject(0).getJsonArray("changes").stream()
            .map(JsonObject.class::cast)
            .filter(c -> c.getString("kind").equals("removed"))
            .findFirst()
            .orElseThrow();
    assertThat(change.getString("note")).isEqualTo("Не участвует");
    JsonArray history = history(team.community());
    JsonObject wasMember = period(history, methodist.login(), "member");
    assertThat(wasMember.getJsonObject("order").getString("number")).isEqualTo(first);
    assertThat(wasMember.getJsonObject("endOrder").getString("number")).isEqualTo(second);
    JsonObject nowModerator = period(history, methodist.login(), "moderator");
    assertThat(nowModerator.getJsonObject("order").getString("number")).isEqualTo(second);
    assertThat(nowModerator.getValue("endOrder")).isNull();
    assertThat(pending(team.community())).isEmpty();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aNumberIsTakenOncePerYearIgnoringCaseAndSpaces() {
    Team first = fx.team();
    Team second = fx.team();
    String number = Fixtures.unique("ОД-");
    assertThat(issue(number, first.community()).status()).isEqualTo(201);
    var taken = issue(" № " + number.toLowerCase(java.util.Locale.ROOT), second.community());
    assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
    assertThat(taken.json().getString("code")).isEqualTo("order_number_taken");
    assertThat(taken.json().getString("detail")).contains(String.valueOf(YESTERDAY.getYear()));
    // Nothing half-written: the second community's changes still wait.
    assertThat(pending(second.community())).hasSize(2);
    var lastYear =
        api.post("/api/orders", admin, order(number, YESTERDAY.minusYears(1), second.community()));
    assertThat(lastYear.status()).as("numbers start again each year").isEqualTo(201);
  }

  @Test
  void badOrdersAreRefusedNamingEachField() {
    Team team = fx.team();
    Team done = fx.team();
    assertThat(issue(Fixtures.unique("од-"), done.community()).status()).isEqualTo(201);
    var wrong =
        api.post(
            "/api/orders",
            admin,
            order("", YESTERDAY.plusDays(3), team.community(), team.community()));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(fields(wrong)).containsKeys("number", "date", "communities[1]");
    var malformed = api.post("/api/orders", admin, order("1", YESTERDAY).put("date", "20.11.2026"));
    assertThat(fields(malformed)).containsKeys("date", "communities");
    var unknown =
        api.post(
            "/api/orders",
            admin,
            order(
                Fixtures.unique("од-"),
                YESTERDAY,
                team.community(),
                "нет-такого",
                done.community()));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(fields(unknown)).containsOnlyKeys("communities[1]");
    assertThat(fields(unknown).get("communities[1]")).contains("нет-такого");
    var idle =
        api.post(
            "/api/orders",
            admin,
            order(Fixtures.unique("од-"), YESTERDAY, team.community(), done.community()));
    assertThat(idle.status()).isEqualTo(422);
    assertThat(fields(idle)).containsOnlyKeys("communities[1]");
    assertThat(fields(idle).get("communities[1]")).contains("Сообщество " + done.community());
    assertThat(pending(team.community())).as("nothing was confirmed").hasSize(2);
  }

  private static Map<String, String> fields(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    Map<String, String> fields = new java.util.TreeMap<>();
    response
        .json()
        .getJsonArray("errors")
        .forEach(
            e ->
                fields.put(
                    ((JsonObject) e).getString("field"), ((JsonObject) e).getString("message")));
    return fields;
  }

  @Test
  void twoOrdersForOneCommunityAtOnceConfirmItsChangesOnce() {
    Team team = fx.team();
    var a = CompletableFuture.supplyAsync(() -> issue(Fixtures.unique("од-"), team.community()));
    var b = CompletableFuture.supplyAsync(() -> issue(Fixtures.unique("од-"), team.community()));
    List<Integer> statuses = List.of(a.join().status(), b.join().status());
    assertThat(statuses).containsExactlyInAnyOrder(201, 422);
  }

  @Test
  void anOrderEnteredByHandConfirmsTheStartOfItsPeriod() throws Exception {
    String community = fx.community();
    var teacher = fx.user("Учитель с приказом");
    var withOrder =
        api.put(
            "/api" + Api.path("communities", community, "members", teacher.login()),
            admin,
            new JsonObject()
                .put("role", "member")
                .put("order", new JsonObject().put("number", "7-о").put("date", "2026-09-01")));
    assertThat(withOrder.status()).isEqualTo(201);
    assertThat(pending(community)).isEmpty();
    var orders = new OrderService(app.app().parts().pool(), ZoneId.of("Europe/Moscow"));
    long id = communityId(community);
    assertThat(orders.latestFor(id).await())
        .contains(new OrderRef(null, "7-о", LocalDate.of(2026, 9, 1)));
    fx.join(community, fx.user("Без приказа"), "member");
    String number = Fixtures.unique("од-");
    JsonObject issued = issue(number, community).json();
    assertThat(orders.latestFor(id).await())
        .contains(new OrderRef(issued.getLong("id"), number, YESTERDAY));
    assertThat(orders.latestFor(communityId(fx.community()).longValue()).await()).isEmpty();
  }

  private Long communityId(String slug) throws SQLException {
    try (Connection db = app.jdbc();
        var query = db.prepareStatement("SELECT id FROM communities WHERE slug = ?")) {
      query.setString(1, slug);
      var rows = query.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void issuedOrdersAndWhatTheyConfirmedCannotBeChangedInTheDatabase() throws SQLException {
    Team team = fx.team();
    long id = issue(Fixtures.unique("од-"), team.community()).json().getLong("id");
    try (Connection db = app.jdbc()) {
      for (String sql :
          List.of(
              "UPDATE orders SET number = 'x' WHERE id = " + id,
              "DELETE FROM orders WHERE id = " + id,
              "UPDATE order_items SET event = 'end' WHERE order_id = " + id,
              "DELETE FROM order_items WHERE order_id = " + id)) {
        assertThatThrownBy(() -> db.createStatement().executeUpdate(sql))
            .as(sql)
            .hasMessageContaining("append-only");
      }
    }
  }

  @Test
  void onlyTheCentreSeesOrders() {
    Team team = fx.team();
    var refused =
        api.post("/api/orders", team.moderator().token(), order("1", YESTERDAY, team.community()));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("code")).isEqualTo("admin_only");
    assertThat(pending(team.community())).as("a refused order confirms nothing").hasSize(2);
  }
}
