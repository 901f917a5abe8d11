package ru.metodichka.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Metodichka's database exists on a server: connects to it and, if the server has no
 * such database, creates it through the {@code postgres} maintenance database. Plain JDBC with
 * timeouts, so that nothing here can hang. Blocking.
 */
final class DatabaseBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
  private static final String NO_SUCH_DATABASE = "3D000";
  // Two servers creating the same database: the later one is told it exists (42P04), or, when
  // both got past that check, fails on pg_database's unique index (23505).
  private static final Set<String> ALREADY_CREATED = Set.of("42P04", "23505");
  private static final String INVALID_PARAMETER = "22023";

  private DatabaseBootstrap() {}

  /** Throws the driver's exception when the server cannot be reached or refuses us. */
  static void ensureExists(DatabaseUrl url, Duration timeout) throws SQLException {
    try {
      connect(url, timeout).close();
      return;
    } catch (SQLException e) {
      if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
        throw e;
      }
    }
    create(url, timeout);
    connect(url, timeout).close();
    LOG.info("Created database {}", url);
  }

  static Connection connect(DatabaseUrl url, Duration timeout) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", url.user());
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    // connectTimeout bounds the TCP connect; loginTimeout the whole attempt, TLS and auth included.
    properties.setProperty("connectTimeout", Long.toString(timeout.toSeconds()));
    properties.setProperty("loginTimeout", Long.toString(timeout.toSeconds() * 2));
    return DriverManager.getConnection(
        DatabaseUrl.jdbcUrl(url.host(), url.port(), url.database()), properties);
  }

  private static void create(DatabaseUrl url, Duration timeout) throws SQLException {
    String create =
        "CREATE DATABASE " + quote(url.database()) + " ENCODING 'UTF8' TEMPLATE template0";
    try (Connection c = connect(url.withDatabase("postgres"), timeout);
        Statement s = c.createStatement()) {
      try {
        s.execute(create);
      } catch (SQLException e) {
        if (!INVALID_PARAMETER.equals(e.getSQLState())) {
          throw e;
        }
        // The server's default locale cannot hold UTF-8 (e.g. Russian_Russia.1251 on Windows).
        // Metodichka's schema does not depend on collation, so the C locale is safe.
        LOG.warn(
            "Creating {} with the server's locale failed ({}); using the C locale",
            url,
            e.getMessage());
        s.execute(create + " LC_COLLATE 'C' LC_CTYPE 'C'");
      }
    } catch (SQLException e) {
      // Someone else created it a moment ago, which is just as good.
      if (!ALREADY_CREATED.contains(e.getSQLState())) {
        throw e;
      }
    }
  }

  /** A double-quoted identifier, so that any database name is taken literally. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
