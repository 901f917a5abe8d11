package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.search.SearchIT.awaitSearch;
import static ru.metodichka.search.SearchIT.encode;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
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
    fx.save(team.community(), "квест", team.member().token(), title, "Маршрут по музеям.", 0);
    fx.api().post(Api.page(team.community(), "квест", "publish"), team.moderator().token(), null);
    awaitSearch(
        fx,
        "q=" + encode("краеведческий") + "&community=" + encode(team.community()),
        null,
        r -> r.getLong("total") == 1);

    Browser browser = browsers.open(app.app().port());
    browser.go("/search");
    browser.type("#q", "краевед");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
        .until(
            d ->
                browser.all("#title-suggestions option").stream()
                    .anyMatch(o -> title.equals(o.getDomAttribute("value"))));

    browser.fill("#q", "краеведческие квесты").click(".search-form button[type=submit]");
    browser.waitForText("#found", "1");
    assertThat(browser.text(".hit h3 a")).contains("Краеведческий квест");
    browser.click(".hit h3 a");
    browser.waitForPath("/c/");
    assertThat(browser.text("h1")).isEqualTo(title);
  }
}
