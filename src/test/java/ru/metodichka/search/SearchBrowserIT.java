package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.search.SearchIT.awaitSearch;
import static ru.metodichka.search.SearchIT.encode;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.Accessibility;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;

/** Searching in a real browser: titles are offered while typing, results and filters follow. */
@ExtendWith(AppExtension.class)
@BrowserTest
class SearchBrowserIT {
  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void aVisitorIsOfferedTitlesWhileTypingAndFindsThePage(TestApp app, Fixtures fx) {
    var team = fx.team();
    String title = "Краеведческий квест " + Fixtures.unique("к");
    publish(fx, team, "квест", title);

    Browser browser = browsers.open(app.app().port());
    browser.go("/search");
    browser.type("#q", "краевед");
    awaitOption(browser, "#q-suggestions", title);

    browser.fill("#q", "краеведческие квесты").click(".search-form button[type=submit]");
    browser.waitForText("#found", "1");
    assertThat(browser.text(".hit h3 a")).contains("Краеведческий квест");
    browser.click(".hit h3 a");
    browser.waitForPath("/c/");
    assertThat(browser.text("h1")).isEqualTo(title);
  }

  @Test
  void theHeaderBoxOffersTitlesThatTheKeyboardChoosesAndOpens(TestApp app, Fixtures fx) {
    var team = fx.team();
    String title = "Лэпбук по окружающему миру " + Fixtures.unique("л");
    publish(fx, team, "лэпбук", title);

    Browser browser = browsers.open(app.app().port());
    browser.go("/");
    WebElement box = browser.find("#site-q");
    assertThat(box.getDomAttribute("role")).isEqualTo("combobox");
    assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("false");
    browser.type("#site-q", "лэпбук");
    WebElement option = awaitOption(browser, "#site-q-suggestions", title);
    assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(box.getDomAttribute("aria-controls")).isEqualTo("site-q-suggestions");
    assertThat(browser.find("#site-q-suggestions").getDomAttribute("role")).isEqualTo("listbox");
    assertThat(Accessibility.violations(browser)).as("with the list open").isEmpty();

    box.sendKeys(Keys.ESCAPE);
    assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.find("#site-q-suggestions").isDisplayed()).isFalse();

    int index = browser.all("#site-q-suggestions [role=option]").indexOf(option);
    for (int i = 0; i <= index; i++) {
      box.sendKeys(Keys.ARROW_DOWN);
    }
    assertThat(option.getDomAttribute("aria-selected")).isEqualTo("true");
    assertThat(box.getDomAttribute("aria-activedescendant"))
        .isEqualTo(option.getDomAttribute("id"));
    box.sendKeys(Keys.ENTER);
    browser.waitForPath("/c/" + team.community());
    assertThat(browser.text("h1")).isEqualTo(title);

    browser.go("/bank");
    browser.type("#site-q", "лэпбук");
    awaitOption(browser, "#site-q-suggestions", title);
    browser.find("#site-q").sendKeys(Keys.ENTER);
    browser.waitForPath("/search?q=");
    browser.waitForText("#found", "1");
  }

  private static WebElement awaitOption(Browser browser, String list, String title) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
        .until(
            d ->
                browser.all(list + " [role=option]").stream()
                    .filter(o -> o.isDisplayed() && o.getText().startsWith(title))
                    .findFirst()
                    .orElse(null));
  }

  private static void publish(Fixtures fx, Fixtures.Team team, String slug, String title) {
    fx.save(team.community(), slug, team.member().token(), title, "Маршрут по музеям.", 0);
    fx.api().post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    awaitSearch(
        fx,
        "q=" + encode(title) + "&community=" + encode(team.community()),
        null,
        r -> r.getLong("total") == 1);
  }
}
