package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.metodichka.Api;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TwoNodes;

/**
 * Two servers on one database: a change made through the first reaches anonymous visitors of the
 * second, who are served its cached pages, as soon as the second's indexer reads the change from
 * the database (measured: a few hundred milliseconds). The cache's lifetime alone would take ten
 * seconds, and an unpublished page a minute; each test allows half the lifetime, so that a busy
 * machine does not fail it while the cache alone still would.
 */
@OwnServerTest
class PageViewCacheNodesIT {
  private static final Duration LIMIT = PageViewCache.LIFETIME.dividedBy(2);
  private static final String TEXT =
      "Аквариумные рыбки, растения, уход за аквариумом, кормление рыбок и наблюдения.";
  private static TwoNodes nodes;
  private static Fixtures fx;

  @BeforeAll
  static void start() throws Exception {
    nodes = TwoNodes.start();
    fx = new Fixtures(nodes.firstApi());
  }

  @AfterAll
  static void stop() throws Exception {
    nodes.close();
  }

  @Test
  void aReviewedSaveThroughOneServerReachesTheOtherServersVisitors() throws Exception {
    var team = fx.team();
    String path = published(team, "правка", "Правка", "Старый текст.", 0);

    fx.save(team.community(), "правка", team.member().token(), "Правка", "Новый текст.", 1);
    status(team, "правка", "review");
    long ms = msUntilSecondShows(path, r -> r.text().contains("Новый текст."));

    report("a reviewed save", ms);
  }

  @Test
  void aRevertThroughOneServerReachesTheOtherServersVisitors() throws Exception {
    var team = fx.team();
    fx.save(team.community(), "откат", team.member().token(), "Откат", "Первая версия.", 0);
    String path = published(team, "откат", "Откат", "Вторая версия.", 1);

    var reverted =
        fx.api()
            .post(
                Api.page(team.community(), "откат", "revert"),
                team.member().token(),
                new JsonObject().put("revision", 1));
    assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
    status(team, "откат", "review");
    long ms = msUntilSecondShows(path, r -> r.text().contains("Первая версия."));

    report("a reviewed revert", ms);
  }

  @Test
  void aPageUnpublishedThroughOneServerDisappearsForTheOtherServersVisitors() throws Exception {
    var team = fx.team();
    String path = published(team, "снятие", "Снятие", "Текст.", 0);

    status(team, "снятие", "unpublish");
    long ms = msUntilSecondShows(path, r -> r.status() == 404);

    report("unpublishing", ms);
  }

  @Test
  void aPageRenamedThroughOneServerRedirectsTheOtherServersVisitors() throws Exception {
    var team = fx.team();
    String path = published(team, "переезд", "Переезд", "Текст.", 0);

    var renamed =
        fx.api()
            .post(
                Api.page(team.community(), "переезд", "rename"),
                team.moderator().token(),
                new JsonObject().put("slug", "новый-адрес"));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    long ms = msUntilSecondShows(path, r -> r.status() == 301);

    report("a rename", ms);
  }

  @Test
  void aStructureChangedThroughOneServerReachesTheOtherServersVisitors() throws Exception {
    var team = fx.team();
    published(team, "раздел-а", "Раздел А", "Текст.", 0);
    String path = published(team, "глава", "Глава", "Текст.", 0);
    assertThat(nodes.secondApi().get(path, null).document().getElementById("page-place")).isNull();

    var arranged =
        fx.api()
            .send(
                io.vertx.core.http.HttpMethod.PUT,
                "/api" + Api.path("communities", team.community(), "structure"),
                team.moderator().token(),
                io.vertx.core.buffer.Buffer.buffer(
                    "[{\"slug\":\"раздел-а\",\"children\":[{\"slug\":\"глава\"}]}]"),
                "application/json",
                java.util.Map.of());
    assertThat(arranged.status()).as(arranged.toString()).isEqualTo(200);
    long ms =
        msUntilSecondShows(
            path,
            r -> r.status() == 200 && r.document().select(".crumbs a").text().contains("Раздел А"));

    report("a structure change", ms);
  }

  @Test
  void aPagePublishedThroughOneServerJoinsSimilarMaterialsOnTheOther() throws Exception {
    var team = fx.team();
    published(team, "аквариум-1", "Школьный аквариум аквариум-1", TEXT, 0);
    published(team, "аквариум-2", "Школьный аквариум аквариум-2", TEXT, 0);
    String path = published(team, "аквариум-3", "Школьный аквариум аквариум-3", TEXT, 0);
    assertThat(similar(path)).contains("Школьный аквариум аквариум-1");
    fx.save(
        team.community(),
        "аквариум-4",
        team.member().token(),
        "Школьный аквариум аквариум-4",
        TEXT,
        0);

    status(team, "аквариум-4", "publish");
    long ms = msUntilSecondShows(path, r -> similarIn(r).contains("аквариум-4"));

    report("similar materials of a newly published page", ms);
  }

  /**
   * Saves and publishes a page through the first server, waits until the second's index has it (so
   * that the publication's own effect on the second's cache is over), and has the second cache it
   * for visitors; returns its path.
   */
  private static String published(
      Fixtures.Team team, String slug, String title, String markdown, int base)
      throws InterruptedException {
    fx.save(team.community(), slug, team.member().token(), title, markdown, base);
    status(team, slug, "publish");
    String search = "/api/search?size=50&community=" + encode(team.community());
    Eventually.until(
        "the page to be indexed by the second server",
        LIMIT,
        () -> nodes.secondApi().get(search, null).text().contains("\"slug\":\"" + slug + "\""));
    String path = Api.path("c", team.community(), slug);
    assertThat(nodes.secondApi().get(path, null).text()).contains(markdown);
    return path;
  }

  /** A moderator's act through the first server: publish, unpublish or review (the latest). */
  private static void status(Fixtures.Team team, String slug, String action) {
    var response =
        fx.api()
            .post(
                Api.page(team.community(), slug, action),
                team.moderator().token(),
                action.equals("review") ? new JsonObject() : null);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  /** Milliseconds until the second server shows anonymous visitors what {@code seen} expects. */
  private static long msUntilSecondShows(String path, Predicate<Api.Response> seen)
      throws InterruptedException {
    long start = System.nanoTime();
    Eventually.until(
        "the second server to show the change",
        LIMIT,
        () -> seen.test(nodes.secondApi().get(path, null)));
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static String similar(String path) {
    return similarIn(nodes.secondApi().get(path, null));
  }

  private static String similarIn(Api.Response page) {
    return page.status() == 200 ? page.document().select(".similar a").eachText().toString() : "";
  }

  private static void report(String change, long ms) {
    System.out.printf("Two servers: %s reached the other server's visitors in %d ms%n", change, ms);
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
