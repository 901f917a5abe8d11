package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import ru.metodichka.config.ConfigLoader;
import ru.metodichka.demo.DemoSeed;

/**
 * Several nodes of one deployment started at the same moment on a database that does not exist yet
 * (as an orchestrator starts replicas): every one of them must come up, and what a start puts in
 * place (the database, the administrator, the demo) is put there once.
 */
class StartRaceIT {
  private static final int NODES = 2;
  private final String database = TestDatabases.freshName("metodichka_race");
  private final List<Application> started = new ArrayList<>();

  @AfterEach
  void stopAndDrop() throws SQLException {
    started.forEach(Application::close);
    TestDatabases.drop(database);
  }

  @Test
  void twoServersStartedTogetherOnAMissingDatabaseBothServe() throws Exception {
    startTogether(Map.of());

    assertThat(started).hasSize(NODES);
    for (Application node : started) {
      try (Api api = new Api(node.port())) {
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        assertThat(new Fixtures(api).login("admin", TestApp.ADMIN_PASSWORD)).isNotBlank();
      }
    }
    assertThat(count("SELECT count(*) FROM users WHERE login = 'admin'")).isEqualTo(1);
  }

  @Test
  void twoDemoStartsTogetherSeedTheDemoOnce() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(DemoSeed.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      startTogether(Map.of("demo", "true"));
    } finally {
      logger.detachAppender(log);
    }

    assertThat(started).hasSize(NODES);
    assertThat(count("SELECT count(*) FROM communities")).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM users"))
        .as("admin, the nine demo people, the two experts and a disabled former teacher")
        .isEqualTo(13);
    assertThat(count("SELECT count(*) FROM app_state WHERE key = 'demo_seeded'")).isEqualTo(1);
    assertThat(log.list)
        .as("the node that waited says the demo is there, nothing about a broken run")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .anyMatch(e -> e.getFormattedMessage().contains("already in the database"));
  }

  /** Starts the nodes on threads released at the same instant; fails if any start fails. */
  private void startTogether(Map<String, String> flags) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(NODES);
    ExecutorService threads = Executors.newFixedThreadPool(NODES);
    try {
      List<Future<Application>> starts = new ArrayList<>();
      for (int node = 1; node <= NODES; node++) {
        String[] args = args(node, flags);
        starts.add(
            threads.submit(
                () -> {
                  barrier.await();
                  return Application.start(ConfigLoader.load(args, Map.of()));
                }));
      }
      List<Throwable> failures = new ArrayList<>();
      for (Future<Application> start : starts) {
        try {
          started.add(start.get());
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      assertThat(failures).as("failed starts").isEmpty();
    } finally {
      threads.shutdown();
    }
  }

  private String[] args(int node, Map<String, String> flags) {
    List<String> args = new ArrayList<>();
    args.add("--http-port=0");
    args.add("--http-instances=1");
    args.add("--data-dir=target/it-data");
    args.add("--search-index-dir=target/it-data/search/" + database + "-node" + node);
    args.add("--db-url=" + TestDatabases.SERVER + database);
    args.add("--admin-password=" + TestApp.ADMIN_PASSWORD);
    flags.forEach((k, v) -> args.add("--" + k + "=" + v));
    return args.toArray(String[]::new);
  }

  private long count(String sql) throws SQLException {
    Application node = started.getFirst();
    try (Connection c =
            java.sql.DriverManager.getConnection(
                node.database().jdbcUrl(), node.database().jdbcProperties());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
