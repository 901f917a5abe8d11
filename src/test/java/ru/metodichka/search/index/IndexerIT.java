package ru.metodichka.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.metodichka.Application;
import ru.metodichka.Eventually;
import ru.metodichka.Main;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TestApp;
import ru.metodichka.TestDatabases;
import ru.metodichka.config.ConfigLoader;
import ru.metodichka.search.SearchEngine;
import ru.metodichka.search.SearchQuery;
import ru.metodichka.search.SearchScope;

/**
 * The indexer keeps the index true across restarts, lost or broken index directories and kill -9:
 * each test runs its own servers on a database of its own, filled with pages straight through SQL
 * (thousands, so that indexing takes long enough to be interrupted).
 */
@OwnServerTest
class IndexerIT {
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Pattern SERVING = Pattern.compile("Metodichka serves http://[^:]+:(\\d+)/");

  String database;
  Path indexDir;
  final List<Application> running = new ArrayList<>();

  @BeforeEach
  void freshDatabase() throws IOException {
    database = TestDatabases.freshName("metodichka_indexer");
    indexDir = Files.createTempDirectory("metodichka-index");
  }

  @AfterEach
  void cleanUp() throws SQLException, IOException {
    running.forEach(Application::close);
    TestDatabases.drop(database);
    deleteRecursively(indexDir);
  }

  @Test
  void aRestartedServerCatchesUpOnChangesMadeWhileItWasDown() throws Exception {
    Application first = start(indexDir);
    long community = addPages(first, 300, "published");
    awaitPublished(first, community, 300);
    stop(first);

    // While the server is down, half the pages go back to drafts.
    try (Connection db = jdbc(first);
        Statement sql = db.createStatement()) {
      sql.execute(
          "UPDATE pages SET status = 'draft', published_at = NULL WHERE community_id = "
              + community
              + " AND id % 2 = 0");
    }
    Application second = start(indexDir);
    assertThat(second.parts().searchIndex().state()).isEqualTo(SearchIndex.State.EXISTING);
    awaitPublished(second, community, 150);
  }

  @Test
  void changesAreSearchableAtOnceAndCommittedSoonAfterWithoutARestart() throws Exception {
    Application app = start(indexDir);
    long community = addPages(app, 40, "published");
    awaitPublished(app, community, 40);
    // What a restart would find: the index's last commit, read beside the running writer.
    Eventually.until(
        "40 pages in the index's last commit", PATIENCE, this::committedPages, n -> n == 40);
  }

  private int committedPages() throws IOException {
    try (Directory directory = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.numDocs();
    }
  }

  @Test
  void aDeletedIndexDirectoryIsRebuiltAtStart() throws Exception {
    Application first = start(indexDir);
    long community = addPages(first, 200, "published");
    awaitPublished(first, community, 200);
    stop(first);

    deleteContents(indexDir);
    Application second = start(indexDir);
    assertThat(second.parts().searchIndex().state()).isEqualTo(SearchIndex.State.CREATED);
    awaitPublished(second, community, 200);
  }

