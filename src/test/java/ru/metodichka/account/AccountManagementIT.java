package ru.metodichka.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/**
 * What the centre does with accounts, end to end through the API and the screens: changing rights
 * (recorded with who did it), the guard rails, disabling (sessions end, logins refused with a clear
 * message, enabling works again), one-time links to set a password, changing one's own password,
 * and imports that are all or nothing.
 */
@ExtendWith(AppExtension.class)
class AccountManagementIT {
  static final String DISABLED_MESSAGE =
      "Учётная запись отключена. Обратитесь к администратору центра.";

  static Api.Response patch(Api api, String login, String token, JsonObject body) {
    return api.send(
        HttpMethod.PATCH,
        "/api" + Api.path("users", login),
        token,
        body.toBuffer(),
        "application/json",
        Map.of());
  }

  static Api.Response csv(Api api, String uri, String token, String text) {
    return api.send(
        HttpMethod.POST, uri, token, Buffer.buffer(text), "text/csv; charset=utf-8", Map.of());
  }

  static Api.Response login(Api api, String login, String password) {
    return api.post(
        "/api/session", null, new JsonObject().put("login", login).put("password", password));
  }

  @Test
  void anAdministratorChangesDetailsAndRightsAndTheChangesAreRecordedWithWhoMadeThem(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Анна Котова");
    var changed =
        patch(
            fx.api(),
            teacher.login(),
            fx.adminToken(),
            new JsonObject()
                .put("name", "Анна Сергеевна Котова")
                .put("position", "учитель истории")
                .put("email", "")
                .put("methodist", true)
                .put("admin", true));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().getString("name")).isEqualTo("Анна Сергеевна Котова");
    assertThat(changed.json().getString("position")).isEqualTo("учитель истории");
    assertThat(changed.json().getString("email")).isNull();
    assertThat(changed.json().getBoolean("methodist")).isTrue();
    assertThat(changed.json().getBoolean("admin")).isTrue();
    assertThat(changed.json().getString("institution")).isEqualTo("МБОУ СОШ № 1");

    var revoked =
        patch(fx.api(), teacher.login(), fx.adminToken(), new JsonObject().put("admin", false));
    assertThat(revoked.json().getBoolean("admin")).isFalse();

