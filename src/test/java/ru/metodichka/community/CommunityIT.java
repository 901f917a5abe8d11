package ru.metodichka.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

@ExtendWith(AppExtension.class)
class CommunityIT {
  private static String members(String community, String... rest) {
    String[] all = new String[3 + rest.length];
    all[0] = "communities";
    all[1] = community;
    all[2] = "members";
    System.arraycopy(rest, 0, all, 3, rest.length);
    return "/api" + Api.path(all);
  }

  @Test
  void anAdministratorCreatesACommunityForAProfessionalTask(Fixtures fx) {
    String slug = Fixtures.unique("Наставничество");
    var created =
        fx.api()
            .post(
                "/api/communities",
                fx.adminToken(),
                new JsonObject()
                    .put("slug", slug)
                    .put("name", "Наставничество молодых педагогов")
                    .put("task", "Сопровождение учителей в первые три года работы")
                    .put("description", "Встречи раз в месяц"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("task"))
        .isEqualTo("Сопровождение учителей в первые три года работы");

    JsonObject one =
        fx.api().get("/api" + Api.path("communities", slug.toLowerCase()), null).json();
    assertThat(one.getString("name")).isEqualTo("Наставничество молодых педагогов");
    assertThat(one.getLong("memberCount")).isZero();
    JsonArray all = fx.api().get("/api/communities", null).items();
    assertThat(all.stream().map(c -> ((JsonObject) c).getString("slug"))).contains(slug);

    var taken =
        fx.api()
            .post(
                "/api/communities",
                fx.adminToken(),
                new JsonObject()
                    .put("slug", slug.toUpperCase())
                    .put("name", "Другое")
                    .put("task", "Другая задача"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().getString("code")).isEqualTo("community_slug_taken");
  }

  @Test
  void onlyAdministratorsCreateCommunitiesAndInputIsValidated(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Учитель");
    JsonObject body =
        new JsonObject().put("slug", Fixtures.unique("c")).put("name", "Н").put("task", "З");
    assertThat(fx.api().post("/api/communities", teacher.token(), body).status()).isEqualTo(403);
    var invalid =
        fx.api()
            .post("/api/communities", fx.adminToken(), new JsonObject().put("slug", "с пробелом"));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().getJsonArray("errors")).hasSize(3);
    assertThat(fx.api().get("/api/communities/нет-такого", null).status()).isEqualTo(404);
  }

  @Test
  void membershipHistoryKeepsJoiningRoleChangesAndLeaving(Fixtures fx) {
    String community = fx.community();
    Fixtures.TestUser teacher = fx.user("Светлана Андреевна");
    var joined =
        fx.api()
            .put(
                members(community, teacher.login()),
                fx.adminToken(),
                new JsonObject()
                    .put("role", "member")
                    .put(
                        "order", new JsonObject().put("number", "45-о").put("date", "2026-09-01")));
    assertThat(joined.status()).isEqualTo(201);
    var same =
        fx.api()
            .put(
                members(community, teacher.login()),
                fx.adminToken(),
                new JsonObject().put("role", "member"));
    assertThat(same.json().getString("change")).isEqualTo("unchanged");
    var promoted =
        fx.api()
            .put(
                members(community, teacher.login()),
                fx.adminToken(),
                new JsonObject().put("role", "moderator"));
    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.json().getString("change")).isEqualTo("changed");

    JsonObject described = fx.api().get("/api" + Api.path("communities", community), null).json();
    assertThat(described.getJsonArray("moderators").getJsonObject(0).getString("login"))
        .isEqualTo(teacher.login());
    assertThat(described.getLong("memberCount")).isEqualTo(1);

    assertThat(fx.api().delete(members(community, teacher.login()), fx.adminToken()).status())
        .isEqualTo(204);
    assertThat(fx.api().get(members(community), null).items()).isEmpty();
    assertThat(fx.api().delete(members(community, teacher.login()), fx.adminToken()).status())
        .isEqualTo(404);

    JsonArray history = fx.api().get(members(community, "history"), fx.adminToken()).items();
    assertThat(history).hasSize(2);
    JsonObject asModerator = history.getJsonObject(0);
    JsonObject asMember = history.getJsonObject(1);
    assertThat(asModerator.getString("role")).isEqualTo("moderator");
    assertThat(asModerator.getString("endReason")).isEqualTo("removed");
    assertThat(asMember.getString("endReason")).isEqualTo("role_changed");
    assertThat(asMember.getJsonObject("order").getString("number")).isEqualTo("45-о");
    assertThat(asMember.getJsonObject("order").getString("date")).isEqualTo("2026-09-01");
  }

  @Test
  void moderatorsManageMembersAndMembersDoNot(Fixtures fx) {
    Fixtures.Team team = fx.team();
    Fixtures.TestUser newcomer = fx.user("Новичок");
    var byMember =
        fx.api()
            .put(
                members(team.community(), newcomer.login()),
                team.member().token(),
                new JsonObject().put("role", "member"));
    assertThat(byMember.status()).isEqualTo(403);
    assertThat(byMember.json().getString("code")).isEqualTo("not_a_moderator");
    var byModerator =
        fx.api()
            .put(
                members(team.community(), newcomer.login()),
                team.moderator().token(),
                new JsonObject().put("role", "member"));
    assertThat(byModerator.status()).isEqualTo(201);
    assertThat(fx.api().get(members(team.community(), "history"), team.member().token()).status())
        .isEqualTo(403);
    assertThat(
            fx.api()
                .delete(members(team.community(), team.moderator().login()), newcomer.token())
                .status())
        .isEqualTo(403);
    assertThat(
            fx.api()
                .get("/api/users/me", newcomer.token())
                .json()
                .getJsonArray("memberships")
                .getJsonObject(0)
                .getString("community"))
        .isEqualTo(team.community());
  }

  @Test
  void badRolesAndUnknownUsersAreRejected(Fixtures fx) {
    String community = fx.community();
    Fixtures.TestUser teacher = fx.user("Учитель");
    assertThat(
            fx.api()
                .put(
                    members(community, teacher.login()),
                    fx.adminToken(),
                    new JsonObject().put("role", "king"))
                .status())
        .isEqualTo(422);
    assertThat(
            fx.api()
                .put(
                    members(community, teacher.login()),
                    fx.adminToken(),
                    new JsonObject()
                        .put("role", "member")
                        .put("order", new JsonObject().put("number", "1").put("date", "вчера")))
                .status())
        .isEqualTo(422);
    assertThat(
            fx.api()
                .put(
                    members(community, "no-such-user"),
                    fx.adminToken(),
                    new JsonObject().put("role", "member"))
                .status())
        .isEqualTo(404);
  }
}
