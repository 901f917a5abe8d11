package ru.metodichka.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky) for a machine without a server. Its cluster lives under {@code
 * <data dir>/postgres} and survives restarts; the binaries are unpacked under the data dir too, not
 * in /tmp. As root, zonky itself runs initdb and postgres inside {@code unshare -U}, since
 * PostgreSQL refuses to run as root.
 */
final class EmbeddedDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String DATABASE = "metodichka";

  private EmbeddedDatabase() {}

  static ResolvedDatabase start(Path dataDir) {
    Path cluster = dataDir.resolve("postgres").toAbsolutePath();
    Path binaries = dataDir.resolve("postgres-binaries").toAbsolutePath();
    EmbeddedPostgres postgres = null;
    try {
      Files.createDirectories(binaries);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(cluster)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(binaries.toFile())
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
      createDatabase(postgres);
      LOG.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", postgres.getPort(), cluster);
      return new ResolvedDatabase(
          "127.0.0.1",
          postgres.getPort(),
          DATABASE,
          "postgres",
          null,
          ResolvedDatabase.Source.EMBEDDED,
          postgres);
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(postgres);
      throw new DatabaseUnavailableException(
          "No PostgreSQL server answers and the embedded one could not "
              + "start in "
              + cluster
              + " ("
              + e.getMessage()
              + "). "
              + DatabaseLocator.HOW_TO,
          e);
    }
  }

  private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      check.setString(1, DATABASE);
      if (!check.executeQuery().next()) {
        c.createStatement()
            .execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
      }
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warn("Stopping the embedded PostgreSQL failed", e);
      }
    }
  }
}
