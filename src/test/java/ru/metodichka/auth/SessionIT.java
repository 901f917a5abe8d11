package ru.metodichka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

@ExtendWith(AppExtension.class)
class SessionIT {
  private static JsonObject credentials(String login, String password) {
    return new JsonObject().put("login", login).put("password", password);
  }

  @Test
  void loginGivesATokenTheUserAndAnHttpOnlyLaxCookie(Fixtures fx) {
    Fixtures.TestUser user = fx.user("Мария Ивановна");
    var response =
        fx.api().post("/api/session", null, credentials(user.login(), Fixtures.PASSWORD));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("token")).hasSizeGreaterThan(30);
    assertThat(response.json().getJsonObject("user").getString("name")).isEqualTo("Мария Ивановна");
    assertThat(response.json().getJsonObject("user").containsKey("password")).isFalse();
    String cookie = response.setCookie("mtd_session");
    assertThat(cookie)
        .startsWith("mtd_session=" + response.json().getString("token"))
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/")
        .doesNotContain("Secure");
    assertThat(response.headers().get("Cache-Control")).isEqualTo("no-store");
    assertThat(response.setCookie("mtd_device"))
        .as("the browser is marked as one this login succeeded in")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Max-Age=31536000");
  }

  @Test
  void behindHttpsTheCookieIsSecure(Fixtures fx) {
    Fixtures.TestUser user = fx.user("Анна");
    var response =
        fx.api()
            .send(
                HttpMethod.POST,
                "/api/session",
                null,
                credentials(user.login(), Fixtures.PASSWORD).toBuffer(),
                "application/json",
                Map.of("X-Forwarded-Proto", "https"));
    assertThat(response.setCookie("mtd_session")).contains("Secure");
    assertThat(response.setCookie("mtd_device")).contains("Secure");
    assertThat(response.headers().get("Strict-Transport-Security")).contains("max-age=31536000");
  }

  @Test
  void theTokenWorksAsBearerAndAsCookie(Fixtures fx) {
    Fixtures.TestUser user = fx.user("Пётр Петрович");
    assertThat(fx.api().get("/api/users/me", user.token()).json().getString("login"))
        .isEqualTo(user.login());
    var byCookie =
        fx.api()
            .send(
                HttpMethod.GET,
                "/api/users/me",
                null,
                null,
                null,
                Map.of("Cookie", "mtd_session=" + user.token()));
    assertThat(byCookie.status()).isEqualTo(200);
    assertThat(byCookie.json().getString("name")).isEqualTo("Пётр Петрович");
  }

  @Test
  void eachLoginIsANewSessionAndLogoutEndsItOnTheServer(Fixtures fx) {
    Fixtures.TestUser user = fx.user("Ирина");
    String second = fx.login(user.login(), Fixtures.PASSWORD);
    assertThat(second).isNotEqualTo(user.token());
    var logout = fx.api().delete("/api/session", second);
    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.headers().get("Set-Cookie")).contains("Max-Age=0");
    var after = fx.api().get("/api/users/me", second);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().getString("code")).isEqualTo("session_expired");
    assertThat(fx.api().get("/api/users/me", user.token()).status()).isEqualTo(200);
  }

  @Test
  void aStaleCookieJustMeansAnonymous(Fixtures fx) {
    var response =
        fx.api()
            .send(
                HttpMethod.GET,
                "/api/communities",
                null,
                null,
                null,
                Map.of("Cookie", "mtd_session=not-a-real-session"));
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void wrongCredentialsAre401AndSayNothingAboutWhichPartWasWrong(Fixtures fx) {
    Fixtures.TestUser user = fx.user("Олег");
    var wrongPassword =
        fx.api().post("/api/session", null, credentials(user.login(), "wrong-password"));
    var noSuchUser =
        fx.api()
            .post("/api/session", null, credentials("nobody-" + user.login(), "wrong-password"));
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(noSuchUser.status()).isEqualTo(401);
    assertThat(wrongPassword.json().getString("code")).isEqualTo("invalid_credentials");
    assertThat(noSuchUser.json().getString("detail"))
        .isEqualTo(wrongPassword.json().getString("detail"));
  }

  @Test
  void missingFieldsAre422(Api api) {
    var response = api.post("/api/session", null, new JsonObject().put("login", "x"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("password");
  }
}
