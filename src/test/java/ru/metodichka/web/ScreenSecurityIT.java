package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** Headers, cookies, CSRF and escaping on the HTML screens, checked at the HTTP level. */
@ExtendWith(AppExtension.class)
class ScreenSecurityIT {
  private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

  @Test
  void everyKindOfResponseCarriesTheSecurityHeaders(Api api) {
    for (String path : new String[] {"/", "/no-such-screen", "/assets/site.css", "/login"}) {
      Api.Response response = api.get(path, null);
      String csp = response.headers().get("Content-Security-Policy");
      assertThat(csp)
          .as(path)
          .contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'");
      assertThat(csp).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline");
      assertThat(response.headers().get("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(response.headers().get("Referrer-Policy")).as(path).isNotBlank();
    }
  }

  @Test
  void htmlScreensCarryNoInlineScriptOrStyle(Api api) {
    Document home = Jsoup.parse(api.get("/", null).text());
    assertThat(home.select("script:not([src])")).isEmpty();
    assertThat(home.select("[style]")).isEmpty();
    assertThat(home.select("style")).isEmpty();
    assertThat(home.select("[onclick], [onload], [onerror]")).isEmpty();
  }

  @Test
  void behindHttpsTheSiteAsksForHstsOfAtLeastAYearAndSecureCookies(Fixtures fixtures, Api api) {
    var user = fixtures.user("Пользователь HTTPS");
    Api.Response login =
        api.send(
            HttpMethod.POST,
            "/api/session",
            null,
            Buffer.buffer(
                "{\"login\":\"" + user.login() + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"),
            "application/json",
            Map.of("X-Forwarded-Proto", "https"));
    String hsts = login.headers().get("Strict-Transport-Security");
    long maxAge = Long.parseLong(hsts.replaceAll(".*max-age=(\\d+).*", "$1"));
    assertThat(maxAge).isGreaterThanOrEqualTo(31_536_000L);
    String cookie = login.setCookie("mtd_session");
    assertThat(cookie.toLowerCase(Locale.ROOT)).contains("httponly", "secure", "samesite=lax");
    Api.Response plain = api.get("/", null);
    assertThat(plain.headers().get("Strict-Transport-Security")).isNull();
  }

  @Test
  void loginStartsANewSessionAndLogoutEndsItOnTheServer(Fixtures fixtures, Api api) {
    var user = fixtures.user("Пользователь сессии");
    WebSession web = new WebSession(api);
    web.setCookie("mtd_session", "planted-by-an-attacker");
    web.login(user.login(), Fixtures.PASSWORD);
    String session = web.cookie("mtd_session");
    assertThat(session).isNotNull().isNotEqualTo("planted-by-an-attacker");

    Document home = web.page("/", 200);
    assertThat(home.select(".user-nav").text()).contains("Пользователь сессии");
    assertThat(web.get("/").headers().get("Cache-Control")).isEqualTo("no-store");

    web.postForm("/logout", Map.of());
    WebSession stolen = new WebSession(api);
    stolen.setCookie("mtd_session", session);
    Document after = stolen.page("/", 200);
    assertThat(after.select(".user-nav").text())
        .contains("Войти")
        .doesNotContain("Пользователь сессии");
  }

  @Test
  void aFormWithoutTheRightTokenIsRejectedAndChangesNothing(Fixtures fixtures, Api api) {
    var team = fixtures.team();
    fixtures.save(team.community(), "черновик", team.member().token(), "Черновик", "Текст", 0);
    WebSession moderator = new WebSession(api);
    moderator.login(team.moderator().login(), Fixtures.PASSWORD);
    moderator.get("/c/" + team.community() + "/черновик");

    String publish = "/c/" + team.community() + "/черновик/publish";
    assertThat(moderator.postRaw(publish, Map.of()).status()).isEqualTo(403);
    Api.Response forged = moderator.postRaw(publish, Map.of("csrf", "forged"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.text()).contains("Форма устарела");
    assertThat(api.get(Api.page(team.community(), "черновик"), null).status()).isEqualTo(404);

    assertThat(moderator.postForm(publish, Map.of("note", "Черновик для проверки формы")).status())
        .isEqualTo(303);
    assertThat(api.get(Api.page(team.community(), "черновик"), null).status()).isEqualTo(200);
  }

  @Test
  void cookieAuthenticatedApiCallsNeedTheTokenButBearerCallsDoNot(Fixtures fixtures, Api api) {
    var team = fixtures.team();
    WebSession member = new WebSession(api);
    member.login(team.member().login(), Fixtures.PASSWORD);
    String body = "{\"title\":\"Страница\",\"markdown\":\"Текст\",\"baseRevision\":0}";
    String path = Api.page(team.community(), "страница");

    assertThat(member.api(HttpMethod.PUT, path, body, null).status()).isEqualTo(403);
    Api.Response token = member.api(HttpMethod.GET, "/api/csrf", null, null);
    String csrf = token.json().getString("token");
    assertThat(member.api(HttpMethod.PUT, path, body, csrf).status()).isEqualTo(201);

    String bearerBody = "{\"title\":\"Страница\",\"markdown\":\"Текст 2\",\"baseRevision\":1}";
    Api.Response bearer =
        api.send(
            HttpMethod.PUT,
            path,
            team.member().token(),
            Buffer.buffer(bearerBody),
            "application/json",
            Map.of());
    assertThat(bearer.status()).isEqualTo(200);
  }

  @Test
  void anAuthorizationHeaderOtherThanABearerTokenIsNoExcuseForAMissingCsrfToken(
      Fixtures fixtures, Api api) {
    var team = fixtures.team();
    fixtures.save(team.community(), "за-прокси", team.member().token(), "Черновик", "Текст", 0);
    String proxyCredentials =
        "Basic " + Base64.getEncoder().encodeToString("teacher:proxy-password".getBytes());
    WebSession moderator = new WebSession(api).alwaysSend("Authorization", proxyCredentials);
    moderator.login(team.moderator().login(), Fixtures.PASSWORD);
    moderator.get("/c/" + team.community() + "/за-прокси");

    String publish = "/c/" + team.community() + "/за-прокси/publish";
    assertThat(moderator.postRaw(publish, Map.of()).status()).as("form").isEqualTo(403);
    assertThat(api.get(Api.page(team.community(), "за-прокси"), null).status()).isEqualTo(404);
    String apiPublish = Api.page(team.community(), "за-прокси", "publish");
    assertThat(moderator.api(HttpMethod.POST, apiPublish, null, null).status())
        .as("cookie-authenticated API call")
        .isEqualTo(403);
    assertThat(api.get(Api.page(team.community(), "за-прокси"), null).status()).isEqualTo(404);

    assertThat(moderator.postForm(publish, Map.of("note", "Для проверки прокси")).status())
        .as("with the token")
        .isEqualTo(303);
    assertThat(api.get(Api.page(team.community(), "за-прокси"), null).status()).isEqualTo(200);
  }

  @Test
  void hostileTitlesAreShownAsTextOnEveryScreen(Fixtures fixtures, Api api) {
    var team = fixtures.team();
    fixtures.save(team.community(), "опасная", team.member().token(), HOSTILE, HOSTILE, 0);
    WebSession member = new WebSession(api);
    member.login(team.member().login(), Fixtures.PASSWORD);
    for (String path :
        new String[] {"/", "/c/" + team.community(), "/c/" + team.community() + "/опасная"}) {
      Document page = member.page(path, 200);
      assertThat(page.select("script:not([src])")).as(path).isEmpty();
      assertThat(page.select("img[onerror]")).as(path).isEmpty();
      assertThat(page.text()).as(path).contains("<script>alert(1)</script>");
    }
  }

  @Test
  void anonymousVisitorsSeeNoDraftsNoEditLinksAndNoAdministration(Fixtures fixtures, Api api) {
    var team = fixtures.team();
    fixtures.save(team.community(), "скрытый", team.member().token(), "Скрытый черновик", "x", 0);
    WebSession visitor = new WebSession(api);
    Document community = visitor.page("/c/" + team.community(), 200);
    assertThat(community.text()).doesNotContain("Скрытый черновик");
    assertThat(community.select("a[href$=/new]")).isEmpty();
    Document missing = visitor.page("/c/" + team.community() + "/скрытый", 404);
    assertThat(missing.select("h1").text()).isNotBlank();
    assertThat(missing.select("html").attr("lang")).isEqualTo("ru");
    assertThat(visitor.page("/", 200).select("a[href=/admin]")).isEmpty();
  }
}
