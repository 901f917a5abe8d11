package ru.metodichka.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.Api;
import ru.metodichka.Eventually;
import ru.metodichka.FaultTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.fault.OutageLoad.Acknowledged;
import ru.metodichka.fault.OutageLoad.Request;

/**
 * Fault scenario "database outage": PostgreSQL really stops (a fast shutdown of a server of the
 * test's own) while the server is under read and write load, and starts again on the same data
 * directory and port. Meanwhile every request must fail fast with a 503 problem, the server must
 * serve again within 5 s of PostgreSQL's return without a restart, and no acknowledged save may be
 * missing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@FaultTest
class DatabaseStopIT {
  private static final int READERS = 4;
  private static final int WRITERS = 4;

  /** The bound: for any request during the outage, and for the recovery. */
  private static final long BOUND_MS = 5_000;

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path directory;
  private OwnPostgres postgres;
  private TestApp app;
  private Fixtures.Team team;

  @BeforeEach
  void start() throws Exception {
    postgres = OwnPostgres.start(directory);
    app = TestApp.start(postgres.serverUrl(), Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    postgres.close();
  }

  @Test
  void whilePostgresIsStoppedRequestsFailFastWith503AndServiceResumesWithoutARestart()
      throws Exception {
    Fixtures fx = new Fixtures(app);
    team = fx.team();
    List<String> pages = IntStream.range(0, WRITERS).mapToObj(i -> "страница-" + i).toList();
    for (String page : pages) {
      fx.save(team.community(), page, token(), "Страница " + page, "Начало.\n", 0);
    }
    OutageLoad load = new OutageLoad(app.api(), team.community(), token());
    load.start(READERS, pages);
    Outage outage = stopAndRestartPostgres();
    load.stop();

    assertThat(load.failures()).as("requests that threw instead of answering").isEmpty();
    List<Request> requests = load.requests();
    List<Request> during = requests.stream().filter(outage::during).toList();
    checkFailedFast(requests, during, outage);
    assertThat(outage.recoveredMs()).as("ms until serving again").isLessThan(BOUND_MS);
    checkEveryAcknowledgedSaveIsThere(load.acknowledged());
    checkNoSaveRejectedDuringTheOutageWasKept(during);
    long searchableMs = millisUntilANewSaveIsSearchable();

    System.out.printf(
        "DatabaseStopIT: requests=%d, during the outage=%d (all 503), 503s=%d, max latency from"
            + " the stop to recovery=%d ms (whole run %d ms), recovery=%d ms after PostgreSQL was"
            + " back, acknowledged saves=%d (all there), a new save searchable after %d ms%n",
        requests.size(),
        during.size(),
        requests.stream().filter(r -> r.status() == 503).count(),
        maxMillis(requests.stream().filter(outage::touched).toList()),
        maxMillis(requests),
        outage.recoveredMs(),
        load.acknowledged().size(),
        searchableMs);
  }

  /** When PostgreSQL stopped, was down, started again, and the server served again (nanoTime). */
  private record Outage(long stopping, long down, long restarting, long back, long serving) {
    /** Sent after PostgreSQL was down, answered before it was started again. */
    boolean during(Request request) {
      return request.within(down, restarting);
    }

    /** Still running when the stop began, or sent before the server served again. */
    boolean touched(Request request) {
      return request.endNanos() > stopping && request.startNanos() < serving;
    }

    long recoveredMs() {
      return (serving - back) / 1_000_000;
    }
  }

  /** Load on a healthy server, 3 s of outage, then load on the recovered server. */
  private Outage stopAndRestartPostgres() throws Exception {
    Thread.sleep(2_000);
    long stopping = System.nanoTime();
    postgres.stop();
    long down = System.nanoTime();
    Thread.sleep(3_000);
    long restarting = System.nanoTime();
    postgres.start();
    long back = System.nanoTime();
    awaitServing();
    long serving = System.nanoTime();
    Thread.sleep(2_000);
    return new Outage(stopping, down, restarting, back, serving);
  }

  /**
   * Every request during the outage is a 503 problem; no request ever gets another failure; and
   * none that the outage touched (those cut off by the shutdown included) took 5 s.
   */
  private static void checkFailedFast(List<Request> requests, List<Request> during, Outage outage) {
    assertThat(during).as("requests during the outage").isNotEmpty();
    assertThat(during).allSatisfy(DatabaseStopIT::assertUnavailable);
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 503))
        .filteredOn(r -> r.status() == 503)
        .allSatisfy(DatabaseStopIT::assertUnavailable);
    assertThat(maxMillis(requests.stream().filter(outage::touched).toList()))
        .as("the longest request the outage touched, in ms")
        .isLessThan(BOUND_MS);
  }

  private static long maxMillis(List<Request> requests) {
    return requests.stream().mapToLong(Request::millis).max().orElseThrow();
  }

  private String token() {
    return team.member().token();
  }

  private static void assertUnavailable(Request request) {
    var response = request.response();
    assertThat(response.status()).as(request.toString()).isEqualTo(503);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().getString("code")).isEqualTo("database_unavailable");
    if (!request.what().equals("health")) {
      assertThat(response.headers().get("Retry-After")).as(request.what()).isNotBlank();
    }
  }

  /** Waits until health, a read and a new page all succeed. */
  private void awaitServing() {
    AtomicInteger probe = new AtomicInteger();
    Eventually.until(
        "health, a read and a new page to succeed after PostgreSQL came back",
        PATIENCE,
        () -> {
          Api api = app.api();
          String page = Api.page(team.community(), "проверка-" + probe.incrementAndGet());
          JsonObject body =
              new JsonObject().put("title", "Проверка").put("markdown", "Работает.\n");
          return api.get("/health", null).status() == 200
              && api.get(Api.page(team.community(), "страница-0"), token()).status() == 200
              && api.put(page, token(), body).status() == 201;
        });
  }

  private void checkEveryAcknowledgedSaveIsThere(List<Acknowledged> acknowledged) {
    assertThat(acknowledged).as("saves acknowledged under load").isNotEmpty();
    for (Acknowledged save : acknowledged) {
      String uri =
          Api.page(team.community(), save.slug(), "revisions", String.valueOf(save.revision()));
      var response = app.api().get(uri, token());
      assertThat(response.status()).as(save.toString()).isEqualTo(200);
      assertThat(response.json().getString("markdown")).isEqualTo(save.markdown());
    }
  }

  /** A save refused while PostgreSQL was down left nothing behind. */
  private void checkNoSaveRejectedDuringTheOutageWasKept(List<Request> outage) {
    for (Request save : outage.stream().filter(r -> r.what().equals("save")).toList()) {
      String slug = save.mark().substring(0, save.mark().lastIndexOf("-t"));
      String text =
          app.api().get(Api.page(team.community(), slug), token()).json().getString("markdown");
      assertThat(text).doesNotContain("Абзац " + save.mark() + ".");
    }
  }

  /** The indexer follows PostgreSQL again: a save made now is found by the search. */
  private long millisUntilANewSaveIsSearchable() {
    long since = System.nanoTime();
    var fx = new Fixtures(app);
    fx.save(team.community(), "после-сбоя", token(), "После сбоя", "Слово zqoutage.\n", 0);
    String uri = "/api/search?q=zqoutage&community=" + team.community();
    Eventually.until(
        "a save after the outage to be searchable",
        PATIENCE,
        () -> !app.api().get(uri, token()).items().isEmpty());
    return (System.nanoTime() - since) / 1_000_000;
  }
}