    JsonArray events =
        fx.api()
            .get("/api" + Api.path("users", teacher.login(), "events"), fx.adminToken())
            .json()
            .getJsonArray("items");
    assertThat(events.stream().map(e -> ((JsonObject) e).getString("kind")))
        .containsExactly("admin_revoked", "profile_changed", "methodist_granted", "admin_granted");
    assertThat(events.getJsonObject(0).getString("actor")).isEqualTo("admin");
  }

  @Test
  void theEventRecordCannotBeRewritten(Fixtures fx, TestApp app) throws Exception {
    Fixtures.TestUser teacher = fx.user("Запись");
    patch(fx.api(), teacher.login(), fx.adminToken(), new JsonObject().put("methodist", true));
    try (Connection db = app.jdbc();
        var update = db.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> update.executeUpdate("UPDATE account_events SET kind = 'enabled'"))
          .hasMessageContaining("append-only");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> update.executeUpdate("DELETE FROM account_events"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void anUnknownInstitutionOrABadFieldIsNamed(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Поля");
    var refused =
        patch(
            fx.api(),
            teacher.login(),
            fx.adminToken(),
            new JsonObject()
                .put("institution", "Нет такой школы")
                .put("email", "не-почта")
                .put("admin", "да"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(fields(refused)).containsExactlyInAnyOrder("email", "admin");
    var unknown =
        patch(
            fx.api(),
            teacher.login(),
            fx.adminToken(),
            new JsonObject().put("institution", "Нет такой школы"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(fields(unknown)).containsExactly("institution");
    assertThat(patch(fx.api(), teacher.login(), fx.adminToken(), new JsonObject()).status())
        .isEqualTo(400);
    assertThat(
            patch(fx.api(), "nobody-here", fx.adminToken(), new JsonObject().put("admin", true))
                .status())
        .isEqualTo(404);
  }

  @Test
  void anAdministratorCannotDemoteOrDisableThemselves(Fixtures fx) {
    var demote = patch(fx.api(), "admin", fx.adminToken(), new JsonObject().put("admin", false));
    assertThat(demote.status()).isEqualTo(409);
    assertThat(demote.json().getString("code")).isEqualTo("cannot_demote_self");
    var disable = patch(fx.api(), "admin", fx.adminToken(), new JsonObject().put("disabled", true));
    assertThat(disable.status()).isEqualTo(409);
    assertThat(disable.json().getString("code")).isEqualTo("cannot_disable_self");
    assertThat(fx.api().get("/api/users/me", fx.adminToken()).json().getBoolean("admin")).isTrue();
  }

  @Test
  void aModeratorStaysAMethodistUntilRelieved(Fixtures fx) {
    Fixtures.Team team = fx.team();
    String moderator = team.moderator().login();
    var refused =
        patch(fx.api(), moderator, fx.adminToken(), new JsonObject().put("methodist", false));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("code")).isEqualTo("moderator_must_stay_methodist");
    assertThat(refused.json().getJsonArray("communities").getString(0))
        .isEqualTo("Сообщество " + team.community());
    // Relieved (made a member), the methodist status may go.
    fx.api()
        .put(
            "/api" + Api.path("communities", team.community(), "members", moderator),
            fx.adminToken(),
            new JsonObject().put("role", "member"));
    var revoked =
        patch(fx.api(), moderator, fx.adminToken(), new JsonObject().put("methodist", false));
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
  }

  @Test
  void disablingEndsEverySessionAtOnceRefusesLoginsClearlyAndEnablingLetsThemBackIn(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Бывший учитель");
    String second = fx.login(teacher.login(), Fixtures.PASSWORD);
    WebSession browser = WebSession.withToken(fx.api(), second);
    assertThat(browser.get("/me").status()).isEqualTo(200);

    var disabled =
        patch(fx.api(), teacher.login(), fx.adminToken(), new JsonObject().put("disabled", true));
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("disabled")).isTrue();
    assertThat(disabled.json().getString("disabledAt")).isNotNull();

    var old = fx.api().get("/api/users/me", teacher.token());
    assertThat(old.status()).isEqualTo(401);
    assertThat(old.json().getString("code")).isEqualTo("session_expired");
    assertThat(browser.get("/me").status()).as("the cookie no longer logs in").isEqualTo(302);

    var refused = login(fx.api(), teacher.login(), Fixtures.PASSWORD);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("code")).isEqualTo("account_disabled");
    assertThat(refused.json().getString("detail")).isEqualTo(DISABLED_MESSAGE);
    var guess = login(fx.api(), teacher.login(), "wrong-password");
    assertThat(guess.status()).as("a wrong password learns nothing").isEqualTo(401);

    WebSession screen = new WebSession(fx.api());
    screen.get("/login");
    var form =
        screen.postForm("/login", Map.of("login", teacher.login(), "password", Fixtures.PASSWORD));
    assertThat(form.status()).isEqualTo(403);
    assertThat(form.document().select("#login-error").text()).isEqualTo(DISABLED_MESSAGE);

    var enabled =
        patch(fx.api(), teacher.login(), fx.adminToken(), new JsonObject().put("disabled", false));
    assertThat(enabled.json().getBoolean("disabled")).isFalse();
    assertThat(fx.api().get("/api/users/me", teacher.token()).status())
        .as("old sessions stay ended")
        .isEqualTo(401);
    assertThat(login(fx.api(), teacher.login(), Fixtures.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void aResetLinkSetsThePasswordOnceEndsEverySessionAndIsNotShownAgain(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Забыла пароль");
    var issued =
        fx.api()
            .post(
                "/api" + Api.path("users", teacher.login(), "password-reset"),
                fx.adminToken(),
                null);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    assertThat(issued.headers().get("Cache-Control")).isEqualTo("no-store");
    String url = issued.json().getString("url");
    String path = url.substring(url.indexOf("/password/reset/"));
    String token = path.substring("/password/reset/".length());

    WebSession person = new WebSession(fx.api());
    var form = person.page(path);
    assertThat(form.select("#password-intro").text()).contains("Забыла пароль");
    var tooShort = person.postForm(path, Map.of("new", "short", "repeat", "short"));
    assertThat(tooShort.status()).isEqualTo(422);
    var set = person.postForm(path, Map.of("new", "new-password-42", "repeat", "new-password-42"));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.document().select("#password-notice").text()).isNotBlank();

    assertThat(fx.api().get("/api/users/me", teacher.token()).status()).isEqualTo(401);
    assertThat(login(fx.api(), teacher.login(), Fixtures.PASSWORD).status()).isEqualTo(401);
    assertThat(login(fx.api(), teacher.login(), "new-password-42").status()).isEqualTo(200);

    assertThat(person.get(path).status()).as("used up").isEqualTo(404);
    var again =
        fx.api()
            .post(
                "/api" + Api.path("password-resets", token),
                null,
                new JsonObject().put("password", "another-password"));
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().getString("code")).isEqualTo("reset_link_invalid");

    JsonArray events =
        fx.api()
            .get("/api" + Api.path("users", teacher.login(), "events"), fx.adminToken())
            .json()
            .getJsonArray("items");
    assertThat(events.getJsonObject(0).getString("kind")).isEqualTo("password_reset_used");
    assertThat(events.getJsonObject(0).getString("actor")).isNull();
    assertThat(events.getJsonObject(1).getString("kind")).isEqualTo("password_reset_issued");
  }

  @Test
  void anExpiredOrSupersededLinkDoesNotWork(Fixtures fx, TestApp app) throws Exception {
    Fixtures.TestUser teacher = fx.user("Просрочила");
    String first = tokenOf(issue(fx, teacher.login()));
    String second = tokenOf(issue(fx, teacher.login()));
    JsonObject password = new JsonObject().put("password", "new-password-42");
    assertThat(fx.api().post("/api" + Api.path("password-resets", first), null, password).status())
        .as("a newer link voids the older")
        .isEqualTo(404);
    try (Connection db = app.jdbc();
        var expire =
            db.prepareStatement(
                "UPDATE password_resets SET expires_at = now() - interval '1 second'"
                    + " WHERE user_id = (SELECT id FROM users WHERE login = ?)")) {
      expire.setString(1, teacher.login());
      expire.executeUpdate();
    }
    assertThat(fx.api().post("/api" + Api.path("password-resets", second), null, password).status())
        .isEqualTo(404);
    assertThat(fx.api().get("/api/users/me", teacher.token()).status()).isEqualTo(200);
    var bad = fx.api().post("/api/password-resets/not-a-token", null, password);
    assertThat(bad.status()).isEqualTo(404);
  }

  @Test
  void aPersonChangesTheirOwnPasswordAndTheirOtherSessionsEnd(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Меняю пароль");
    String phone = fx.login(teacher.login(), Fixtures.PASSWORD);
    var wrong =
        fx.api()
            .post(
                "/api/me/password",
                teacher.token(),
                new JsonObject().put("old", "not-my-password").put("new", "new-password-42"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(fields(wrong)).containsExactly("old");
    var weak =
        fx.api()
            .post(
                "/api/me/password",
                teacher.token(),
                new JsonObject().put("old", Fixtures.PASSWORD).put("new", "short"));
    assertThat(fields(weak)).containsExactly("new");
    var changed =
        fx.api()
            .post(
                "/api/me/password",
                teacher.token(),
                new JsonObject().put("old", Fixtures.PASSWORD).put("new", "new-password-42"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(fx.api().get("/api/users/me", teacher.token()).status())
        .as("this session stays")
        .isEqualTo(200);
    assertThat(fx.api().get("/api/users/me", phone).status()).as("others end").isEqualTo(401);
    assertThat(login(fx.api(), teacher.login(), "new-password-42").status()).isEqualTo(200);
  }

  @Test
  void theOwnPasswordScreenChangesItToo(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Экран пароля");
    WebSession browser = new WebSession(fx.api()).login(teacher.login(), Fixtures.PASSWORD);
    assertThat(browser.page("/me").select("#profile-password").attr("href"))
        .isEqualTo("/me/password");
    browser.page("/me/password");
    var mismatch =
        browser.postForm(
            "/me/password",
            Map.of("old", Fixtures.PASSWORD, "new", "new-password-42", "repeat", "other-password"));
    assertThat(mismatch.status()).isEqualTo(422);
    var wrong =
        browser.postForm(
            "/me/password",
            Map.of("old", "not-it-at-all", "new", "new-password-42", "repeat", "new-password-42"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.document().select("#password-errors").text()).isNotBlank();
    var changed =
        browser.postForm(
            "/me/password",
            Map.of(
                "old", Fixtures.PASSWORD, "new", "new-password-42", "repeat", "new-password-42"));
    assertThat(changed.status()).isEqualTo(303);
    assertThat(browser.page("/me/password?done=changed").select("#password-notice").text())
        .isNotBlank();
    assertThat(fx.api().get("/api/users/me", teacher.token()).status()).isEqualTo(401);
  }

  @Test
  void importingUsersPreviewsThenCreatesEveryRowWithALinkEach(Fixtures fx) {
    String a = Fixtures.unique("imp");
    String b = Fixtures.unique("imp");
    String file =
        "\uFEFFlogin;name;email;institution;position;methodist\r\n"
            + a
            + ";Иванова Мария;"
            + a
            + "@school.ru;МБОУ СОШ № 1;учитель;нет\r\n"
            + b
            + ";Петров Олег;;;методист;да\r\n";
    var preview = csv(fx.api(), "/api/users/import", fx.adminToken(), file);
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    assertThat(preview.json().getBoolean("valid")).isTrue();
    assertThat(preview.json().getJsonArray("rows")).hasSize(2);
    assertThat(fx.api().get("/api" + Api.path("users", a), fx.adminToken()).status())
        .as("a preview imports nothing")
        .isEqualTo(404);

    var imported = csv(fx.api(), "/api/users/import?dryRun=false", fx.adminToken(), file);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonArray created = imported.json().getJsonArray("created");
    assertThat(created).hasSize(2);
    var user = fx.api().get("/api" + Api.path("users", b), fx.adminToken()).json();
    assertThat(user.getBoolean("methodist")).isTrue();
    assertThat(user.getBoolean("admin")).isFalse();
    assertThat(login(fx.api(), a, "").status()).as("no password yet").isIn(401, 422);

    String url = created.getJsonObject(0).getString("url");
    String token = url.substring(url.lastIndexOf('/') + 1);
    var set =
        fx.api()
            .post(
                "/api" + Api.path("password-resets", token),
                null,
                new JsonObject().put("password", "first-password"));
    assertThat(set.status()).isEqualTo(204);
    assertThat(login(fx.api(), a, "first-password").status()).isEqualTo(200);

    var twice = csv(fx.api(), "/api/users/import", fx.adminToken(), file);
    assertThat(twice.json().getBoolean("valid")).isFalse();
    assertThat(fieldsOf(twice.json().getJsonArray("errors")))
        .containsExactly("rows[2].login", "rows[3].login");
  }

  @Test
  void aFileWithOneBadRowImportsNothingAndNamesEachProblem(Fixtures fx) {
    String good = Fixtures.unique("imp");
    String file =
        "login,name,email,institution\n"
            + good
            + ",Хорошая строка,,\n"
            + Fixtures.unique("imp")
            + ",Плохая почта,не-почта,Школа, которой нет\n";
    var refused = csv(fx.api(), "/api/users/import?dryRun=false", fx.adminToken(), file);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(fields(refused)).containsExactlyInAnyOrder("rows[3].email", "rows[3].institution");
    assertThat(fx.api().get("/api" + Api.path("users", good), fx.adminToken()).status())
        .isEqualTo(404);
  }

  @Test
  void institutionsImportTooAndThenUsersOfThemDo(Fixtures fx) {
    String name = "МБОУ «Школа " + Fixtures.unique("№") + "»";
    String shortName = Fixtures.unique("Ш");
    String file = "\uFEFFНазвание;Краткое название;Тип\n" + name + ";" + shortName + ";школа\n";
    var preview = csv(fx.api(), "/api/institutions/import", fx.adminToken(), file);
    assertThat(preview.json().getBoolean("valid")).isTrue();
    var imported = csv(fx.api(), "/api/institutions/import?dryRun=false", fx.adminToken(), file);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    assertThat(imported.json().getInteger("created")).isEqualTo(1);
    var again = csv(fx.api(), "/api/institutions/import?dryRun=false", fx.adminToken(), file);
    assertThat(again.status()).isEqualTo(422);
    assertThat(fields(again)).containsExactly("rows[2].name");

    String login = Fixtures.unique("imp");
    var users =
        csv(
            fx.api(),
            "/api/users/import?dryRun=false",
            fx.adminToken(),
            "login;name;institution\n" + login + ";Учитель;" + shortName + "\n");
    assertThat(users.status()).as(users.toString()).isEqualTo(201);
    assertThat(
            fx.api()
                .get("/api" + Api.path("users", login), fx.adminToken())
                .json()
                .getString("institution"))
        .isEqualTo(name);
  }

  @Test
  void theImportScreenPreviewsAndConfirmsAndShowsTheLinksOnce(Fixtures fx) {
    WebSession admin = WebSession.withToken(fx.api(), fx.adminToken());
    admin.page("/admin/users/import");
    String login = Fixtures.unique("scr");
    String file = "login;name\n" + login + ";Экранный импорт\n";
    var preview = admin.postForm("/admin/users/import", Map.of("csv", file, "action", "preview"));
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.document().select("#preview-table tbody tr")).hasSize(1);
    assertThat(preview.document().select("#import-confirm")).hasSize(1);
    var done = admin.postForm("/admin/users/import", Map.of("csv", file, "action", "import"));
    assertThat(done.status()).isEqualTo(201);
    assertThat(done.document().select("#created-table .reset-url").text())
        .contains("/password/reset/");

    var bad =
        admin.postForm(
            "/admin/users/import", Map.of("csv", "login;name\nя;\n", "action", "preview"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.document().select("#import-errors li")).hasSize(2);
    assertThat(bad.document().select("#import-confirm")).isEmpty();
  }

  @Test
  void theEditScreenSavesDisablesAndIssuesALink(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Редактируемая");
    WebSession admin = WebSession.withToken(fx.api(), fx.adminToken());
    String path = "/admin/users/" + teacher.login();
    var page = admin.page(path);
    assertThat(page.select("#account-name").val()).isEqualTo("Редактируемая");
    var saved =
        admin.postForm(
            path,
            Map.of(
                "name", "Отредактированная",
                "email", "",
                "institution", "МБОУ СОШ № 1",
                "position", "учитель",
                "disabled", "on"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
    assertThat(fx.api().get("/api/users/me", teacher.token()).status()).isEqualTo(401);
    var after = admin.page(path + "?done=saved");
    assertThat(after.select("#account-disabled")).hasSize(1);
    assertThat(after.select("#events-table tr[data-kind=disabled]")).hasSize(1);
    assertThat(after.select("#reset-form")).as("no link for a disabled account").isEmpty();

    admin.postForm(
        path, Map.of("name", "Отредактированная", "email", "", "institution", "", "position", ""));
    var reset = admin.postForm(path + "/reset", Map.of());
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.document().select("#reset-url").val()).contains("/password/reset/");

    var self = admin.postForm("/admin/users/admin", Map.of("name", "Администратор"));
    assertThat(self.status()).as("unticking one's own admin box is refused").isEqualTo(409);
    assertThat(self.document().select("#account-admin-error").text()).isNotBlank();
  }

  @Test
  void theUserListSearchesAndPages(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Уникальная Фамилия");
    var found =
        fx.api()
            .get(
                "/api/users?q=" + teacher.login().toUpperCase(java.util.Locale.ROOT),
                fx.adminToken());
    assertThat(found.json().getInteger("total")).isEqualTo(1);
    assertThat(found.items().getJsonObject(0).getString("login")).isEqualTo(teacher.login());
    var page = fx.api().get("/api/users?limit=1&offset=1", fx.adminToken());
    assertThat(page.items()).hasSize(1);
    WebSession admin = WebSession.withToken(fx.api(), fx.adminToken());
    var screen = admin.page("/admin/users?q=" + teacher.login());
    assertThat(screen.select("#users-table tbody tr")).hasSize(1);
  }

  private static String issue(Fixtures fx, String login) {
    return fx.api()
        .post("/api" + Api.path("users", login, "password-reset"), fx.adminToken(), null)
        .json()
        .getString("url");
  }

  private static String tokenOf(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static List<String> fields(Api.Response problem) {
    return fieldsOf(problem.json().getJsonArray("errors"));
  }

  private static List<String> fieldsOf(JsonArray errors) {
    return errors.stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }
}
