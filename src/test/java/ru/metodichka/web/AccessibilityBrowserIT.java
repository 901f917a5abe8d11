package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Every screen passes axe's WCAG 2.1 AA rules, on a desktop and on a 360 px phone, and none scrolls
 * sideways on the phone.
 */
@ExtendWith(AppExtension.class)
@BrowserTest
class AccessibilityBrowserIT {
  private static final String TEXT =
      """
      # Урок

      ## Цели

      Текст со [ссылкой](https://example.org) и [[Другая страница]].

      | Класс | Время |
      |---|---|
      | 5 | 15 минут |

      ```
      код
      ```
      """;

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void screensPassWcagRulesOnDesktopAndPhone(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    fixtures.save(team.community(), "урок", team.member().token(), "Урок", TEXT, 0);
    fixtures.save(team.community(), "урок", team.moderator().token(), "Урок", TEXT + "\nЕщё.\n", 1);
    // Published, so the bank has a material to list and the page carries its JSON-LD.
    fixtures
        .api()
        .post(Api.page(team.community(), "урок", "publish"), team.moderator().token(), null);
    // Placed in the structure, so the page shows its section and neighbours.
    fixtures.save(team.community(), "введение", team.member().token(), "Введение", "Текст.\n", 0);
    var arranged =
        fixtures
            .api()
            .send(
                io.vertx.core.http.HttpMethod.PUT,
                "/api/communities/" + team.community() + "/structure",
                team.moderator().token(),
                io.vertx.core.buffer.Buffer.buffer(
                    "[{\"slug\":\"введение\",\"children\":[{\"slug\":\"урок\"}]}]"),
                "application/json",
                java.util.Map.of());
    assertThat(arranged.status()).as(arranged.toString()).isEqualTo(200);
    String community = "/c/" + team.community();
    String page = community + "/урок";
    String plan = community + "/plan";
    String structure = community + "/structure";
    String item = plan + "/items/" + planItem(fixtures, team);
    List<String> anonymous =
        List.of(
            "/",
            "/bank",
            community,
            page,
            "/login",
            "/c/нет-такого",
            "/search?q=урок",
            plan,
            item,
            "/changes",
            community + "/changes",
            structure);
    List<String> member =
        List.of(
            "/",
            community,
            page,
            page + "/edit",
            community + "/new",
            page + "/history",
            page + "/diff?from=1&to=2",
            page + "/revisions/1",
            page + "/revert?to=1",
            plan,
            item,
            structure,
            "/me",
            "/search?q=урок",
            "/changes?mine=1",
            community + "/changes");
    List<String> admin =
        List.of(
            "/admin",
            "/admin/communities",
            "/admin/communities/" + team.community(),
            "/admin/users",
            "/admin/institutions",
            "/admin/search",
            plan,
            item,
            "/admin/orders",
            "/admin/orders/draft?community=" + team.community(),
            structure,
            structure + "?done=stale",
            "/admin/experts",
            "/admin/rubric",
            community + "/evaluation",
            community + "/evaluation/records",
            "/admin/evaluation?sort=active&dir=desc");

    Browser browser = browsers.open(app.app().port());
    List<String> problems = new ArrayList<>();
    for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(360, 740))) {
      browser.driver().manage().window().setSize(size);
      check(browser, anonymous, size, problems);
    }
    browser.login(team.member().login(), Fixtures.PASSWORD);
    for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(360, 740))) {
      browser.driver().manage().window().setSize(size);
      check(browser, member, size, problems);
    }
    conflictScreen(browser, fixtures, team, page, problems);
    Browser moderator = browsers.open(app.app().port());
    moderator.login(team.moderator().login(), Fixtures.PASSWORD);
    for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(360, 740))) {
      moderator.driver().manage().window().setSize(size);
      check(moderator, reviewScreens(fixtures, team), size, problems);
    }
    String expert = expert(fixtures);
    String review = "/expert-reviews/" + invite(fixtures, team.community(), expert);
    Browser reviewer = browsers.open(app.app().port());
    reviewer.login(expert, Fixtures.PASSWORD);
    for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(360, 740))) {
      reviewer.driver().manage().window().setSize(size);
      check(reviewer, List.of("/expert-reviews", review), size, problems);
    }
    submit(fixtures, expert, review);
    check(reviewer, List.of(review), new Dimension(1280, 900), problems);
    Browser administrator = browsers.open(app.app().port());
    administrator.login("admin", TestApp.ADMIN_PASSWORD);
    check(administrator, admin, new Dimension(1280, 900), problems);
    check(administrator, List.of("/expert-reviews", review), new Dimension(1280, 900), problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void theFirstTabOffersToSkipToTheContentWithAVisibleFocus(TestApp app) {
    Browser browser = browsers.open(app.app().port());
    browser.go("/");
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    WebElement first = browser.driver().switchTo().activeElement();
    assertThat(first.getText()).isEqualTo("Перейти к содержанию");
    assertThat(first.getCssValue("outline-style")).isNotEqualTo("none");
    assertThat(first.getRect().getX())
        .as("the skip link comes into view")
        .isGreaterThanOrEqualTo(0);
    assertThat(browser.find("main#main").getDomAttribute("tabindex")).isEqualTo("-1");
  }

  @Test
  void theCheckerCatchesAnUnlabelledControlAndPoorContrast(TestApp app) {
    Browser browser = browsers.open(app.app().port());
    browser.go("/");
    browser.script(
        "const i = document.createElement('input'); i.type = 'text';"
            + "const p = document.createElement('p'); p.textContent = 'бледный текст';"
            + "p.style.color = '#bbb'; document.querySelector('main').append(i, p);");
    assertThat(Accessibility.violations(browser))
        .anySatisfy(v -> assertThat(v).startsWith("label"))
        .anySatisfy(v -> assertThat(v).startsWith("color-contrast"));
  }

  /**
   * The moderator's screens of the review workflow, with something on each: the queue (a page sent
   * for review, a published page with an edit), the desk, and a draft's publish checklist.
   */
  private static List<String> reviewScreens(Fixtures fixtures, Fixtures.Team team) {
    String member = team.member().token();
    if (fixtures.api().get(Api.page(team.community(), "черновик"), member).status() == 404) {
      fixtures.save(team.community(), "черновик", member, "Черновик", "## Цели\n\n[[Нет]]\n", 0);
      fixtures
          .api()
          .post(
              Api.page(team.community(), "черновик", "request-review"),
              member,
              new io.vertx.core.json.JsonObject().put("note", "Проверьте, пожалуйста"));
      fixtures.save(team.community(), "открытая", member, "Открытая", "Раз.\n", 0);
      fixtures
          .api()
          .post(Api.page(team.community(), "открытая", "publish"), team.moderator().token(), null);
      fixtures.save(team.community(), "открытая", member, "Открытая", "Раз и два.\n", 1);
    }
    String community = "/c/" + team.community();
    return List.of("/moderation", "/moderation/review", community + "/черновик");
  }

  /** A user of another institution holding the expert right; their login. */
  private static String expert(Fixtures fixtures) {
    String login = Fixtures.unique("expert");
    var created =
        fixtures
            .api()
            .post(
                "/api/users",
                fixtures.adminToken(),
                new io.vertx.core.json.JsonObject()
                    .put("login", login)
                    .put("password", Fixtures.PASSWORD)
                    .put("name", "Наталья Викторовна Зайцева")
                    .put("institution", "ИМЦ Красносельского района"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var granted =
        fixtures
            .api()
            .put(
                "/api/experts/" + login,
                fixtures.adminToken(),
                new io.vertx.core.json.JsonObject());
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    return login;
  }

  /** The expert's review of every default criterion, with comments, so the screen shows it. */
  private static void submit(Fixtures fixtures, String expert, String review) {
    var scores = new io.vertx.core.json.JsonObject();
    var comments = new io.vertx.core.json.JsonObject();
    for (String code :
        List.of("relevance", "novelty", "practical-value", "replicability", "presentation")) {
      scores.put(code, 2);
      comments.put(code, "Обоснование оценки");
    }
    var submitted =
        fixtures
            .api()
            .put(
                "/api" + review + "/submission",
                fixtures.login(expert, Fixtures.PASSWORD),
                new io.vertx.core.json.JsonObject()
                    .put("scores", scores)
                    .put("comments", comments)
                    .put("recommendation", "revise"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
  }

  /** The expert invited to review the community's 2025/26; the invitation's id. */
  private static long invite(Fixtures fixtures, String community, String expert) {
    var invited =
        fixtures
            .api()
            .post(
                "/api" + Api.path("communities", community, "expert-reviews"),
                fixtures.adminToken(),
                new io.vertx.core.json.JsonObject()
                    .put("expert", expert)
                    .put("from", "2025-09-01")
                    .put("to", "2026-09-01"));
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    return invited.json().getLong("id");
  }

  /** An item of this year's plan the member is responsible for, with the page as its result. */
  private static long planItem(Fixtures fixtures, Fixtures.Team team) {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));
    var year = ru.metodichka.plan.AcademicYear.containing(today);
    var created =
        fixtures
            .api()
            .post(
                "/api/communities/" + team.community() + "/plan/items",
                team.moderator().token(),
                new io.vertx.core.json.JsonObject()
                    .put("year", year.label())
                    .put("title", "Семинар")
                    .put("description", "Разбор [[Урок|урока]].")
                    .put("form", "mixed")
                    .put("starts", year.first().toString())
                    .put("due", year.first().plusDays(14).toString())
                    .put(
                        "responsible",
                        new io.vertx.core.json.JsonArray().add(team.member().login()))
                    .put("results", new io.vertx.core.json.JsonArray().add("урок")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getLong("id");
  }

  /** The conflict screen, reached the way people reach it: someone saved while they typed. */
  private static void conflictScreen(
      Browser browser, Fixtures fixtures, Fixtures.Team team, String page, List<String> problems) {
    browser.go(page + "/edit");
    fixtures.save(team.community(), "урок", team.moderator().token(), "Урок", "Другой текст\n", 2);
    browser.fill("#markdown", TEXT + "\nМоё.\n");
    browser.click("#save");
    browser.find(".conflict");
    for (String violation : Accessibility.violations(browser)) {
      problems.add("conflict screen: " + violation);
    }
    // Settled place by place, with a text written by hand shown; then the history's mark.
    for (var choice : browser.all("#resolve-form input[type=radio][value=mine]")) {
      choice.click();
    }
    browser.click("#choice-0-hand");
    for (String violation : Accessibility.violations(browser)) {
      problems.add("conflict screen, a place by hand: " + violation);
    }
    browser.click("#resolve");
    browser.find("#save-notice");
    for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(360, 740))) {
      browser.driver().manage().window().setSize(size);
      check(browser, List.of(page + "/history"), size, problems);
    }
  }

  /** Checks each path at one size; records every problem rather than stopping at the first. */
  static void check(Browser browser, List<String> paths, Dimension size, List<String> problems) {
    for (String path : paths) {
      browser.go(path);
      for (String violation : Accessibility.violations(browser)) {
        problems.add(size.width + "px " + path + ": " + violation);
      }
      if (size.width < 500) {
        Object overflow =
            browser.script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        if (Boolean.TRUE.equals(overflow)) {
          problems.add(size.width + "px " + path + ": the page scrolls sideways");
        }
      }
    }
  }
}
