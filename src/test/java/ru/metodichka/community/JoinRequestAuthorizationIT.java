package ru.metodichka.community;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/** Who may do what with join requests, for every audience. */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinRequestAuthorizationIT {
  private Api api;
  private Fixtures fx;
  private Audiences audiences;
  private String base;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    this.base = "/api" + Api.path("communities", audiences.community(), "join-requests");
  }

  /** A pending request of a new teacher, by id. */
  private long pendingRequest() {
    var teacher = fx.user("Новый учитель");
    var asked = api.post(base, teacher.token(), new JsonObject().put("message", "Тайное письмо"));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    return asked.json().getLong("id");
  }

  @Test
  void onlyTheCommunitysModeratorsAndAdministratorsSeeTheQueueAndItsMessages() {
    pendingRequest();
    for (Audience audience : Audience.values()) {
      var answer = api.get(base, audiences.token(audience));
      int expected = audience.moderator() ? 200 : Audiences.refused(audience);
      assertThat(answer.status()).as(audience.name()).isEqualTo(expected);
      if (expected != 200) {
        assertThat(answer.text()).as(audience.name()).doesNotContain("Тайное письмо");
      }
    }
  }

  @Test
  void onlyTheCommunitysModeratorsAndAdministratorsDecide() {
    for (Audience audience : Audience.values()) {
      long id = pendingRequest();
      String token = audiences.token(audience);
      var approve = api.post(base + "/" + id + "/approve", token, null);
      var reject =
          api.post(base + "/" + id + "/reject", token, new JsonObject().put("reason", "Нет"));
      if (audience.moderator()) {
        assertThat(approve.status()).as(audience.name()).isEqualTo(200);
        assertThat(reject.status()).as("already decided").isEqualTo(404);
      } else {
        assertThat(approve.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
        assertThat(reject.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
      }
    }
  }

  @Test
  void onlyTheRequesterWithdraws() {
    for (Audience audience : Audience.values()) {
      long id = pendingRequest();
      var answer = api.delete(base + "/" + id, audiences.token(audience));
      assertThat(answer.status())
          .as(audience.name())
          .isEqualTo(audience == Audience.ANONYMOUS ? 401 : 404);
    }
  }

  @Test
  void whoMayAskToJoin() {
    for (Audience audience : Audience.values()) {
      var answer = api.post(base, audiences.token(audience), new JsonObject());
      int expected =
          switch (audience) {
            case ANONYMOUS -> 401;
            // Already inside: as a member, moderator or expert (administrators are members of
            // nothing, but everywhere moderators: asking makes no sense, yet is harmless).
            case MEMBER, MODERATOR, EXPERT -> 409;
            default -> 201;
          };
      assertThat(answer.status()).as(audience.name() + " " + answer).isEqualTo(expected);
    }
    // Each teacher's own requests are theirs alone.
    var mine = api.get("/api/users/me/join-requests", audiences.token(Audience.OUTSIDER));
    assertThat(mine.items()).hasSize(1);
    assertThat(api.get("/api/users/me/join-requests", null).status()).isEqualTo(401);
  }
}
