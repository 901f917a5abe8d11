package ru.metodichka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;

/** Logging in and out in a real browser, and what an anonymous visitor cannot reach. */
@ExtendWith(AppExtension.class)
@BrowserTest
class LoginBrowserIT {
  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void aTeacherLogsInFromAPageReturnsToItAndLogsOut(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    fixtures.save(team.community(), "план", team.member().token(), "План работы", "Текст плана", 0);
    Browser browser = browsers.open(app.app().port());

    browser.go("/c/" + team.community());
    assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("ru");
    assertThat(browser.has("a[href$='/new']")).isFalse();
    browser.clickText("Войти");
    browser.type("#login", team.member().login()).type("#password", "wrong password");
    browser.click("form.stacked button[type=submit]");
    assertThat(browser.text("#login-error")).contains("Неверный логин или пароль");
    assertThat(browser.value("#login")).isEqualTo(team.member().login());

    browser.type("#password", Fixtures.PASSWORD).click("form.stacked button[type=submit]");
    browser.waitForPath("/c/" + team.community());
    assertThat(browser.text(".user-nav")).contains("Анна Петровна Иванова", "Выйти");
    assertThat(browser.html()).contains("План работы");

    browser.clickText("Выйти");
    browser.waitForText(".user-nav", "Войти");
    assertThat(browser.path()).isEqualTo("/");
    browser.go("/c/" + team.community() + "/план");
    assertThat(browser.text("h1")).isEqualTo("Страница не найдена");
  }

  @Test
  void anAnonymousVisitorCannotReachADraftByItsAddress(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    fixtures.save(team.community(), "секрет", team.member().token(), "Секретный черновик", "x", 0);
    Browser browser = browsers.open(app.app().port());
    browser.go("/c/" + team.community() + "/секрет");
    assertThat(browser.html()).doesNotContain("Секретный черновик");
    assertThat(browser.title()).contains("Методичка");
    browser.go("/c/" + team.community());
    assertThat(browser.html()).doesNotContain("Секретный черновик");
  }
}
