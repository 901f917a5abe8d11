package ru.metodichka.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ru.metodichka.Api;
import ru.metodichka.Eventually;
import ru.metodichka.FaultTest;
import ru.metodichka.Fixtures;
import ru.metodichka.Fixtures.TestUser;
import ru.metodichka.TestDatabases;
import ru.metodichka.fault.PageWriter.Acknowledged;

/**
 * Fault scenario "crash": the server (a JVM of its own) is killed with -9 while writers save new
 * pages and revisions, and started again on the same database and index directory. Every save it
 * acknowledged must be there with exactly the acknowledged text, and the search index must catch up
 * by itself.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@FaultTest
class KillDuringWritesIT {
  private static final int WRITERS = 8;
  private static final int BEFORE_KILL = 150;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private String database;
  private Path indexDir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void freshDatabase() throws IOException {
    database = TestDatabases.freshName("metodichka_crash");
    indexDir = Files.createTempDirectory("metodichka-crash-index");
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable resource : open.reversed()) {
      resource.close();
    }
    TestDatabases.drop(database);
    try (var files = Files.walk(indexDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }

  @Test
  void afterKillMinusNineUnderWriteLoadEveryAcknowledgedSaveSurvivesAndSearchCatchesUp()
      throws Exception {
    ServerProcess first = start("before-kill");
    Api before = client(first);
    Fixtures fx = new Fixtures(before);
    String community = fx.community();
    TestUser writer = fx.user("Пишущий учитель");
    fx.join(community, writer, "member");

    List<Acknowledged> acknowledged = writeUntilKilled(first, before, community, writer);

    ServerProcess second = start("after-kill");
    long restarted = System.nanoTime();
    Api after = client(second);
    Map<String, String> lastMarks = lastMarkOfEachPage(acknowledged);
    awaitSearchable(after, community, writer, lastMarks);
    long caughtUpMs = (System.nanoTime() - restarted) / 1_000_000;
    checkEveryAcknowledgedSaveIsThere(after, community, writer, acknowledged);

    System.out.printf(
        "KillDuringWritesIT: writers=%d, acknowledged saves=%d (all intact), pages=%d (all"
            + " searchable %d ms after the restart)%n",
        WRITERS, acknowledged.size(), lastMarks.size(), caughtUpMs);
  }

  /** Writers save until the server is killed, at a random moment after the first saves. */
  private static List<Acknowledged> writeUntilKilled(
      ServerProcess server, Api api, String community, TestUser writer) throws Exception {
    List<PageWriter> writers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      writers.add(new PageWriter(i, api, community, writer.token()));
      threads.add(Thread.ofPlatform().daemon().start(writers.getLast()));
    }
    awaitAcknowledged(writers, BEFORE_KILL);
    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 1000));
    server.kill();
    for (Thread thread : threads) {
      thread.join();
    }
    List<Acknowledged> acknowledged = new ArrayList<>();
    for (PageWriter w : writers) {
      assertThat(w.stoppedBy()).as("only the kill stops a writer").isNotInstanceOf(Error.class);
      acknowledged.addAll(w.acknowledged());
    }
    return acknowledged;
  }

  private ServerProcess start(String logName) throws IOException {
    ServerProcess server =
        ServerProcess.start(TestDatabases.SERVER + database, indexDir, database + "-" + logName);
    open.add(server);
    return server;
  }

  private Api client(ServerProcess server) {
    Api api = new Api(server.port());
    open.add(api);
    return api;
  }

  private static void awaitAcknowledged(List<PageWriter> writers, int count) {
    Eventually.until(
        count + " acknowledged saves",
        PATIENCE,
        () -> writers.stream().mapToInt(PageWriter::count).sum(),
        acknowledged -> acknowledged >= count);
  }

  private static void checkEveryAcknowledgedSaveIsThere(
      Api api, String community, TestUser user, List<Acknowledged> acknowledged) {
    for (Acknowledged save : acknowledged) {
      String uri = Api.page(community, save.slug(), "revisions", String.valueOf(save.revision()));
      var response = api.get(uri, user.token());
      assertThat(response.status())
          .as("%s revision %d", save.slug(), save.revision())
          .isEqualTo(200);
      assertThat(response.json().getString("markdown")).isEqualTo(save.markdown());
    }
  }

  /** Page → the token of its newest acknowledged revision (later revisions keep it). */
  private static Map<String, String> lastMarkOfEachPage(List<Acknowledged> acknowledged) {
    Map<String, String> marks = new LinkedHashMap<>();
    acknowledged.stream()
        .sorted(Comparator.comparingInt(Acknowledged::revision))
        .forEach(save -> marks.put(save.slug(), save.token()));
    return marks;
  }

  /** Waits until a search for each page's newest token finds the page. */
  private static void awaitSearchable(
      Api api, String community, TestUser user, Map<String, String> marks) {
    Set<String> missing = new HashSet<>(marks.keySet());
    Eventually.until(
        "every page to be found by the search (answer: the pages not found yet)",
        PATIENCE,
        () -> {
          missing.removeIf(slug -> found(api, community, user, slug, marks.get(slug)));
          return missing;
        },
        Set::isEmpty);
  }

  private static boolean found(Api api, String community, TestUser user, String slug, String mark) {
    String uri =
        "/api/search?community="
            + community
            + "&q="
            + URLEncoder.encode(mark, StandardCharsets.UTF_8);
    return api.get(uri, user.token()).items().stream()
        .anyMatch(hit -> slug.equals(((JsonObject) hit).getString("slug")));
  }
}
