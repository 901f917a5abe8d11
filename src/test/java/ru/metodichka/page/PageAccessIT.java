package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

@ExtendWith(AppExtension.class)
class PageAccessIT {
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;
  private Fixtures.TestUser outsider;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
    this.outsider = fx.user("Учитель из другой школы");
    fx.save(
        team.community(), "черновик", team.member().token(), "Черновик", "Секретный план.\n", 0);
  }

  @Test
  void draftsAreVisibleOnlyToMembersModeratorsAndAdministrators() {
    String page = Api.page(team.community(), "черновик");
    assertThat(api.get(page, team.member().token()).status()).isEqualTo(200);
    assertThat(api.get(page, team.moderator().token()).status()).isEqualTo(200);
    assertThat(api.get(page, fx.adminToken()).status()).isEqualTo(200);
    for (String token : new String[] {null, outsider.token()}) {
      assertThat(api.get(page, token).status()).isEqualTo(404);
      assertThat(api.get(page + "/revisions", token).status()).isEqualTo(404);
      assertThat(api.get(page + "/revisions/1", token).status()).isEqualTo(404);
      assertThat(api.get(page + "/diff?from=1&to=1", token).status()).isEqualTo(404);
      assertThat(api.get(page + "/backlinks", token).status()).isEqualTo(404);
      assertThat(
              api.get("/api" + Api.path("communities", team.community(), "pages"), token).items())
          .isEmpty();
    }
  }

  @Test
  void publishingMakesAPagePublicAndUnpublishingHidesItAgain() {
    String page = Api.page(team.community(), "черновик");
    var published = api.post(page + "/publish", team.moderator().token(), null);
    assertThat(published.json())
        .isEqualTo(
            new JsonObject()
                .put("slug", "черновик")
                .put("status", "published")
                .put("revision", 1)
                .put("reviewedRevision", 1));
    assertThat(api.get(page, null).json().getString("status")).isEqualTo("published");
    assertThat(api.get("/api" + Api.path("communities", team.community(), "pages"), null).items())
        .hasSize(1);

    assertThat(
            api.post(page + "/unpublish", team.moderator().token(), null)
                .json()
                .getString("status"))
        .isEqualTo("draft");
    assertThat(api.get(page, null).status()).isEqualTo(404);
  }

  @Test
  void onlyModeratorsAndAdministratorsPublish() {
    String page = Api.page(team.community(), "черновик");
    assertThat(api.post(page + "/publish", null, null).status()).isEqualTo(401);
    assertThat(api.post(page + "/publish", outsider.token(), null).status()).isEqualTo(403);
    assertThat(api.post(page + "/publish", team.member().token(), null).status()).isEqualTo(403);
    assertThat(api.post(page + "/publish", fx.adminToken(), null).status()).isEqualTo(200);
  }

  @Test
  void anonymousVisitorsAndNonMembersCannotWrite() {
    JsonObject body =
        new JsonObject()
            .put("title", "Взлом")
            .put("markdown", "чужой текст")
            .put("baseRevision", 1);
    var anonymous = api.put(Api.page(team.community(), "черновик"), null, body);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().getString("code")).isEqualTo("authentication_required");
    var stranger = api.put(Api.page(team.community(), "черновик"), outsider.token(), body);
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.json().getString("code")).isEqualTo("not_a_member");
    assertThat(
            api.put(
                    Api.page(team.community(), "новая"),
                    outsider.token(),
                    body.put("baseRevision", 0))
                .status())
        .isEqualTo(403);
    assertThat(
            api.get(Api.page(team.community(), "черновик"), team.member().token())
                .json()
                .getString("markdown"))
        .isEqualTo("Секретный план.\n");
  }

  @Test
  void anAdministratorMayEditAnyCommunity() {
    var response =
        api.put(
            Api.page(team.community(), "черновик"),
            fx.adminToken(),
            new JsonObject()
                .put("title", "Черновик")
                .put("markdown", "Правка администратора.\n")
                .put("baseRevision", 1));
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void aMemberWhoLeftCanNoLongerEdit() {
    assertThat(
            api.delete(
                    "/api"
                        + Api.path(
                            "communities", team.community(), "members", team.member().login()),
                    team.member().token())
                .status())
        .isEqualTo(204);
    var response =
        api.put(
            Api.page(team.community(), "черновик"),
            team.member().token(),
            new JsonObject()
                .put("title", "Черновик")
                .put("markdown", "После ухода.\n")
                .put("baseRevision", 1));
    assertThat(response.status()).isEqualTo(403);
    assertThat(api.get(Api.page(team.community(), "черновик"), team.member().token()).status())
        .isEqualTo(404);
  }
}
