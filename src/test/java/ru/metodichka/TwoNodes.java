package ru.metodichka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import ru.metodichka.config.ConfigLoader;

/**
 * Two servers on one database, each with a search index of its own, as a deployment runs them
 * behind a proxy: the first is a {@link TestApp} on a fresh database, the second an {@link
 * Application} started on the same database. Closing closes both and drops the database.
 */
public final class TwoNodes implements AutoCloseable {
  private final TestApp first;
  private final Application second;
  private final Api secondApi;
  private final Path secondIndex;

  private TwoNodes(TestApp first, Application second, Path secondIndex) {
    this.first = first;
    this.second = second;
    this.secondApi = new Api(second.port());
    this.secondIndex = secondIndex;
  }

  public static TwoNodes start() throws IOException {
    TestApp first = TestApp.start(Map.of());
    Path index = Files.createTempDirectory("metodichka-second-node");
    try {
      String args =
          "--http-port=0 --http-instances=2 --data-dir=target/it-data --search-index-dir="
              + index
              + " --db-url="
              + TestDatabases.SERVER
              + first.app().database().database()
              + " --admin-password="
              + TestApp.ADMIN_PASSWORD;
      Application second = Application.start(ConfigLoader.load(args.split(" "), Map.of()));
      return new TwoNodes(first, second, index);
    } catch (RuntimeException e) {
      closeQuietly(first);
      throw e;
    }
  }

  public TestApp first() {
    return first;
  }

  public Application second() {
    return second;
  }

  public Api firstApi() {
    return first.api();
  }

  public Api secondApi() {
    return secondApi;
  }

  @Override
  public void close() throws SQLException, IOException {
    secondApi.close();
    second.close();
    first.close();
    try (var files = Files.walk(secondIndex)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }

  private static void closeQuietly(TestApp app) {
    try {
      app.close();
    } catch (SQLException | RuntimeException e) {
      // The start's failure is the one to report.
    }
  }
}
