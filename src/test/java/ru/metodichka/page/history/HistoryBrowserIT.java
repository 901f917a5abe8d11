package ru.metodichka.page.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;
import ru.metodichka.web.Redirect;

/** Reviewing a page's history in a real browser: comparing revisions and reverting. */
@ExtendWith(AppExtension.class)
@BrowserTest
class HistoryBrowserIT {
  @RegisterExtension final Browsers browsers = new Browsers();

  private String threeRevisions(Fixtures fixtures, Fixtures.Team team) {
    String c = team.community();
    fixtures.save(c, "устав", team.member().token(), "Устав", "Первый абзац.\n\nВторой абзац.", 0);
    fixtures.save(
        c,
        "устав",
        team.moderator().token(),
        "Устав",
        "Первый абзац.\n\nВторой абзац дополнен.",
        1);
    fixtures.save(
        c,
        "устав",
        team.member().token(),
        "Устав",
        "Первый абзац изменён.\n\nВторой абзац дополнен.",
        2);
    return "/c/" + c + "/устав";
  }

  @Test
  void aModeratorComparesTwoRevisionsSideBySide(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    String page = threeRevisions(fixtures, team);
    Browser browser = browsers.open(app.app().port());
    browser.login(team.moderator().login(), Fixtures.PASSWORD).go(page);
    browser.clickText("История");
    assertThat(browser.all("input[name=from]")).hasSize(3);
    browser.click("input[name=from][value='1']");
    browser.click("input[name=to][value='3']");
    browser.click("#compare button[type=submit]");
    browser.waitForPath(Redirect.encoded(page + "/diff"));
    assertThat(browser.path()).contains("from=1").contains("to=3");
    assertThat(browser.text(".diff")).contains("изменён", "дополнен");
    assertThat(browser.all(".diff ins")).isNotEmpty();
  }

  @Test
  void aMemberRevertsToAnOlderRevisionAfterConfirming(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    String page = threeRevisions(fixtures, team);
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD).go(page + "/history");
    browser.click("li#rev-1 form.revert button");
    browser.confirm();
    browser.waitForText(".page-body", "Второй абзац.");
    var current = fixtures.api().get(Api.page(team.community(), "устав"), team.member().token());
    assertThat(current.json().getInteger("revision")).isEqualTo(4);
    var first =
        fixtures
            .api()
            .get(Api.page(team.community(), "устав", "revisions", "1"), team.member().token());
    assertThat(current.json().getString("markdown")).isEqualTo(first.json().getString("markdown"));
  }
}
