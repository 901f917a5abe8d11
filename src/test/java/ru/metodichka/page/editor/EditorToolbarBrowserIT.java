package ru.metodichka.page.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;

/**
 * The toolbar and keys of the Markdown mode: markup goes around the selection or before the caret
 * and is never left selected for the next keystroke to overwrite; lists continue on Enter; leaving
 * with unsaved text warns.
 */
@ExtendWith(AppExtension.class)
@BrowserTest
class EditorToolbarBrowserIT {
  @RegisterExtension final Browsers browsers = new Browsers();

  private Browser editor(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go("/c/" + team.community() + "/new");
    browser.find("#toolbar:not([hidden])");
    return browser;
  }

  private static void select(Browser browser, int start, int end) {
    browser.script(
        "var a = document.getElementById('markdown'); a.focus(); a.setSelectionRange(arguments[0],"
            + " arguments[1]);",
        start,
        end);
  }

  private static List<Long> selection(Browser browser) {
    @SuppressWarnings("unchecked")
    List<Long> range =
        (List<Long>)
            browser.script(
                "var a = document.getElementById('markdown');"
                    + " return [a.selectionStart, a.selectionEnd];");
    return range;
  }

  @Test
  void boldWrapsTheSelectionAndLeavesTheCaretAfterIt(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    browser.fill("#markdown", "Дроби и доли");
    select(browser, 8, 12);
    browser.click("button[data-md=bold]");
    assertThat(browser.value("#markdown")).isEqualTo("Дроби и **доли**");
    assertThat(selection(browser)).containsExactly(16L, 16L);
    browser.find("#markdown").sendKeys(" целого");
    assertThat(browser.value("#markdown")).isEqualTo("Дроби и **доли** целого");
  }

  @Test
  void aHeadingOnAnEmptyLineKeepsItsMarkupWhenTyping(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    browser.fill("#markdown", "Первый абзац.\n\n");
    select(browser, 15, 15);
    browser.click("button[data-md=heading]");
    browser.find("#markdown").sendKeys("Цели урока");
    assertThat(browser.value("#markdown")).isEqualTo("Первый абзац.\n\n## Цели урока");
  }

  @Test
  void linkAndWikiLinkButtonsPutTheCaretWhereTheTextGoes(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    browser.fill("#markdown", "См. ");
    select(browser, 4, 4);
    browser.click("button[data-md=wikilink]");
    browser.find("#markdown").sendKeys("Дроби");
    assertThat(browser.value("#markdown")).isEqualTo("См. [[Дроби]]");

    browser.fill("#markdown", "сайт ИМЦ");
    select(browser, 5, 8);
    browser.click("button[data-md=link]");
    browser.find("#markdown").sendKeys("https://imc.example.ru");
    assertThat(browser.value("#markdown")).isEqualTo("сайт [ИМЦ](https://imc.example.ru)");
  }

  @Test
  void listQuoteAndTableButtonsLeaveNothingSelected(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    browser.fill("#markdown", "яблоко");
    select(browser, 6, 6);
    browser.click("button[data-md=list]");
    assertThat(browser.value("#markdown")).isEqualTo("- яблоко");
    assertThat(selection(browser)).containsExactly(8L, 8L);
    browser.click("button[data-md=quote]");
    assertThat(browser.value("#markdown")).isEqualTo("> - яблоко");
    List<Long> afterQuote = selection(browser);
    assertThat(afterQuote.get(0)).isEqualTo(afterQuote.get(1));

    browser.fill("#markdown", "Текст");
    select(browser, 5, 5);
    browser.click("button[data-md=table]");
    browser.find("#markdown").sendKeys("5 класс");
    assertThat(browser.value("#markdown"))
        .isEqualTo("Текст\n\n| Столбец 1 | Столбец 2 |\n| --- | --- |\n| 5 класс |  |\n");
  }

  @Test
  void ctrlBAndCtrlIFormatTheSelection(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    browser.fill("#markdown", "важно");
    select(browser, 0, 5);
    browser.find("#markdown").sendKeys(Keys.chord(Keys.CONTROL, "b"));
    assertThat(browser.value("#markdown")).isEqualTo("**важно**");
    select(browser, 9, 9);
    browser.find("#markdown").sendKeys(Keys.chord(Keys.CONTROL, "i"));
    browser.find("#markdown").sendKeys("очень");
    assertThat(browser.value("#markdown")).isEqualTo("**важно***очень*");
  }

  @Test
  void enterContinuesAListAndEndsItOnAnEmptyItem(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    WebElement area = browser.find("#markdown");
    area.sendKeys("1. чтение", Keys.ENTER, "письмо", Keys.ENTER);
    assertThat(browser.value("#markdown")).isEqualTo("1. чтение\n2. письмо\n3. ");
    area.sendKeys(Keys.ENTER, "Итог.");
    assertThat(browser.value("#markdown")).isEqualTo("1. чтение\n2. письмо\nИтог.");

    browser.fill("#markdown", "");
    area.sendKeys("- [ ] тетради", Keys.ENTER, "ручки");
    assertThat(browser.value("#markdown")).isEqualTo("- [ ] тетради\n- [ ] ручки");
  }

  @Test
  void leavingWithUnsavedTextWarnsButSavingDoesNot(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    String leave =
        "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
            + " return e.defaultPrevented;";
    assertThat(browser.script(leave)).isEqualTo(false);
    browser.find("#markdown").sendKeys("Новый текст");
    assertThat(browser.find("#editor-form").getDomAttribute("data-unsaved")).isEqualTo("true");
    assertThat(browser.script(leave)).isEqualTo(true);

    browser.type("#title", "Страница без предупреждения");
    browser.click("#save");
    browser.waitForText("h1", "Страница без предупреждения");
  }
}
