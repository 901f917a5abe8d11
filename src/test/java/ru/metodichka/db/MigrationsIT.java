package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
}
