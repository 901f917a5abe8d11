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
    Fixtures.TestUser teacher = fx.methodist("Светлана Андреевна");
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
    assertThat(asModerator.getJsonObject("endedBy").getString("login")).isEqualTo("admin");
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

  @Test
  void onlyAdministratorsAppointOrRelieveModeratorsAndOnlyMethodists(Fixtures fx) {
    Fixtures.Team team = fx.team();
    Fixtures.TestUser teacher = fx.user("Учитель");
    Fixtures.TestUser methodist = fx.methodist("Методист центра");
    fx.join(team.community(), teacher, "member");
    // A moderator may neither promote a member nor relieve another moderator.
    var promote =
        fx.api()
            .put(
                members(team.community(), teacher.login()),
                team.moderator().token(),
                new JsonObject().put("role", "moderator"));
    assertThat(promote.status()).isEqualTo(403);
    assertThat(promote.json().getString("code")).isEqualTo("roles_given_by_centre");
    fx.join(team.community(), methodist, "moderator");
    var relieve =
        fx.api().delete(members(team.community(), methodist.login()), team.moderator().token());
    assertThat(relieve.status()).isEqualTo(403);
    var demote =
        fx.api()
            .put(
                members(team.community(), methodist.login()),
                team.moderator().token(),
                new JsonObject().put("role", "member"));
    assertThat(demote.status()).isEqualTo(403);
    // The centre appoints methodists only.
    var teacherAsModerator =
        fx.api()
            .put(
                members(team.community(), teacher.login()),
                fx.adminToken(),
                new JsonObject().put("role", "moderator"));
    assertThat(teacherAsModerator.status()).isEqualTo(422);
    assertThat(teacherAsModerator.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("role");
    assertThat(
            fx.api().delete(members(team.community(), methodist.login()), fx.adminToken()).status())
        .isEqualTo(204);
    // Moderators still manage members.
    assertThat(
            fx.api()
                .delete(
                    members(team.community(), teacher.login()) + "?reason=removed&note=%D0%BF",
                    team.moderator().token())
                .status())
        .isEqualTo(204);
  }

  @Test
  void refusalsNeverTellWhetherALoginExists(Fixtures fx) {
    Fixtures.Team team = fx.team();
    Fixtures.TestUser outsider = fx.user("Посторонний");
    for (String login :
        new String[] {team.member().login(), "no-such-user-" + Fixtures.unique("x")}) {
      var end = fx.api().delete(members(team.community(), login), outsider.token());
      assertThat(end.status()).as(login).isEqualTo(403);
      assertThat(end.json().getString("code")).isEqualTo("not_a_moderator");
      var add =
          fx.api()
              .put(
                  members(team.community(), login),
                  team.member().token(),
                  new JsonObject().put("role", "member"));
      assertThat(add.status()).as(login).isEqualTo(403);
      var appoint =
          fx.api()
              .put(
                  members(team.community(), login),
                  team.moderator().token(),
                  new JsonObject().put("role", "moderator"));
      assertThat(appoint.status()).as(login).isEqualTo(403);
      assertThat(fx.api().delete(members(team.community(), login), null).status()).isEqualTo(401);
    }
  }

  @Test
  void aMemberWhoLeavesIsRecordedAsLeftAndARemovalKeepsTheModeratorsNote(Fixtures fx) {
    Fixtures.Team team = fx.team();
    Fixtures.TestUser other = fx.user("Другой участник");
    fx.join(team.community(), other, "member");
    assertThat(
            fx.api()
                .delete(members(team.community(), team.member().login()), team.member().token())
                .status())
        .isEqualTo(204);
    assertThat(
            fx.api()
                .delete(
                    members(team.community(), other.login())
                        + "?reason=removed&note="
                        + java.net.URLEncoder.encode(
                            "Нарушение этических норм", java.nio.charset.StandardCharsets.UTF_8),
                    team.moderator().token())
                .status())
        .isEqualTo(204);
    JsonArray history =
        fx.api().get(members(team.community(), "history"), team.moderator().token()).items();
    JsonObject left = byLogin(history, team.member().login());
    assertThat(left.getString("endReason")).isEqualTo("left");
    assertThat(left.getJsonObject("endedBy").getString("login")).isEqualTo(team.member().login());
    JsonObject removed = byLogin(history, other.login());
    assertThat(removed.getString("endReason")).isEqualTo("removed");
    assertThat(removed.getJsonObject("endedBy").getString("login"))
        .isEqualTo(team.moderator().login());
    assertThat(removed.getString("endNote")).isEqualTo("Нарушение этических норм");
    assertThat(
            fx.api()
                .delete(
                    members(team.community(), team.moderator().login()) + "?reason=sacked",
                    fx.adminToken())
                .status())
        .isEqualTo(422);
  }

  private static JsonObject byLogin(JsonArray history, String login) {
    return history.stream()
        .map(JsonObject.class::cast)
        .filter(h -> h.getString("login").equals(login))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anArchivedCommunityIsReadOnlyForEveryoneAndSaysSo(Fixtures fx) {
    Fixtures.Team team = fx.team();
    Fixtures.TestUser newcomer = fx.user("Новичок");
    fx.save(team.community(), "страница", team.member().token(), "Страница", "Текст.\n", 0);
    archive(fx, team.community());

    String page = Api.page(team.community(), "страница");
    JsonObject body =
        new JsonObject().put("title", "Т").put("markdown", "Изменено\n").put("baseRevision", 1);
    for (String token :
        new String[] {team.member().token(), team.moderator().token(), fx.adminToken()}) {
      var save = fx.api().put(page, token, body);
      assertThat(save.status()).isEqualTo(409);
      assertThat(save.json().getString("code")).isEqualTo("community_archived");
      assertThat(
              fx.api()
                  .put(
                      Api.page(team.community(), "новая"),
                      token,
                      new JsonObject().put("title", "Новая").put("markdown", "Т\n"))
                  .status())
          .isEqualTo(409);
      assertThat(
              fx.api().post(page + "/revert", token, new JsonObject().put("revision", 1)).status())
          .isEqualTo(409);
    }
    assertThat(fx.api().post(page + "/publish", team.moderator().token(), null).status())
        .isEqualTo(409);
    assertThat(
            fx.api()
                .put(
                    members(team.community(), newcomer.login()),
                    team.moderator().token(),
                    new JsonObject().put("role", "member"))
                .status())
        .isEqualTo(409);
    // Still readable, with a notice on its screens; listed after the active communities.
    assertThat(fx.api().get(page, team.member().token()).status()).isEqualTo(200);
    var screen = fx.api().get("/c" + Api.path(team.community(), "страница"), team.member().token());
    assertThat(screen.document().getElementById("community-archived")).isNotNull();
    assertThat(screen.document().select("a[href$=/edit]")).isEmpty();
    assertThat(
            fx.api()
                .get("/c" + Api.path(team.community()), null)
                .document()
                .getElementById("community-archived"))
        .isNotNull();
    JsonArray all = fx.api().get("/api/communities", null).items();
    int archivedAt = -1;
    int lastActive = -1;
    for (int i = 0; i < all.size(); i++) {
      JsonObject c = all.getJsonObject(i);
      if (c.getString("slug").equals(team.community())) {
        archivedAt = i;
      } else if (c.getString("status").equals("active")) {
        lastActive = i;
      }
    }
    assertThat(archivedAt).isGreaterThan(lastActive);
  }

  private static void archive(Fixtures fx, String community) {
    var session = ru.metodichka.WebSession.withToken(fx.api(), fx.adminToken());
    session.page("/admin/communities/" + community);
    var done =
        session.postForm(
            "/admin/communities/" + community + "/status", java.util.Map.of("status", "archived"));
    assertThat(done.status()).isEqualTo(303);
  }
}
