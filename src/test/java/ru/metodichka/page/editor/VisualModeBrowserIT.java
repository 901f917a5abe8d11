package ru.metodichka.page.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.render.Corpus;
import ru.metodichka.web.Accessibility;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;

/**
 * The visual mode never changes a page silently: Markdown → visual → Markdown renders (by the
 * server, as the page) to the same HTML, or the editor stays in Markdown mode and says why. Checked
 * for every demo page and every CommonMark and GFM spec example, with the editor's own check, in
 * the browser.
 */
@ExtendWith(AppExtension.class)
@BrowserTest
class VisualModeBrowserIT {
  private static final Path DEMO_PAGES = Path.of("src", "main", "resources", "demo", "pages");

  @RegisterExtension final Browsers browsers = new Browsers();

  private Browser editor(TestApp app, Fixtures fixtures) {
    var team = fixtures.team();
    Browser browser = browsers.open(app.app().port());
    browser.login(team.member().login(), Fixtures.PASSWORD);
    browser.go("/c/" + team.community() + "/new");
    browser.find("#editor-modes:not([hidden])");
    return browser;
  }

  /** The editor's own check (the bundle's, with the server's preview) over many texts at once. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> check(Browser browser, List<String> texts) {
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
    return (List<Map<String, Object>>)
        browser
            .driver()
            .executeAsyncScript(
                """
                var done = arguments[arguments.length - 1];
                var form = document.getElementById('editor-form');
                function render(markdown) {
                  return fetch(form.getAttribute('data-preview-url'), {
                    method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/json',
                      'X-CSRF-Token': form.querySelector('input[name=csrf]').value},
                    body: JSON.stringify({markdown: markdown})
                  }).then(function (r) {
                    if (!r.ok) { throw new Error('preview ' + r.status); }
                    return r.json();
                  }).then(function (b) { return b.html; });
                }
                function run() {
                  window.MetodichkaVisual.checkAll(arguments[0], render)
                    .then(done, function (e) { done([{error: String(e)}]); });
                }
                var texts = arguments[0];
                if (window.MetodichkaVisual) { run(texts); return; }
                var s = document.createElement('script');
                s.src = form.getAttribute('data-visual-js');
                s.onload = function () { run(texts); };
                document.head.appendChild(s);
                """,
                texts);
  }

  private static List<String> demoPages() {
    try (Stream<Path> files = Files.list(DEMO_PAGES)) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().map(Path::toString).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyDemoPageRoundTripsOrIsRefusedWithAReason(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    List<String> files = demoPages();
    assertThat(files).hasSizeGreaterThan(10);
    List<String> texts = files.stream().map(VisualModeBrowserIT::read).toList();
    List<Map<String, Object>> results = check(browser, texts);
    assertThat(results).hasSize(texts.size());
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Map<String, Object> result = results.get(i);
      assertThat(result).as(files.get(i)).doesNotContainKey("error");
      if (result.get("difference") != null) {
        refused.add(files.get(i) + ": " + result.get("difference"));
        assertThat(result.get("difference").toString()).isNotBlank();
      }
    }
    System.out.println(
        "Demo pages in the visual mode: "
            + (texts.size() - refused.size())
            + " round-tripped, "
            + refused.size()
            + " refused "
            + refused);
    // A refused page is said so on the screen (first one, through the real button).
    if (!refused.isEmpty()) {
      String first =
          texts.get(files.indexOf(refused.get(0).substring(0, refused.get(0).indexOf(':'))));
      browser.fill("#markdown", first);
      browser.click("#mode-visual");
      browser.waitForText("#mode-status", "Оставлено в режиме Markdown");
      assertThat(browser.find("#markdown").isDisplayed()).isTrue();
      assertThat(browser.value("#markdown")).isEqualTo(first);
    }
  }

  @Test
  void specExamplesRoundTripOrAreRefusedNeverChangedSilently(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    for (String spec : List.of("commonmark-spec.json", "gfm-spec.json")) {
      List<JsonObject> examples = Corpus.jsonArray(spec);
      List<String> texts = examples.stream().map(example -> example.getString("markdown")).toList();
      List<Integer> refusedExamples = new ArrayList<>();
      List<Map<String, Object>> results = check(browser, texts);
      assertThat(results).hasSize(texts.size());
      int same = 0;
      int refused = 0;
      int unreadable = 0;
      for (int i = 0; i < texts.size(); i++) {
        Map<String, Object> result = results.get(i);
        assertThat(result).as("%s example %d", spec, i + 1).doesNotContainKey("error");
        Object difference = result.get("difference");
        if (difference == null) {
          same++;
        } else {
          refused++;
          refusedExamples.add(examples.get(i).getInteger("example"));
          unreadable += "unreadable".equals(difference) ? 1 : 0;
          assertThat(difference.toString()).isNotBlank();
        }
      }
      System.out.printf(
          "%s in the visual mode: %d round-tripped, %d refused (%d unreadable): examples %s%n",
          spec, same, refused, unreadable, refusedExamples);
      assertThat(same).as(spec + " round-tripped").isGreaterThan(texts.size() / 2);
    }
  }

  @Test
  void switchingShowsThePageAndComesBackWithTheSameMarkdown(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    String text =
        "## Цели\n\nПонять **доли** и [[Дроби]], см. [[math:Урок|урок]].\n\n"
            + "- чтение\n- письмо\n\n| Класс | Время |\n| --- | --- |\n| 5 | 15 |\n";
    browser.script(
        "window.violations = []; document.addEventListener('securitypolicyviolation',"
            + " function (e) { window.violations.push(e.violatedDirective + ' ' + e.blockedURI);"
            + " });");
    browser.fill("#markdown", text);
    browser.click("#mode-visual");
    browser.find(".visual-document h2");
    browser.find(".visual-document td");
    assertThat(browser.script("return window.violations")).asList().isEmpty();
    assertThat(browser.find("#markdown").isDisplayed()).isFalse();
    assertThat(browser.text(".visual-document strong")).isEqualTo("доли");
    assertThat(browser.text(".visual-document [data-wiki-link='[[math:Урок|урок]]']"))
        .isEqualTo("урок");
    assertThat(browser.find("#mode-visual").getDomAttribute("aria-pressed")).isEqualTo("true");
    assertThat(Accessibility.violations(browser)).isEmpty();

    browser.click("#mode-markdown");
    assertThat(browser.find("#markdown").isDisplayed()).isTrue();
    assertThat(browser.value("#markdown")).isEqualTo(text);
    assertThat(Accessibility.violations(browser)).isEmpty();
  }

  @Test
  void editsInTheVisualModeAreSavedAsMarkdown(TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    browser.type("#title", "Визуальная правка");
    browser.fill("#markdown", "Первый абзац.\n");
    browser.click("#mode-visual");
    var document = browser.find(".visual-document");
    document.click();
    document.sendKeys(Keys.END, " Второе ");
    document.sendKeys(Keys.chord(Keys.CONTROL, "b"), "важное", Keys.chord(Keys.CONTROL, "b"));
    document.sendKeys(" слово.");
    browser.click("button[data-md=list]");
    Eventually.until(
        "the Markdown to follow the visual edit",
        Duration.ofSeconds(5),
        () -> browser.value("#markdown"),
        markdown -> markdown.contains("- Первый абзац. Второе **важное** слово."));
    assertThat(browser.find("#editor-form").getDomAttribute("data-unsaved")).isEqualTo("true");
    browser.click("#save");
    browser.waitForText("h1", "Визуальная правка");
    assertThat(browser.text(".page-body li strong")).isEqualTo("важное");
  }

  @Test
  void aPageTheVisualModeWouldChangeStaysInMarkdownModeAndTheEditorSaysWhy(
      TestApp app, Fixtures fixtures) {
    Browser browser = editor(app, fixtures);
    // Emphasis inside emphasis: the visual editor has one "italic", so it would write *Дроби*.
    String text = "Тема: *_Дроби_*\n";
    browser.fill("#markdown", text);
    browser.click("#mode-visual");
    browser.waitForText("#mode-status", "Оставлено в режиме Markdown");
    assertThat(browser.text("#mode-status"))
        .isEqualTo(
            "В визуальном режиме эта страница изменится: «Тема: Дроби». Оставлено в режиме"
                + " Markdown.");
    assertThat(browser.find("#markdown").isDisplayed()).isTrue();
    assertThat(browser.value("#markdown")).isEqualTo(text);
    assertThat(browser.find("#mode-markdown").getDomAttribute("aria-pressed")).isEqualTo("true");
  }
}
