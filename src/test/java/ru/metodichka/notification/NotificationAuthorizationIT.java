package ru.metodichka.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
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

/** Who may watch what and read which notifications, for every audience. */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationAuthorizationIT {
  private Api api;
  private Fixtures fx;
  private Audiences audiences;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    String moderator = audiences.token(Audience.MODERATOR);
    fx.save(audiences.community(), "тайный-черновик", moderator, "Тайный черновик", "Т.\n", 0);
    fx.save(audiences.community(), "открытая-страница", moderator, "Открытая страница", "О.\n", 0);
    var published =
        api.post(Api.page(audiences.community(), "открытая-страница", "publish"), moderator, null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
  }

  @Test
  void everyLoggedInUserWatchesACommunityAndAPublishedPageOnlyInsidersADraft() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      var community = api.put("/api/watch", token, watch(null));
      var published = api.put("/api/watch", token, watch("открытая-страница"));
      var draft = api.put("/api/watch", token, watch("тайный-черновик"));
      int loggedIn = audience == Audience.ANONYMOUS ? 401 : 204;
      assertThat(community.status()).as(audience.name()).isEqualTo(loggedIn);
      assertThat(published.status()).as(audience.name()).isEqualTo(loggedIn);
      int draftAnswer = audience == Audience.ANONYMOUS ? 401 : audience.insider() ? 204 : 404;
      assertThat(draft.status()).as(audience.name()).isEqualTo(draftAnswer);
      if (draftAnswer == 404) {
        assertThat(draft.text()).doesNotContain("Тайный черновик");
      }
      var listed = api.get("/api/watch", token);
      if (audience == Audience.ANONYMOUS) {
        assertThat(listed.status()).isEqualTo(401);
        continue;
      }
      assertThat(listed.status()).as(audience.name()).isEqualTo(200);
      assertThat(listed.text().contains("Тайный черновик"))
          .as(audience.name())
          .isEqualTo(audience.insider());
      var unwatched =
          api.send(
              HttpMethod.DELETE,
              "/api/watch",
              token,
              watch(null).toBuffer(),
              "application/json",
              Map.of());
      assertThat(unwatched.status()).as(audience.name()).isEqualTo(204);
    }
  }

  @Test
  void onlyLoggedInUsersHaveNotificationsAndEachReadsOnlyTheirOwn() {
    var member = audiences.token(Audience.MEMBER);
    fx.save(audiences.community(), "общая", member, "Общая", "1\n", 0);
    fx.save(audiences.community(), "общая", audiences.token(Audience.MODERATOR), "Общая", "2\n", 1);
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      int expected = audience == Audience.ANONYMOUS ? 401 : 200;
      var list = api.get("/api/notifications", token);
      assertThat(list.status()).as(audience.name()).isEqualTo(expected);
      if (expected == 200) {
        assertThat(list.text().contains("«Общая»") || list.text().contains("\"Общая\""))
            .as(audience.name())
            .isEqualTo(audience == Audience.MEMBER);
      }
      assertThat(
              api.post("/api/notifications/read", token, new JsonObject().put("all", false))
                  .status())
          .as(audience.name())
          .isEqualTo(audience == Audience.ANONYMOUS ? 401 : 422);
      assertThat(api.get("/api/notifications/settings", token).status())
          .as(audience.name())
          .isEqualTo(expected);
      assertThat(
              api.put(
                      "/api/notifications/settings",
                      token,
                      new JsonObject().put("delivery", new JsonObject().put("meeting", "digest")))
                  .status())
          .as(audience.name())
          .isEqualTo(expected);
      var screen = api.get("/me/notifications", token);
      assertThat(screen.status()).as(audience.name()).isEqualTo(expected == 200 ? 200 : 302);
      var settings = api.get("/me/notifications/settings", token);
      assertThat(settings.status()).as(audience.name()).isEqualTo(expected == 200 ? 200 : 302);
    }
  }

  @Test
  void aForgedUnsubscribeTokenIsRefusedForEveryone() {
    for (Audience audience : Audience.values()) {
      var answer = api.post("/api/unsubscribe?token=1.all.forged", audiences.token(audience), null);
      assertThat(answer.status()).as(audience.name()).isEqualTo(404);
      var page = api.get("/unsubscribe?token=1.all.forged", audiences.token(audience));
      assertThat(page.status()).as(audience.name()).isEqualTo(404);
    }
  }

  private JsonObject watch(String slug) {
    JsonObject body = new JsonObject().put("community", audiences.community());
    return slug == null ? body : body.put("slug", slug);
  }
}
