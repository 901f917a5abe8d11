package ru.metodichka.account;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonObject;
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

/**
 * Who may manage accounts, for every audience: only administrators list, read, change, disable,
 * issue links and import — a refusal comes before the login or the file is looked at; everyone
 * logged in changes their own password; a link to set a password works for whoever holds it.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAuthorizationIT {
  private Audiences audiences;
  private Fixtures fx;
  private String target;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.audiences = Audiences.create(fx, app);
    this.target = fx.user("Чью учётную запись меняют").login();
  }

  private Api api() {
    return fx.api();
  }

  private static int adminOnly(Audience audience, int allowed) {
    return audience == Audience.ADMINISTRATOR ? allowed : Audiences.refused(audience);
  }

  @Test
  void onlyAdministratorsListReadAndSeeTheRecordOfAccounts() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      for (String uri :
          List.of(
              "/api/users",
              "/api/users?q=x",
              "/api" + Api.path("users", target),
              "/api" + Api.path("users", target, "events"))) {
        assertThat(api().get(uri, token).status())
            .as(audience + " " + uri)
            .isEqualTo(adminOnly(audience, 200));
      }
    }
  }

  @Test
  void onlyAdministratorsChangeAnAccountAndARefusalComesBeforeTheLoginIsLookedUp() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      var changed =
          AccountManagementIT.patch(
              api(), target, token, new JsonObject().put("position", "учитель " + audience));
      assertThat(changed.status()).as(audience + " " + changed).isEqualTo(adminOnly(audience, 200));
      var unknown =
          AccountManagementIT.patch(
              api(), "nobody-at-all", token, new JsonObject().put("admin", true));
      assertThat(unknown.status()).as(audience.name()).isEqualTo(adminOnly(audience, 404));
      if (audience != Audience.ADMINISTRATOR && audience != Audience.ANONYMOUS) {
        var self =
            AccountManagementIT.patch(
                api(), audiences.login(audience), token, new JsonObject().put("admin", true));
        assertThat(self.status()).as(audience + " makes themselves admin").isEqualTo(403);
      }
    }
  }

  @Test
  void onlyAdministratorsIssueLinksToSetAPassword() {
    for (Audience audience : Audience.values()) {
      var issued =
          api()
              .post(
                  "/api" + Api.path("users", target, "password-reset"),
                  audiences.token(audience),
                  null);
      assertThat(issued.status()).as(audience.name()).isEqualTo(adminOnly(audience, 201));
      if (audience != Audience.ADMINISTRATOR) {
        assertThat(issued.text()).doesNotContain("/password/reset/");
      }
    }
  }

  @Test
  void onlyAdministratorsImportAndARefusalComesBeforeTheFileIsRead() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      String login = Fixtures.unique("auth");
      var users =
          AccountManagementIT.csv(
              api(), "/api/users/import?dryRun=false", token, "login;name\n" + login + ";Имя\n");
      assertThat(users.status()).as(audience.name()).isEqualTo(adminOnly(audience, 201));
      var preview =
          AccountManagementIT.csv(api(), "/api/users/import", token, "not a csv file at all");
      assertThat(preview.status()).as(audience.name()).isEqualTo(adminOnly(audience, 200));
      var institutions =
          AccountManagementIT.csv(
              api(), "/api/institutions/import", token, "name\nШкола " + login + "\n");
      assertThat(institutions.status()).as(audience.name()).isEqualTo(adminOnly(audience, 200));
    }
  }

  @Test
  void everyoneLoggedInMayChangeTheirOwnPasswordWithTheOldOne() {
    for (Audience audience : Audience.values()) {
      var wrongOld =
          api()
              .post(
                  "/api/me/password",
                  audiences.token(audience),
                  new JsonObject().put("old", "not-the-password").put("new", "new-password-42"));
      int expected = audience == Audience.ANONYMOUS ? 401 : 422;
      assertThat(wrongOld.status()).as(audience + " " + wrongOld).isEqualTo(expected);
    }
  }

  @Test
  void aLinkToSetAPasswordIsForWhoeverHoldsItAndAnUnknownOneIs404ForEveryone() {
    for (Audience audience : Audience.values()) {
      var unknown =
          api()
              .post(
                  "/api/password-resets/" + "A".repeat(43),
                  audiences.token(audience),
                  new JsonObject().put("password", "new-password-42"));
      assertThat(unknown.status()).as(audience.name()).isEqualTo(404);
      assertThat(browser(audience).get("/password/reset/" + "A".repeat(43)).status())
          .as(audience.name())
          .isEqualTo(404);
    }
    // The holder of a real link sets the password whoever they are logged in as.
    String url =
        api()
            .post("/api" + Api.path("users", target, "password-reset"), fx.adminToken(), null)
            .json()
            .getString("url");
    var set =
        api()
            .post(
                "/api/password-resets/" + url.substring(url.lastIndexOf('/') + 1),
                audiences.token(Audience.OUTSIDER),
                new JsonObject().put("password", "new-password-42"));
    assertThat(set.status()).isEqualTo(204);
  }

  @Test
  void onlyAdministratorsOpenTheAccountScreens() {
    for (Audience audience : Audience.values()) {
      WebSession web = browser(audience);
      for (String path :
          List.of("/admin/users/" + target, "/admin/users/import", "/admin/institutions/import")) {
        assertThat(web.get(path).status())
            .as(audience + " " + path)
            .isEqualTo(adminOnly(audience, 200));
      }
    }
  }

  @Test
  void onlyAdministratorsPostToTheAccountScreens() {
    for (Audience audience : Audience.values()) {
      if (audience == Audience.ADMINISTRATOR) {
        continue;
      }
      WebSession web = browser(audience);
      var save = web.postForm("/admin/users/" + target, Map.of("name", "Взломано", "admin", "on"));
      assertThat(save.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
      var reset = web.postForm("/admin/users/" + target + "/reset", Map.of());
      assertThat(reset.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
      var imported =
          web.postForm(
              "/admin/users/import",
              Map.of("csv", "login;name\n" + Fixtures.unique("x") + ";И\n", "action", "import"));
      assertThat(imported.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
      assertThat(imported.text()).doesNotContain("/password/reset/");
    }
    var user = api().get("/api" + Api.path("users", target), fx.adminToken()).json();
    assertThat(user.getString("name")).isNotEqualTo("Взломано");
    assertThat(user.getBoolean("admin")).isFalse();
  }

  @Test
  void theOwnPasswordScreenIsForEveryoneLoggedIn() {
    for (Audience audience : Audience.values()) {
      var screen = browser(audience).get("/me/password");
      if (audience == Audience.ANONYMOUS) {
        assertThat(screen.status()).isEqualTo(302);
        assertThat(screen.location()).isEqualTo("/login?back=/me/password");
      } else {
        assertThat(screen.status()).as(audience.name()).isEqualTo(200);
        assertThat(screen.document().select("#password-old")).hasSize(1);
      }
    }
  }

  private WebSession browser(Audience audience) {
    String token = audiences.token(audience);
    return token == null ? new WebSession(api()) : WebSession.withToken(api(), token);
  }
}
