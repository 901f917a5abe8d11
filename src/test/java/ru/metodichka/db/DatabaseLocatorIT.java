package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.TestDatabases;

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
      try (Connection c = connect(db);
          ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(name);
      }
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
    } finally {
      TestDatabases.drop(name);
    }
  }

  @Test
  void whenNothingAnswersAnEmbeddedServerStartsAndKeepsItsDataBetweenRuns() throws Exception {
    String local = "postgresql://postgres@127.0.0.1:" + portWhereNothingListens() + "/metodichka";
    try (ResolvedDatabase db = DatabaseLocator.resolve(null, local, dataDir)) {
      assertThat(db.source()).isEqualTo(ResolvedDatabase.Source.EMBEDDED);
      assertThat(db.database()).isEqualTo("metodichka");
      try (Connection c = connect(db);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (note text)");
        s.execute("INSERT INTO kept VALUES ('сохранилось')");
      }
    }
    assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    try (ResolvedDatabase again = DatabaseLocator.resolve(null, local, dataDir);
        Connection c = connect(again);
        ResultSet rs = c.createStatement().executeQuery("SELECT note FROM kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("сохранилось");
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
                DatabaseLocator.resolve(
                    null, "postgresql://no_such_role@127.0.0.1:5432/x", dataDir))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("METODICHKA_DB_URL");
    assertThat(dataDir.resolve("postgres")).doesNotExist();
  }

  @Test
  void aBadConfiguredUrlIsAClearError() {
    assertThatThrownBy(() -> DatabaseLocator.resolve("mysql://db/x", "unused", dataDir))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("postgresql://");
  }
}
