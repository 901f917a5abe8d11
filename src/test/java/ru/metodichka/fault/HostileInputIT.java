package ru.metodichka.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.metodichka.Api;
import ru.metodichka.Eventually;
import ru.metodichka.FaultTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;
import ru.metodichka.render.Corpus;
import ru.metodichka.render.SafeHtml;

/**
 * Hostile input through the HTTP API and the HTML screens: payloads from the shared XSS lists saved
 * as page text, title and summary, and sent as previews and search queries; every screen and
 * fragment that shows them must come out inert (see {@link SafeHtml}). The whole lists go through
 * the renderer in {@code HostileMarkdownTest}; here all of markdown-xss.txt and an even sample of
 * xss-payloads.txt, as many revisions of a few pages. A server of its own: hundreds of hostile
 * titles and huge texts would change what other suites see on the shared one (the home page's
 * recent changes, the time an index rebuild takes).
 */
@FaultTest
class HostileInputIT {
  private static final int XSS_SAMPLE = 450;
  // Revisions per page: its history screen is checked once per batch, holding every summary.
  private static final int BATCH = 25;
  // A query travels in the URL, which holds about 4 KB; a percent-encoded character takes 3-9.
  private static final int QUERY_CHARS = 1000;
  private Api api;
  private Fixtures.Team team;
  private WebSession member;
  private final List<String> problems = new ArrayList<>();
  private int screens;

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(Map.of());
  }

  @AfterAll
  static void stop() throws SQLException {
    app.close();
  }

  @BeforeEach
  void setUp() {
    Fixtures fx = new Fixtures(app);
    this.api = fx.api();
    this.team = fx.team();
    this.member = WebSession.withToken(api, team.member().token());
  }

  @Test
  void payloadsAsTextTitleSummaryPreviewAndQueryComeOutInertOnEveryScreen() {
    List<String> payloads = payloads();
    int saved = 0;
    int rejected = 0;
    for (int start = 0; start < payloads.size(); start += BATCH) {
      List<String> batch = payloads.subList(start, Math.min(start + BATCH, payloads.size()));
      String slug = "враждебная-" + (start / BATCH + 1);
      String page = "/c/" + team.community() + "/" + slug;
      int revision = 0;
      for (String payload : batch) {
        if (save(slug, payload, revision)) {
          revision++;
          saved++;
          checkPageScreens(slug, page, payload, revision);
        } else {
          rejected++;
        }
        checkPreview(payload);
      }
      check(page + "/history", page);
      awaitIndexed(batch.getLast());
      for (String payload : batch) {
        checkSearch(payload, page);
      }
    }
    System.out.printf(
        "Hostile input over HTTP: %d payloads tried (%d saved, %d refused with 4xx), %d screens"
            + " and fragments checked, %d problems%n",
        payloads.size(), saved, rejected, screens, problems.size());
    assertThat(problems).isEmpty();
    assertThat(saved).isGreaterThanOrEqualTo(500);
  }

  /** Texts flexmark parses in quadratic time: minutes each, unbounded (see TimedText). */
  static Stream<String> slowTexts() {
    return Stream.of(
        "[a]: \n".repeat(40_000),
        "\\[\n".repeat(40_000),
        "> [\n".repeat(20_000),
        "[a](".repeat(50_000) + "\n");
  }

  @ParameterizedTest
  @MethodSource("slowTexts")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void textsFlexmarkParsesInQuadraticTimeSaveAndShowWithinSecondsAndAreKept(String text) {
    String slug = Fixtures.unique("медленная-");
    assertThat(savedWithin(slug, text)).as("saved").isTrue();
    String kept =
        api.get(Api.page(team.community(), slug), team.member().token())
            .json()
            .getString("markdown");
    assertThat(kept).as("the text is kept as sent").isEqualTo(text);
    var view = member.get("/c/" + team.community() + "/" + slug);
    assertThat(view.status()).isEqualTo(200);
    // Shown as written, in a <pre>, when flexmark ran out of time.
    var body = view.document().selectFirst(".page-body");
    assertThat(body.select("pre").isEmpty() ? body.text() : body.selectFirst("pre").wholeText())
        .isNotBlank();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aPreviewOfAQuadraticTextAnswersWithinSeconds() {
    String text = "[a]: \n".repeat(35_000);
    var preview =
        api.post(
            "/api" + Api.path("communities", team.community(), "preview"),
            team.member().token(),
            new JsonObject().put("markdown", text));
    assertThat(preview.status()).isEqualTo(200);
    // Out of time, the preview shows the text as written; in time, only definitions: nothing.
    var pre = Jsoup.parse(preview.json().getString("html")).selectFirst("pre");
    if (pre != null) {
      assertThat(pre.wholeText()).isEqualTo(text);
    }
  }

  private boolean savedWithin(String slug, String text) {
    var response =
        api.put(
            Api.page(team.community(), slug),
            team.member().token(),
            new JsonObject()
                .put("title", "Медленная")
                .put("markdown", text)
                .put("baseRevision", 0));
    return response.status() == 201;
  }

  /** Saves the payload as text, title and summary; false when refused (never a 5xx). */
  private boolean save(String slug, String payload, int base) {
    String title = cut(payload.strip(), 200);
    var response =
        api.put(
            Api.page(team.community(), slug),
            team.member().token(),
            new JsonObject()
                .put("title", title.isEmpty() ? "Пусто" : title)
                .put("markdown", payload)
                .put("summary", cut(payload, 500))
                .put("baseRevision", base));
    if (response.status() == 201 && base == 0) {
      // Published, so the page carries its JSON-LD and search shows it to everyone.
      api.post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    }
    if (response.status() >= 500 || response.status() < 200 || response.status() == 204) {
      problems.add("save answered " + response.status() + " for " + payload);
    }
    return response.status() == 200 || response.status() == 201;
  }

  private void checkPageScreens(String slug, String page, String payload, int revision) {
    String html = check(page, page);
    List<JsonObject> ld = SafeHtml.jsonLd(html);
    String title = cut(payload.strip(), 200);
    if (ld.size() != 1 || !title.isEmpty() && !title.equals(ld.getFirst().getString("name"))) {
      problems.add("JSON-LD " + ld + " does not carry the title of " + payload);
    }
    if (revision > 1) {
      check(page + "/diff?from=" + (revision - 1) + "&to=" + revision, page);
    }
  }

  private void checkPreview(String payload) {
    var response =
        api.post(
            "/api" + Api.path("communities", team.community(), "preview"),
            team.member().token(),
            new JsonObject().put("markdown", payload));
    if (response.status() != 200) {
      problems.add("preview answered " + response.status() + " for " + payload);
      return;
    }
    fragment("preview of " + payload, response.json().getString("html"));
  }

  private void checkSearch(String payload, String page) {
    String q = URLEncoder.encode(cut(payload, QUERY_CHARS), StandardCharsets.UTF_8);
    check("/search?q=" + q, page);
    var response = api.get("/api/search?q=" + q, team.member().token());
    if (response.status() >= 500) {
      problems.add("/api/search answered " + response.status() + " for " + payload);
      return;
    }
    if (response.status() == 200) {
      for (Object item : response.json().getJsonArray("items")) {
        JsonObject hit = (JsonObject) item;
        fragment("title of a hit for " + payload, hit.getString("titleHtml"));
        fragment("snippet of a hit for " + payload, hit.getString("snippet"));
      }
    }
  }

  /** Waits (a few seconds at most) until the index has caught up with the batch's last save. */
  private void awaitIndexed(String payload) {
    String q = URLEncoder.encode(cut(payload, QUERY_CHARS), StandardCharsets.UTF_8);
    String query = "/api/search?community=" + team.community() + "&q=" + q;
    Eventually.atMost(
        Duration.ofSeconds(3),
        () -> api.get(query, team.member().token()),
        response -> response.status() != 200 || response.json().getLong("total") > 0);
  }

  /** Fetches a screen as the member and records what is unsafe on it; returns its HTML. */
  private String check(String path, String page) {
    Api.Response response = member.get(path);
    screens++;
    if (response.status() >= 500) {
      problems.add(path + " answered " + response.status());
    }
    for (String problem : SafeHtml.screenProblems(response.text(), page)) {
      problems.add(path + ": " + problem);
    }
    return response.text();
  }

  private void fragment(String what, String html) {
    screens++;
    for (String problem : SafeHtml.problems(html == null ? "" : html)) {
      problems.add(what + ": " + problem);
    }
  }

  /** All of markdown-xss.txt, and lines spread evenly over xss-payloads.txt. */
  static List<String> payloads() {
    List<String> payloads = new ArrayList<>(Corpus.lines("markdown-xss.txt"));
    List<String> xss = Corpus.lines("xss-payloads.txt");
    for (int i = 0; i < XSS_SAMPLE; i++) {
      payloads.add(xss.get((int) ((long) i * xss.size() / XSS_SAMPLE)));
    }
    return payloads;
  }

  /** At most {@code max} characters, never half a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
