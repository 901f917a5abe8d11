package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TestDatabases;

@OwnServerTest
class DatabaseLocatorIT {
  private static final String SERVER = TestDatabases.SERVER;
  @TempDir Path dataDir;

  private static int portWhereNothingListens() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Connection connect(ResolvedDatabase db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties());
  }

  @Test
  void aConfiguredUrlIsUsedAndItsDatabaseCreated() throws SQLException {
    String name = TestDatabases.freshName("metodichka_loc");
    try (ResolvedDatabase db =
        DatabaseLocator.resolve(SERVER + name, "postgresql://x@127.0.0.1:1/x", dataDir)) {
      assertThat(db.source()).isEqualTo(ResolvedDatabase.Source.CONFIGURED);
      assertThat(db.database()).isEqualTo(name);
      assertThat(currentDatabase(db)).isEqualTo(name);
    } finally {
      TestDatabases.drop(name);
    }
  }

  @Test
  void withoutAConfiguredUrlTheLocalServerIsUsed() throws SQLException {
    String name = TestDatabases.freshName("metodichka_loc");
    try (ResolvedDatabase db = DatabaseLocator.resolve(null, SERVER + name, dataDir)) {
      assertThat(db.source()).isEqualTo(ResolvedDatabase.Source.LOCAL);
      assertThat(db.embedded()).isNull();
      assertThat(currentDatabase(db)).isEqualTo(name);
    } finally {
      TestDatabases.drop(name);
    }
  }

  @Test
  void aConfiguredDatabaseNameIsTakenLiterally() throws SQLException {
    String name = TestDatabases.freshName("Metodichka-Test x");
    String url = SERVER + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    try (ResolvedDatabase db = DatabaseLocator.resolve(url, null, dataDir)) {
      assertThat(db.database()).isEqualTo(name);
      assertThat(currentDatabase(db)).isEqualTo(name);
    } finally {
      TestDatabases.drop(name);
    }
  }

  @Test
  void aConfiguredServerThatDoesNotAnswerIsAnErrorThatHidesThePassword() throws IOException {
    String url = "postgresql://app:topsecret@127.0.0.1:" + portWhereNothingListens() + "/m";
    assertThatThrownBy(() -> DatabaseLocator.resolve(url, null, dataDir))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("postgresql://app@127.0.0.1:")
        .hasMessageContaining("METODICHKA_DB_URL")
        .hasMessageNotContaining("topsecret");
    assertThat(dataDir.resolve(EmbeddedDatabase.CLUSTER)).doesNotExist();
  }

  @Test
  void whenNothingAnswersAnEmbeddedServerStartsAndKeepsItsDataBetweenRuns() throws Exception {
    EmbeddedTestDirs.withSharedBinaries(dataDir);
    String local = EmbeddedTestDirs.nothingListensUrl();
    try (ResolvedDatabase db = DatabaseLocator.resolve(null, local, dataDir)) {
      assertThat(db.source()).isEqualTo(ResolvedDatabase.Source.EMBEDDED);
      assertThat(db.database()).isEqualTo("metodichka");
      try (Connection c = connect(db);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (note text)");
        s.execute("INSERT INTO kept VALUES ('сохранилось')");
      }
    }
    assertThat(dataDir.resolve(EmbeddedDatabase.CLUSTER).resolve("PG_VERSION")).exists();
    assertThat(dataDir.resolve(EmbeddedDatabase.LOG_FILE)).isNotEmptyFile();
    try (ResolvedDatabase again = DatabaseLocator.resolve(null, local, dataDir);
        Connection c = connect(again);
        ResultSet rs = c.createStatement().executeQuery("SELECT note FROM kept")) {
      assertThat(again.source()).isEqualTo(ResolvedDatabase.Source.EMBEDDED);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("сохранилось");
    } finally {
      EmbeddedTestDirs.unlinkSharedBinaries(dataDir);
    }
  }

  @Test
  void whenTheEmbeddedServerCannotStartTheMessageSaysWhatToDo() throws IOException {
    Path notADirectory = Files.writeString(dataDir.resolve("file"), "not a directory");
    String local = "postgresql://postgres@127.0.0.1:" + portWhereNothingListens() + "/metodichka";
    assertThatThrownBy(() -> DatabaseLocator.resolve(null, local, notADirectory))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("METODICHKA_DB_URL");
  }

  @Test
  void aServerThatRefusesUsIsAnErrorNotAFallback() {
    assertThatThrownBy(
            () ->
                DatabaseLocator.resolve(null, "postgresql://nosuchuser@127.0.0.1:5432/x", dataDir))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("nosuchuser")
        .hasMessageContaining("METODICHKA_DB_URL");
    assertThat(dataDir.resolve("postgres")).doesNotExist();
  }

  @Test
  void aBadConfiguredUrlIsAClearError() {
    assertThatThrownBy(() -> DatabaseLocator.resolve("mysql://db/x", "unused", dataDir))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("postgresql://");
  }

  @Test
  void onlyAMissingServerCountsAsNothingAnswering() throws IOException {
    String closedPort = "postgresql://postgres@127.0.0.1:" + portWhereNothingListens() + "/x";
    assertThat(DatabaseLocator.nothingAnswers(failureOf(closedPort))).isTrue();
    String unknownHost = "postgresql://postgres@no-such-host.invalid/x";
    assertThat(DatabaseLocator.nothingAnswers(failureOf(unknownHost))).isTrue();
    String refused = "postgresql://nosuchuser@127.0.0.1:5432/x";
    assertThat(DatabaseLocator.nothingAnswers(failureOf(refused))).isFalse();
  }

  private static SQLException failureOf(String url) {
    try {
      DatabaseBootstrap.ensureExists(DatabaseUrl.parse(url), Duration.ofSeconds(2));
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("Expected " + url + " to fail");
  }

  private static String currentDatabase(ResolvedDatabase db) throws SQLException {
    try (Connection c = connect(db);
        ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
