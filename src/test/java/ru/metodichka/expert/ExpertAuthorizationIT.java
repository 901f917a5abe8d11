package ru.metodichka.expert;

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

/**
 * Who may do what with experts' reviews, for every audience. The expert of the audiences holds the
 * expert right and is invited to review the community for 2025/26, and has submitted.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertAuthorizationIT {
  private Fixtures fx;
  private Api api;
  private Audiences audiences;
  private Experts experts;
  private long review;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    this.experts = new Experts(fx);
    String expert = audiences.login(Audience.EXPERT);
    experts.grant(expert);
    this.review = experts.invited(audiences.community(), expert);
    var submitted =
        experts.submit(
            audiences.token(Audience.EXPERT), review, Experts.scoring("recommend", 3, 2, 2, 1, 3));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
  }

  private static int adminOnly(Audience audience, int allowed) {
    return audience == Audience.ADMINISTRATOR ? allowed : Audiences.refused(audience);
  }

  @Test
  void everyoneReadsTheRubricAndOnlyAdministratorsEditIt() {
    JsonObject rubric = api.get("/api/rubric", null).json();
    JsonObject same = new JsonObject().put("criteria", rubric.getJsonArray("criteria"));
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      assertThat(api.get("/api/rubric", token).status()).as(audience.name()).isEqualTo(200);
      assertThat(api.put("/api/rubric", token, same).status())
          .as(audience.name())
          .isEqualTo(adminOnly(audience, 200));
    }
    assertThat(api.get("/api/rubric", null).json().getInteger("version"))
        .as("the same criteria make no new version")
        .isEqualTo(rubric.getInteger("version"));
  }

  @Test
  void onlyAdministratorsListGrantAndWithdrawTheExpertRight() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      String path = "/api" + Api.path("experts", fx.user("Будущий эксперт").login());
      assertThat(api.get("/api/experts", token).status())
          .as(audience.name())
          .isEqualTo(adminOnly(audience, 200));
      assertThat(api.put(path, token, new JsonObject()).status())
          .as(audience.name())
          .isEqualTo(adminOnly(audience, 200));
      assertThat(api.delete(path, token).status())
          .as(audience.name())
          .isEqualTo(adminOnly(audience, 204));
    }
  }

  @Test
  void onlyAdministratorsInviteAndRefusalsComeBeforeLookingAnythingUp() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      String expert = experts.expert("Приглашаемый эксперт").login();
      JsonObject body =
          new JsonObject().put("expert", expert).put("from", Experts.FROM).put("to", Experts.TO);
      var invited =
          api.post(
              "/api" + Api.path("communities", audiences.community(), "expert-reviews"),
              token,
              body);
      assertThat(invited.status()).as(audience.name()).isEqualTo(adminOnly(audience, 201));
      var unknown =
          api.post("/api" + Api.path("communities", "нет-такого", "expert-reviews"), token, body);
      assertThat(unknown.status()).as(audience.name()).isEqualTo(adminOnly(audience, 404));
    }
  }

  @Test
  void theCompositeIsForModeratorsAdministratorsAndTheInvitedExpertWhoHasSubmitted() {
    for (Audience audience : Audience.values()) {
      var composite = experts.composite(audiences.token(audience), audiences.community());
      int expected =
          audience.moderator() || audience == Audience.EXPERT ? 200 : Audiences.refused(audience);
      assertThat(composite.status()).as(audience.name()).isEqualTo(expected);
    }
  }

  @Test
  void anExpertListsTheirOwnInvitationsAndAdministratorsListThemAll() {
    for (Audience audience : Audience.values()) {
      var list = api.get("/api/expert-reviews", audiences.token(audience));
      int expected =
          audience == Audience.EXPERT || audience == Audience.ADMINISTRATOR
              ? 200
              : Audiences.refused(audience);
      assertThat(list.status()).as(audience.name()).isEqualTo(expected);
      if (expected == 200) {
        assertThat(list.text()).as(audience.name()).contains("\"id\":" + review);
      }
    }
  }

  @Test
  void aReviewIsReadByItsExpertTheModeratorsAndAdministratorsAndDoesNotExistForOthers() {
    for (Audience audience : Audience.values()) {
      var read = experts.review(audiences.token(audience), review);
      int expected =
          audience.moderator() || audience == Audience.EXPERT
              ? 200
              : audience == Audience.ANONYMOUS ? 401 : 404;
      assertThat(read.status()).as(audience.name()).isEqualTo(expected);
      var absent = experts.review(audiences.token(audience), 2_000_000_000L);
      assertThat(absent.status())
          .as(audience.name())
          .isEqualTo(audience == Audience.ANONYMOUS ? 401 : 404);
    }
  }

  @Test
  void onlyTheInvitedExpertSubmitsAndOthersAreRefusedBeforeTheReviewIsLookedUp() {
    JsonObject scoring = Experts.scoring("revise", 2, 2, 2, 1, 3);
    for (Audience audience : Audience.values()) {
      var submitted = experts.submit(audiences.token(audience), review, scoring);
      int expected = audience == Audience.EXPERT ? 200 : Audiences.refused(audience);
      assertThat(submitted.status()).as(audience.name() + " " + submitted).isEqualTo(expected);
    }
    Fixtures.TestUser stranger = experts.expert("Эксперт, не приглашённый сюда");
    assertThat(experts.submit(stranger.token(), review, scoring).status()).isEqualTo(404);
    assertThat(experts.review(stranger.token(), review).status()).isEqualTo(404);
  }
}
