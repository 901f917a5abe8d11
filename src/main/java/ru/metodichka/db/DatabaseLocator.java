package ru.metodichka.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the PostgreSQL database Metodichka uses: the configured URL; else the local server
 * (database created if missing); else, when nothing answers there, an embedded server whose data
 * stays under the data directory. Blocking: call from main before Vert.x serves.
 */
public final class DatabaseLocator {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseLocator.class);
  static final String HOW_TO =
      "Set METODICHKA_DB_URL=postgresql://user@host:5432/metodichka to use an existing PostgreSQL server.";

  private DatabaseLocator() {}

  public static ResolvedDatabase resolve(String configuredUrl, String localUrl, Path dataDir) {
    if (configuredUrl != null && !configuredUrl.isBlank()) {
      DatabaseUrl url = parse(configuredUrl);
      try {
        ensureDatabase(url);
      } catch (SQLException e) {
        throw new DatabaseUnavailableException(
            "Cannot use the database at "
                + DatabaseUrl.masked(configuredUrl)
                + ": "
                + e.getMessage()
                + ". Check METODICHKA_DB_URL.",
            e);
      }
      return resolved(url, ResolvedDatabase.Source.CONFIGURED);
    }
    DatabaseUrl local = parse(localUrl);
    try {
      ensureDatabase(local);
      return resolved(local, ResolvedDatabase.Source.LOCAL);
    } catch (SQLException e) {
      if (!nothingAnswers(e)) {
        throw new DatabaseUnavailableException(
            "PostgreSQL at "
                + local.host()
                + ":"
                + local.port()
                + " refused Metodichka: "
                + e.getMessage()
                + ". "
                + HOW_TO,
            e);
      }
      LOG.info(
          "No PostgreSQL answers at {}:{}; starting an embedded one", local.host(), local.port());
      return EmbeddedDatabase.start(dataDir);
    }
  }

  private static DatabaseUrl parse(String url) {
    try {
      return DatabaseUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new DatabaseUnavailableException(e.getMessage(), e);
    }
  }

  /** Connects to the database, creating it first if the server has no such database. */
  static void ensureDatabase(DatabaseUrl url) throws SQLException {
    try (Connection ignored = connect(url, url.database())) {
      return;
    } catch (SQLException e) {
      if (!"3D000".equals(e.getSQLState())) {
        throw e;
      }
    }
    createDatabase(url);
    try (Connection ignored = connect(url, url.database())) {
      LOG.info("Created database {} on {}:{}", url.database(), url.host(), url.port());
    }
  }

  private static void createDatabase(DatabaseUrl url) throws SQLException {
    try (Connection c = connect(url, "postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + quote(url.database()) + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      // 42P04: someone else created it a moment ago, which is just as good.
      if (!"42P04".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  static Connection connect(DatabaseUrl url, String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", url.user());
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("loginTimeout", "5");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + url.host() + ":" + url.port() + "/" + database, properties);
  }

  /**
   * Connection refused, timed out or host unknown: no server there, as opposed to one saying no.
   */
  private static boolean nothingAnswers(SQLException e) {
    return e.getSQLState() != null
        && e.getSQLState().startsWith("08")
        && (e.getCause() instanceof java.net.ConnectException
            || e.getCause() instanceof java.net.SocketTimeoutException
            || e.getCause() instanceof java.net.UnknownHostException
            || e.getCause() instanceof java.net.NoRouteToHostException);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static ResolvedDatabase resolved(DatabaseUrl url, ResolvedDatabase.Source source) {
    return new ResolvedDatabase(
        url.host(), url.port(), url.database(), url.user(), url.password(), source, null);
  }
}
