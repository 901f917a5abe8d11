package ru.metodichka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.metodichka.config.AppConfig;
import ru.metodichka.config.ConfigLoader;

/**
 * One running server per test run, on a database of its own that is created at start and dropped at
 * the end. Tests never depend on each other's data: each makes its own users and communities
 * through {@link Fixtures}.
 */
public final class TestApp implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "admin-test-password";
  private static TestApp shared;

  private final String database;
  private final Application app;
  private final Api api;

  private TestApp(String database, Application app) {
    this.database = database;
    this.app = app;
    this.api = new Api(app.port());
  }

  /** The run's server, started on first use and stopped when JUnit finishes. */
  public static synchronized TestApp get(ExtensionContext context) {
    if (shared == null) {
      shared = start(Map.of());
      context
          .getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .put(TestApp.class.getName(), (AutoCloseable) shared);
    }
    return shared;
  }

  /** A separate server on a fresh database, with extra flags; the caller closes it. */
  public static TestApp start(Map<String, String> flags) {
    return start(TestDatabases.SERVER, flags);
  }

  /** A separate server on a fresh database of the given PostgreSQL server ("postgresql://…/"). */
  public static TestApp start(String server, Map<String, String> flags) {
    String database = TestDatabases.freshName("metodichka_it");
    StringBuilder args = new StringBuilder();
    // The tests' own client counts as a trusted proxy, so a test can send X-Forwarded-For to
    // stand for a client address of its own (login throttling counts per address).
    args.append("--http-port=0 --http-instances=2 --data-dir=target/it-data")
        .append(" --http-trusted-proxies=127.0.0.1,::1")
        .append(" --search-index-dir=target/it-data/search/")
        .append(database)
        .append(" --db-url=")
        .append(server)
        .append(database)
        .append(" --admin-password=")
        .append(ADMIN_PASSWORD);
    flags.forEach((k, v) -> args.append(" --").append(k).append('=').append(v));
    AppConfig config = ConfigLoader.load(args.toString().split(" "), Map.of());
    try {
      return new TestApp(database, Application.start(config));
    } catch (RuntimeException e) {
      // A start that fails after creating its database (a taken port) leaves it to no one.
      try {
        TestDatabases.drop(database);
      } catch (SQLException dropFailure) {
        e.addSuppressed(dropFailure);
      }
      throw e;
    }
  }

  public Api api() {
    return api;
  }

  public Application app() {
    return app;
  }

  /** A JDBC connection to this run's database, for checks the API cannot make. */
  public Connection jdbc() throws SQLException {
    return DriverManager.getConnection(app.database().jdbcUrl(), app.database().jdbcProperties());
  }

  private static void deleteRecursively(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // Left in target/, which the next clean removes.
    }
  }

  @Override
  public void close() throws SQLException {
    api.close();
    app.close();
    TestDatabases.drop(database);
    deleteRecursively(Path.of("target/it-data/search", database));
  }
}
