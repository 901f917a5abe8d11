package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;

/** Pasting from Word and importing a Word document, in a real browser. */
@ExtendWith(AppExtension.class)
@BrowserTest
class PasteFromWordBrowserIT {
  /** What Word puts on the clipboard, shortened: a heading, bold, a list, a table, a link. */
  private static final String WORD_HTML =
      """
      <html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=RU>
      <!--StartFragment-->
      <h2>Цели урока</h2>
      <p class=MsoNormal>Понять <b>доли</b> целого, <i>играя</i>.</p>
      <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>\
      <![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span>\
      <![endif]>Разминка</p>
      <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>\
      <![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp;</span></span>\
      <![endif]>Новая тема</p>
      <table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>Этап</p></td>\
      <td><p class=MsoNormal>Минуты</p></td></tr><tr><td><p class=MsoNormal>Разминка</p></td>\
      <td><p class=MsoNormal>5</p></td></tr></table>
      <p class=MsoNormal><a href="https://example.org/drobi">Материалы</a></p>
      <!--EndFragment--></body></html>
      """;

  private static final String PASTE =
      """
      const area = document.getElementById('markdown');
      area.focus();
      const data = new DataTransfer();
      data.setData('text/html', arguments[0]);
      data.setData('text/plain', 'plain');
      const event = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
      area.dispatchEvent(event);
      """;

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void pastingFromWordKeepsHeadingsBoldListsTablesAndLinks(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go("/c/" + team.community() + "/new");
    browser.find("#markdown");
    browser.script(PASTE, WORD_HTML);
    Eventually.until(
        "the pasted text converted",
        Duration.ofSeconds(20),
        () -> browser.value("#markdown").contains("Материалы"));
    String markdown = browser.value("#markdown");
    assertThat(markdown)
        .contains("## Цели урока")
        .contains("Понять **доли** целого, *играя*.")
        .contains("1. Разминка\n2. Новая тема")
        .contains("| Разминка | 5")
        .contains("[Материалы](https://example.org/drobi)")
        .doesNotContain("mso", "plain");
  }

  @Test
  void aWordDocumentIsImportedPreviewedAndOpenedInTheEditor(TestApp app, Fixtures fixtures)
      throws IOException {
    var team = fixtures.team();
    Path docx = Files.createTempFile("урок-", ".docx");
    Files.write(docx, WordDocs.lessonPlan());
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go("/c/" + team.community());
    browser.click("#import-word");
    browser.find("#docx").sendKeys(docx.toString());
    browser.waitForText("#import-preview", "Разминка");
    assertThat(browser.find("#import-preview table").getText()).contains("Минуты");
    browser.click("#import-edit");
    browser.find("#markdown");
    assertThat(browser.value("#title")).isEqualTo("Урок дробей");
    assertThat(browser.value("#markdown")).contains("1. Разминка", "[^1]: По учебнику");
    Files.deleteIfExists(docx);
  }

  @Test
  void aWordDocumentsPictureIsPreviewedAndShownOnTheSavedPage(TestApp app, Fixtures fixtures)
      throws IOException {
    var team = fixtures.team();
    Path docx = Files.createTempFile("рисунок-", ".docx");
    Files.write(docx, WordDocs.lessonWithPicture(1600, 800));
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go("/c/" + team.community() + "/import");
    browser.find("#docx").sendKeys(docx.toString());
    browser.waitForText("#import-preview", "Разделите круг");
    loaded(browser, "#import-preview img");
    browser.click("#import-edit");
    browser.find("#markdown");
    assertThat(browser.value("#markdown")).contains("![Схема долей](attachment:");
    assertThat(browser.value("#pending-files")).isNotBlank();
    browser.click("#save");
    browser.waitForText("h1", "Урок с рисунком");
    loaded(browser, ".page-body img");
    assertThat(browser.find(".page-body img").getDomAttribute("alt")).isEqualTo("Схема долей");
    Files.deleteIfExists(docx);
  }

  @Test
  void aWordDocumentIsImportedIntoAnExistingPageFromItsEditor(TestApp app, Fixtures fixtures)
      throws IOException {
    var team = fixtures.team();
    fixtures.save(
        team.community(), "занятие", team.member().token(), "Занятие", "Вступление.\n", 0);
    Path docx = Files.createTempFile("занятие-", ".docx");
    Files.write(docx, WordDocs.lessonWithPicture(300, 200));
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go("/c/" + team.community() + "/занятие/edit");
    browser.find("#file-tools:not([hidden])");
    // The caret at the end; the chooser's input shown, as the button would open it.
    browser.script(
        "const a = document.getElementById('markdown');"
            + " a.setSelectionRange(a.value.length, a.value.length);"
            + " document.getElementById('import-docx').hidden = false;");
    browser.find("#import-docx").sendKeys(docx.toString());
    Eventually.until(
        "the document inserted",
        Duration.ofSeconds(20),
        () -> browser.value("#markdown").contains("Разделите круг"));
    assertThat(browser.value("#markdown")).startsWith("Вступление.\n");
    assertThat(browser.value("#title")).isEqualTo("Занятие");
    loaded(browser, "#preview-output img");
    browser.click("#save");
    browser.waitForText("h1", "Занятие");
    loaded(browser, ".page-body img");
    assertThat(browser.text(".page-body")).contains("Вступление.", "Разделите круг");
    Files.deleteIfExists(docx);
  }

  private static void loaded(Browser browser, String css) {
    Eventually.until(
        "the picture " + css + " loaded",
        Duration.ofSeconds(20),
        () ->
            ((Number)
                        browser.script(
                            "const i = document.querySelector(arguments[0]);"
                                + " return i !== null && i.complete ? i.naturalWidth : 0;",
                            css))
                    .intValue()
                > 0);
  }
}