  @Test
  void aCorruptIndexIsReplacedAndRebuiltAtStart() throws Exception {
    Application first = start(indexDir);
    long community = addPages(first, 200, "published");
    awaitPublished(first, community, 200);
    stop(first);

    try (var files = Files.list(indexDir)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, "not a Lucene commit".getBytes(StandardCharsets.UTF_8));
      }
    }
    Application second = start(indexDir);
    assertThat(second.parts().searchIndex().state()).isEqualTo(SearchIndex.State.RECREATED);
    awaitPublished(second, community, 200);
  }

  @Test
  void anIndexBuiltFromAnotherDatabaseIsRebuilt() throws Exception {
    Application other = start(indexDir);
    addPages(other, 50, "published");
    String otherDatabase = database;
    stop(other);
    TestDatabases.drop(otherDatabase);

    database = TestDatabases.freshName("metodichka_indexer");
    Application server = start(indexDir);
    long community = addPages(server, 20, "published");
    awaitPublished(server, community, 20);
    assertThat(server.parts().searchIndex().size()).isEqualTo(20);
  }

  @Test
  void aRequestedRebuildReportsProgressAndKeepsEveryPage() throws Exception {
    Application server = start(indexDir);
    long community = addPages(server, 1200, "published");
    awaitPublished(server, community, 1200);
    Indexer indexer = server.parts().indexer();

    indexer.requestRebuild().await();
    RebuildProgress done =
        Eventually.until(
            "the requested rebuild to finish",
            PATIENCE,
            indexer::progress,
            progress -> progress.started() && !progress.running());
    assertThat(done.failure()).isNull();
    assertThat(done.done()).isEqualTo(1200);
    assertThat(done.percent()).isEqualTo(100);
    assertThat(published(server, community)).isEqualTo(1200);
  }

  @Test
  void aRebuildRequestedThroughOneServerRebuildsEveryServersIndex() throws Exception {
    Path secondDir = Files.createTempDirectory("metodichka-index");
    try {
      Application first = start(indexDir);
      Application second = start(secondDir);
      long community = addPages(first, 300, "published");
      awaitPublished(first, community, 300);
      awaitPublished(second, community, 300);
      Instant requested = Instant.now();

      first.parts().indexer().requestRebuild().await();

      for (Application server : List.of(first, second)) {
        RebuildProgress rebuilt = awaitRebuiltSince(server.parts().indexer(), requested);
        assertThat(rebuilt.failure()).isNull();
        assertThat(rebuilt.done()).isEqualTo(300);
      }
    } finally {
      running.forEach(Application::close);
      running.clear();
      deleteRecursively(secondDir);
    }
  }

  @Test
  void closingTheServerDuringARebuildStopsItAndTheNextStartRebuildsAgain() throws Exception {
    Application server = start(indexDir);
    long community = addPages(server, 4000, "published");
    awaitPublished(server, community, 4000);
    Indexer indexer = server.parts().indexer();
    indexer.requestRebuild().await();
    Eventually.until(
        "the rebuild to be under way",
        PATIENCE,
        indexer::progress,
        progress -> progress.running() && progress.done() > 0);

    stop(server);

    // Stopped at its next batch, before the index closed; never committed half-built.
    assertThat(indexer.progress().running()).isFalse();
    assertThat(indexer.progress().failure()).contains("closing");
    assertThat(indexer.progress().done()).isLessThan(4000);
    Application restarted = start(indexDir);
    assertThat(restarted.parts().searchIndex().state()).isEqualTo(SearchIndex.State.EXISTING);
    awaitPublished(restarted, community, 4000);
    RebuildProgress again = awaitRebuiltSince(restarted.parts().indexer(), Instant.EPOCH);
    assertThat(again.done()).isEqualTo(4000);
  }

  /** Waits until the server's indexer has finished a rebuild started after {@code since}. */
  private static RebuildProgress awaitRebuiltSince(Indexer indexer, Instant since) {
    return Eventually.until(
        "a rebuild started after " + since + " to finish",
        PATIENCE,
        indexer::progress,
        progress ->
            progress.started() && progress.startedAt().isAfter(since) && !progress.running());
  }

  @Test
  void killingTheServerWhileItIndexesLosesNothing() throws Exception {
    Application seeder = start(indexDir);
    long community = addPages(seeder, 3000, "published");
    stop(seeder);
    deleteContents(indexDir);

    // Killed during the rebuild of 3000 pages at start-up...
    ServerProcess first = startProcess();
    Thread.sleep(ThreadLocalRandom.current().nextInt(50, 800));
    first.kill();

    // ...and, after a restart, during the catch-up on 1500 pages unpublished at once.
    ServerProcess second = startProcess();
    second.awaitPublished(3000);
    try (Connection db = jdbc();
        Statement sql = db.createStatement()) {
      sql.execute(
          "UPDATE pages SET status = 'draft', published_at = NULL WHERE community_id = "
              + community
              + " AND id % 2 = 0");
    }
    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 300));
    second.kill();

    Application restarted = start(indexDir);
    awaitPublished(restarted, community, 1500);
    assertThat(restarted.parts().searchIndex().size()).isEqualTo(3000);
  }

  /** A server in a JVM of its own; returns once it serves. */
  private ServerProcess startProcess() throws IOException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--http-port=0",
            "--http-instances=1",
            "--data-dir=target/it-data",
            "--search-index-dir=" + indexDir,
            "--db-url=" + TestDatabases.SERVER + database,
            "--admin-password=" + TestApp.ADMIN_PASSWORD);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher serving = SERVING.matcher(line);
      if (serving.find()) {
        // Keep reading, or a full pipe would stop the server.
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> {}));
        return new ServerProcess(process, Integer.parseInt(serving.group(1)));
      }
    }
    throw new IllegalStateException("The server process ended before serving");
  }

  private record ServerProcess(Process process, int port) {
    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits until the server's search API finds this many published pages. */
    void awaitPublished(long expected) throws Exception {
      var request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + "/api/search?community=c&size=1"))
              .build();
      try (HttpClient http = HttpClient.newHttpClient()) {
        Eventually.until(
            expected + " published pages found by the server's search",
            PATIENCE,
            () -> {
              String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
              return new JsonObject(body).getLong("total");
            },
            found -> found == expected);
      }
    }
  }

  private Application start(Path index) {
    String args =
        "--http-port=0 --http-instances=1 --data-dir=target/it-data --search-index-dir="
            + index
            + " --db-url="
            + TestDatabases.SERVER
            + database
            + " --admin-password="
            + TestApp.ADMIN_PASSWORD;
    Application app = Application.start(ConfigLoader.load(args.split(" "), Map.of()));
    running.add(app);
    return app;
  }

  private void stop(Application app) {
    running.remove(app);
    app.close();
  }

  /** Adds a community with {@code count} pages of several paragraphs; returns its id. */
  private long addPages(Application app, int count, String status) throws SQLException {
    try (Connection db = jdbc(app);
        Statement sql = db.createStatement()) {
      var rs =
          sql.executeQuery(
              "INSERT INTO communities (slug, slug_key, name, task) VALUES ('c', 'c', 'Сообщество',"
                  + " 'Задача') RETURNING id");
      rs.next();
      long community = rs.getLong(1);
      sql.execute(
          "INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind, status,"
              + " published_at) SELECT "
              + community
              + ", 'p' || g, 'p' || g, 'Страница номер ' || g, 'страница номер ' || g, 'article', '"
              + status
              + "', now() FROM generate_series(1, "
              + count
              + ") g");
      sql.execute(
          "INSERT INTO revisions (page_id, number, author_id, title, kind, markdown, size,"
              + " content_hash) SELECT p.id, 1, (SELECT id FROM users WHERE login = 'admin'),"
              + " p.title, p.kind, m.text, length(m.text), sha256(convert_to(m.text, 'UTF8'))"
              + " FROM pages p, LATERAL (SELECT repeat('Проектная деятельность школьников: этапы,"
              + " роли, защита. ', 20) || p.id AS text) m WHERE p.community_id = "
              + community);
      // A published page shows the public its reviewed revision: here its only one.
      sql.execute(
          "UPDATE pages SET current_revision = 1, reviewed_revision = CASE WHEN status ="
              + " 'published' THEN 1 END, reviewed_at = CASE WHEN status = 'published' THEN"
              + " now() END WHERE community_id = "
              + community);
      return community;
    }
  }

  private void awaitPublished(Application app, long community, long expected) {
    Eventually.until(
        expected + " published pages found by the search",
        PATIENCE,
        () -> published(app, community),
        found -> found == expected);
  }

  /** What an anonymous visitor finds in the community: its published pages. */
  private static long published(Application app, long community) throws IOException {
    var all = new SearchQuery(null, null, "c", null, null, null, 1, 1);
    return new SearchEngine(app.parts().searchIndex()).search(all, SearchScope.anonymous()).total();
  }

  private Connection jdbc(Application app) throws SQLException {
    return DriverManager.getConnection(app.database().jdbcUrl(), app.database().jdbcProperties());
  }

  private Connection jdbc() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }

  private static void deleteContents(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
