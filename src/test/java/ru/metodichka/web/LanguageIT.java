package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.WebSession;

/** Russian by default; English when the browser asks for it or the user picks it. */
@ExtendWith(AppExtension.class)
class LanguageIT {

  @Test
  void screensSpeakRussianByDefault(Api api) {
    Document home = Jsoup.parse(api.get("/", null).text());
    assertThat(home.select("html").attr("lang")).isEqualTo("ru");
    assertThat(home.title()).isEqualTo("Главная — Методичка");
    assertThat(home.select(".user-nav").text()).contains("Войти", "English");
  }

  @Test
  void aBrowserThatPrefersEnglishGetsEnglish(Api api) {
    Api.Response response =
        api.send(
            HttpMethod.GET, "/", null, null, null, Map.of("Accept-Language", "en-GB,en;q=0.9"));
    Document home = Jsoup.parse(response.text());
    assertThat(home.select("html").attr("lang")).isEqualTo("en");
    assertThat(home.title()).isEqualTo("Home — Metodichka");
  }

  @Test
  void theLanguageAUserPicksStaysAndTakesThemBack(Api api) {
    WebSession web = new WebSession(api);
    Api.Response pick = web.get("/lang/en?back=/login");
    assertThat(pick.status()).isEqualTo(302);
    assertThat(pick.headers().get("Location")).isEqualTo("/login");
    assertThat(web.page("/login", 200).select("h1").text()).isEqualTo("Log in");
    web.get("/lang/ru?back=/login");
    assertThat(web.page("/login", 200).select("h1").text()).isEqualTo("Вход");
  }

  @Test
  void theWayBackKeepsTheWholeAddressQueryIncluded(Api api) {
    Document page = Jsoup.parse(api.get("/c/x?from=1&to=3", null).text());
    String login = page.selectFirst(".user-nav a[href^=/login]").attr("href");
    assertThat(login).isEqualTo("/login?back=%2Fc%2Fx%3Ffrom%3D1%26to%3D3");
    Document form = Jsoup.parse(api.get(login, null).text());
    assertThat(form.select("input[name=back]").val()).isEqualTo("/c/x?from=1&to=3");
  }

  @Test
  void theLanguageSwitchNeverSendsUsersToAnotherSite(Api api) {
    for (String back :
        new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example"}) {
      Api.Response pick =
          api.get("/lang/en?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8), null);
      assertThat(pick.headers().get("Location")).as(back).isEqualTo("/");
    }
  }
}
