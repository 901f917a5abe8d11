package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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

/**
 * An image pasted or dropped into the editor, in a real browser: sent at once (a saved page's file,
 * or kept for a new page until it is saved), referred to where the caret is, and shown on the saved
 * page from its preview.
 */
@ExtendWith(AppExtension.class)
@BrowserTest
class ImagePasteBrowserIT {
  /** A file made from base64 bytes, pasted as a screenshot is: a file and nothing else. */
  private static final String PASTE =
      """
      const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
      const file = new File([bytes], 'image.png', {type: 'image/png'});
      const area = document.getElementById('markdown');
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
      const data = new DataTransfer();
      data.items.add(file);
      area.dispatchEvent(
          new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
      """;

  /** The same file dropped on the middle of an element. */
  private static final String DROP =
      """
      const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
      const file = new File([bytes], arguments[2], {type: 'image/png'});
      const target = document.querySelector(arguments[1]);
      const box = target.getBoundingClientRect();
      const data = new DataTransfer();
      data.items.add(file);
      target.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true,
          cancelable: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2}));
      """;

  private static final String LOADED =
      "const img = document.querySelector(arguments[0]);"
          + " return img !== null && img.complete ? img.naturalWidth : 0;";

  @RegisterExtension final Browsers browsers = new Browsers();

  private static String png(int width, int height) {
    return Base64.getEncoder().encodeToString(Pictures.png(width, height, false));
  }

  private Browser editing(TestApp app, Fixtures.Team team, String path) {
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go(path);
    browser.find("#file-tools:not([hidden])");
    return browser;
  }

  private static List<String> files(Fixtures fx, Fixtures.Team team, String slug) {
    var list = fx.api().get(Uploads.list(team.community(), slug), team.member().token());
    return list.items().stream().map(i -> ((JsonObject) i).getString("name")).toList();
  }

  private static void waitForImage(Browser browser, String css) {
    Eventually.until(
        "the image " + css + " loaded",
        Duration.ofSeconds(20),
        () -> ((Number) browser.script(LOADED, css)).intValue() > 0);
  }

  @Test
  void aPastedScreenshotBecomesAFileOfThePageShownOnItOnceSaved(TestApp app, Fixtures fx) {
    var team = fx.team();
    fx.save(team.community(), "со-снимком", team.member().token(), "Со снимком", "Смотрите:\n", 0);
    Browser browser = editing(app, team, "/c/" + team.community() + "/со-снимком/edit");
    browser.script(PASTE, png(1600, 800));
    Eventually.until(
        "the screenshot referred to in the text",
        Duration.ofSeconds(20),
        () -> browser.value("#markdown").contains("](attachment:снимок-"));
    String markdown = browser.value("#markdown");
    String name =
        markdown.substring(
            markdown.indexOf("(attachment:") + 12,
            markdown.indexOf(")", markdown.indexOf("(attachment:")));
    assertThat(name).matches("снимок-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.png");
    assertThat(files(fx, team, "со-снимком")).containsExactly(name);
    // The live preview shows it as the page will.
    waitForImage(browser, "#preview-output img");

    browser.click("#save");
    browser.waitForText("h1", "Со снимком");
    waitForImage(browser, ".page-body a.attachment-image img");
    assertThat(browser.find(".page-body img").getDomAttribute("src")).endsWith("/preview");
    assertThat(((Number) browser.script(LOADED, ".page-body img")).intValue()).isEqualTo(1200);
  }

  @Test
  void anImageDroppedIntoTheVisualModeIsSentAndShownThere(TestApp app, Fixtures fx) {
    var team = fx.team();
    fx.save(
        team.community(),
        "визуальный-рисунок",
        team.member().token(),
        "Визуальный",
        "Текст урока.\n",
        0);
    Browser browser = editing(app, team, "/c/" + team.community() + "/визуальный-рисунок/edit");
    browser.click("#mode-visual");
    browser.find(".visual-document p");
    browser.script(DROP, png(300, 200), ".visual-document p", "доли.png");
    Eventually.until(
        "the dropped image in the text",
        Duration.ofSeconds(20),
        () -> browser.value("#markdown").contains("(attachment:доли.png)"));
    waitForImage(browser, ".visual-document img");
    assertThat(browser.find(".visual-document img").getDomAttribute("src"))
        .endsWith("/attachments/%D0%B4%D0%BE%D0%BB%D0%B8.png/preview");
    assertThat(files(fx, team, "визуальный-рисунок")).containsExactly("доли.png");

    browser.click("#save");
    browser.waitForText("h1", "Визуальный");
    waitForImage(browser, ".page-body img");
    assertThat(browser.find(".page-body img").getDomAttribute("alt")).isEqualTo("доли");
  }

  @Test
  void aNewPageKeepsItsPastedImageUntilItIsSaved(TestApp app, Fixtures fx) {
    var team = fx.team();
    Browser browser = editing(app, team, "/c/" + team.community() + "/new");
    assertThat(browser.text("#files-new-page")).contains("при сохранении");
    browser.type("#title", "Новая со снимком");
    browser.script(PASTE, png(400, 300));
    Eventually.until(
        "the screenshot referred to in the text",
        Duration.ofSeconds(20),
        () -> browser.value("#markdown").contains("](attachment:снимок-"));
    assertThat(browser.value("#pending-files")).isNotBlank();
    assertThat(browser.text("#files-status")).contains("когда вы её сохраните");
    waitForImage(browser, "#preview-output img");

    browser.click("#save");
    browser.waitForText("h1", "Новая со снимком");
    waitForImage(browser, ".page-body img");
    String slug = browser.path().replaceFirst("^/c/[^/]+/", "").replaceFirst("\\?.*$", "");
    assertThat(
            files(
                fx,
                team,
                java.net.URLDecoder.decode(slug, java.nio.charset.StandardCharsets.UTF_8)))
        .singleElement()
        .asString()
        .startsWith("снимок-");
  }
}
