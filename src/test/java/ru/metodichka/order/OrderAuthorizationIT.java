package ru.metodichka.order;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

/** Orders are the centre's: every route and screen, for every audience. */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderAuthorizationIT {
  private static final LocalDate YESTERDAY = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(1);
  private Api api;
  private Fixtures fx;
  private Audiences audiences;
  private long issued;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    var answer =
        api.post(
            "/api/orders",
            fx.adminToken(),
            OrderIT.order(Fixtures.unique("од-"), YESTERDAY, audiences.otherCommunity()));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    issued = answer.json().getLong("id");
  }

  private static int expected(Audience audience, int allowed) {
    return audience == Audience.ADMINISTRATOR ? allowed : Audiences.refused(audience);
  }

  @Test
  void onlyAdministratorsReadOrdersPendingChangesAndDocuments() {
    String draft = "/api/orders/draft.docx?community=" + audiences.community();
    List<String> reads =
        List.of(
            "/api/orders",
            "/api/orders/pending",
            "/api/orders/" + issued,
            "/api/orders/" + issued + ".docx",
            draft);
    for (Audience audience : Audience.values()) {
      for (String path : reads) {
        var answer = api.get(path, audiences.token(audience));
        assertThat(answer.status()).as(audience + " " + path).isEqualTo(expected(audience, 200));
        if (audience != Audience.ADMINISTRATOR) {
          assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
          assertThat(answer.text()).as(path).doesNotContain("учитель");
        }
      }
    }
  }

  @Test
  void onlyAdministratorsIssueOrders() {
    // The administrator comes last: everyone before is refused and confirms nothing.
    for (Audience audience : Audience.values()) {
      JsonObject order = OrderIT.order(Fixtures.unique("од-"), YESTERDAY, audiences.community());
      var answer = api.post("/api/orders", audiences.token(audience), order);
      assertThat(answer.status()).as(audience.name()).isEqualTo(expected(audience, 201));
    }
  }

  @Test
  void onlyAdministratorsSeeOrUseTheOrderScreens() {
    List<String> screens =
        List.of(
            "/admin/orders",
            "/admin/orders/" + issued,
            "/admin/orders/draft?community=" + audiences.otherCommunity());
    for (Audience audience : Audience.values()) {
      WebSession browser = browser(audience);
      for (String screen : screens) {
        var answer = browser.get(screen);
        assertThat(answer.status()).as(audience + " " + screen).isEqualTo(expected(audience, 200));
      }
      Map<String, String> form =
          Map.of(
              "number", Fixtures.unique("од-"),
              "date", YESTERDAY.toString(),
              "community", audiences.otherCommunity());
      // Nothing is pending there any more: the administrator sees the form again with why (422).
      var posted = browser.postForm("/admin/orders", form);
      assertThat(posted.status()).as(audience + " POST").isEqualTo(expected(audience, 422));
    }
  }

  private WebSession browser(Audience audience) {
    String token = audiences.token(audience);
    return token == null ? new WebSession(api) : WebSession.withToken(api, token);
  }
}
