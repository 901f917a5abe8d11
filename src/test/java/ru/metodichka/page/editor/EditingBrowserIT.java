package ru.metodichka.page.editor;

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

/** Creating and editing pages in a real browser, alone and two people at once. */
@ExtendWith(AppExtension.class)
@BrowserTest
class EditingBrowserIT {
  private static final String PLAN =
      """
      # План

      Понедельник: чтение.
      Вторник: математика.
      Среда: окружающий мир.
      Четверг: проекты.
      Пятница: итоги недели.
      """;

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void aMemberCreatesAPageEditsItAndSeesItRendered(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go("/c/" + team.community());
    browser.click("a[href$='/new']");
    browser.type("#title", "Урок о дробях");
    browser.fill("#markdown", "## Цель\n\nПонять **доли** целого.\n");
    browser.type("#summary", "Первая версия");
    browser.click("#save");
    browser.waitForText("h1", "Урок о дробях");
    assertThat(browser.text(".page-body strong")).isEqualTo("доли");
    String page = browser.path().replaceAll("\\?.*", "");

    browser.clickText("Редактировать");
    assertThat(browser.value("#markdown")).contains("Понять **доли** целого.");
    browser.fill("#markdown", "## Цель\n\nПонять *доли* и **части** целого.\n");
    browser.type("#summary", "Уточнение");
    browser.click("#save");
    browser.waitForText(".page-body", "части");
    assertThat(browser.path()).startsWith(page);
    assertThat(browser.text(".page-body em")).isEqualTo("доли");
  }

  @Test
  void livePreviewShowsWhatThePageWillLookLike(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go("/c/" + team.community() + "/new");
    // Typed text makes the preview busy at once (nothing may be clicked below it until it has
    // settled: see Browser.click), and its rendering ends that.
    Object busyWhileTyping =
        browser.script(
            "var text = document.getElementById('markdown');"
                + "text.value = arguments[0];"
                + "text.dispatchEvent(new Event('input', {bubbles: true}));"
                + "return document.getElementById('preview-output').getAttribute('aria-busy');",
            "Текст с **выделением** и <script>alert(1)</script>");
    assertThat(busyWhileTyping).isEqualTo("true");
    browser.waitForText("#preview-output", "выделением");
    assertThat(browser.find("#preview-output strong").getText()).isEqualTo("выделением");
    assertThat(browser.all("#preview-output script")).isEmpty();
    assertThat(browser.find("#preview-output").getDomAttribute("aria-busy")).isNull();
  }

  @Test
  void twoTeachersEditingAtOnceResolveTheirConflictWithoutLosingText(
      TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    fixtures.save(team.community(), "план", team.member().token(), "План", PLAN, 0);
    String edit = "/c/" + team.community() + "/план/edit";
    Browser anna = browsers.open(app.app().port());
    anna.login(team.member().login(), Fixtures.PASSWORD).go(edit);
    Browser olga = browsers.open(app.app().port());
    olga.login(team.moderator().login(), Fixtures.PASSWORD).go(edit);

    olga.fill("#markdown", PLAN.replace("Вторник: математика.", "Вторник: математика и логика."));
    olga.click("#save");
    olga.waitForText(".page-body", "математика и логика");

    String annasText = PLAN.replace("Вторник: математика.", "Вторник: геометрия.");
    anna.fill("#markdown", annasText);
    anna.click("#save");
    anna.find(".conflict");
    assertThat(anna.value("#markdown")).isEqualTo(annasText);
    assertThat(anna.html()).contains("математика и логика");

    String resolved = PLAN.replace("Вторник: математика.", "Вторник: геометрия и логика.");
    anna.fill("#markdown", resolved);
    anna.click("#save");
    anna.waitForText(".page-body", "геометрия и логика");

    var current = fixtures.api().get(Api.page(team.community(), "план"), team.member().token());
    assertThat(current.json().getInteger("revision")).isEqualTo(3);
    assertThat(current.json().getString("markdown")).contains("Вторник: геометрия и логика.");
  }

