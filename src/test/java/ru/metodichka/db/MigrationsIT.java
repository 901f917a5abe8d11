package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TestDatabases;

@OwnServerTest
class MigrationsIT {
  @TempDir Path dataDir;

  @Test
  void migrationsBuildTheSchemaAndABrokenHistoryStopsStartUpWithTheReason() throws Exception {
    String name = TestDatabases.freshName("metodichka_mig");
    try (ResolvedDatabase db =
        DatabaseLocator.resolve(TestDatabases.SERVER + name, "unused", dataDir)) {
      Migrations.apply(db);
      Migrations.apply(db);
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties());
          Statement s = c.createStatement()) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'revisions'")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
        s.executeUpdate("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
      }
      assertThatThrownBy(() -> Migrations.apply(db))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Database migration failed")
          .hasMessageContaining("checksum");
    } finally {
      TestDatabases.drop(name);
    }
  }

  @Test
  void aSchemaFlywayLeftCurrentIsRecognisedWithoutItAndAnyDifferenceGoesBackToFlyway()
      throws Exception {
    String name = TestDatabases.freshName("metodichka_mig");
    try (ResolvedDatabase db =
        DatabaseLocator.resolve(TestDatabases.SERVER + name, "unused", dataDir)) {
      assertThat(CurrentSchema.version(db)).as("no history table yet").isEmpty();
      Migrations.apply(db);
      Map<String, Integer> files =
          CurrentSchema.migrationFiles(getClass().getClassLoader()).orElseThrow();
      String latest;
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties());
          Statement s = c.createStatement()) {
        Map<String, Integer> stored = new HashMap<>();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT script, checksum FROM flyway_schema_history ORDER BY installed_rank")) {
          while (rs.next()) {
            stored.put(rs.getString(1), rs.getInt(2));
          }
        }
        assertThat(files).as("our checksums are the ones Flyway stored").isEqualTo(stored);
        try (ResultSet rs =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
          rs.next();
          latest = rs.getString(1);
        }
        assertThat(CurrentSchema.version(db)).contains(latest);

        s.executeUpdate("UPDATE flyway_schema_history SET success = false WHERE version = '2'");
        assertThat(CurrentSchema.version(db)).as("a failed migration").isEmpty();
        s.executeUpdate("UPDATE flyway_schema_history SET success = true WHERE version = '2'");

        s.executeUpdate(
            "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                + " script, checksum, installed_by, execution_time, success)"
                + " VALUES (1000, '1000', 'from a newer build', 'SQL', 'V1000__newer.sql', 1,"
                + " 'test', 1, true)");
        assertThat(CurrentSchema.version(db)).as("a migration this build lacks").isEmpty();
        s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '1000'");
        assertThat(CurrentSchema.version(db)).contains(latest);

        s.executeUpdate(
            "UPDATE flyway_schema_history SET script = 'V3__renamed.sql' WHERE version = '3'");
        assertThat(CurrentSchema.version(db)).as("a renamed migration").isEmpty();
        s.executeUpdate(
            "UPDATE flyway_schema_history SET script = 'V3__search_changes.sql'"
                + " WHERE version = '3'");

        s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + latest + "'");
        assertThat(CurrentSchema.version(db)).as("a pending migration").isEmpty();
      }
    } finally {
      TestDatabases.drop(name);
    }
  }
}