  @Test
  void twoTeachersEditingTheSameParagraphSettleItPlaceByPlaceAndTheHistorySaysSo(
      TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    fixtures.save(team.community(), "расписание", team.member().token(), "Расписание", PLAN, 0);
    String page = "/c/" + team.community() + "/расписание";
    Browser anna = browsers.open(app.app().port());
    anna.login(team.member().login(), Fixtures.PASSWORD).go(page + "/edit");
    Browser olga = browsers.open(app.app().port());
    olga.login(team.moderator().login(), Fixtures.PASSWORD).go(page + "/edit");

    olga.fill(
        "#markdown",
        PLAN.replace("Вторник: математика.", "Вторник: математика и логика.")
            .replace("Пятница: итоги недели.", "Пятница: итоги недели и планы."));
    olga.click("#save");
    olga.waitForText(".page-body", "математика и логика");

    anna.fill(
        "#markdown",
        PLAN.replace("Понедельник: чтение.", "Понедельник: чтение вслух.")
            .replace("Вторник: математика.", "Вторник: геометрия.")
            .replace("Пятница: итоги недели.", "Пятница: итоги недели и рефлексия."));
    anna.click("#save");
    anna.find("#resolve-form");
    assertThat(anna.all("#resolve-form fieldset.overlap")).hasSize(2);
    assertThat(anna.find("#hand-field-1").isDisplayed()).isFalse();
    anna.click("#choice-0-mine");
    anna.click("#choice-1-hand");
    assertThat(anna.find("#hand-field-1").isDisplayed()).isTrue();
    anna.fill("#hand-1", "Пятница: итоги недели, планы и рефлексия.");
    assertThat(anna.text("#resolve-status")).isNotBlank();
    anna.click("#resolve");
    anna.waitForText(".page-body", "итоги недели, планы и рефлексия");
    assertThat(anna.text(".page-body"))
        .contains("Понедельник: чтение вслух.")
        .contains("Вторник: геометрия.")
        .doesNotContain("математика и логика");
    assertThat(anna.text("#save-notice")).isNotBlank();

    anna.go(page + "/history");
    assertThat(anna.text("#rev-3 .mark-resolved")).isEqualTo("разрешён конфликт с версией 2");
    anna.click("#rev-3 .mark-resolved");
    anna.waitForText("main", "математика и логика");
  }

  @Test
  void aCleanMergeIsSavedAndSaysSo(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    fixtures.save(team.community(), "неделя", team.member().token(), "Неделя", PLAN, 0);
    String edit = "/c/" + team.community() + "/неделя/edit";
    Browser anna = browsers.open(app.app().port());
    anna.login(team.member().login(), Fixtures.PASSWORD).go(edit);
    fixtures.save(
        team.community(),
        "неделя",
        team.moderator().token(),
        "Неделя",
        PLAN.replace("Пятница: итоги недели.", "Пятница: итоги недели и планы."),
        1);
    anna.fill("#markdown", PLAN.replace("Понедельник: чтение.", "Понедельник: чтение вслух."));
    anna.click("#save");
    anna.waitForText(".page-body", "чтение вслух");
    assertThat(anna.text(".page-body")).contains("итоги недели и планы");
    assertThat(anna.text("#save-notice")).isNotBlank();
  }

  @Test
  void aDraftTypedInTheEditorSurvivesAClosedTab(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    fixtures.save(team.community(), "заметки", team.member().token(), "Заметки", "Старый текст", 0);
    String edit = "/c/" + team.community() + "/заметки/edit";
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD).go(edit);
    browser.fill("#markdown", "Новый текст, который нельзя потерять");
    // Leave without saving, as a closed tab or a lost connection would.
    browser.script("document.querySelector('#markdown').dispatchEvent(new Event('change'));");
    browser.go("/").go(edit);
    browser.click("#restore-draft");
    assertThat(browser.value("#markdown")).isEqualTo("Новый текст, который нельзя потерять");
  }
}
