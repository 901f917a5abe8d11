package ru.metodichka.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.db.ResolvedDatabase.Source;

/**
 * Finds (or starts) the PostgreSQL database Metodichka uses: the configured URL; else the local
 * server (database created if missing); else, when nothing answers there, an embedded server whose
 * data stays under the data directory. A local server that answers but refuses us is an error, not
 * a reason to fall back: the user would lose sight of their data. Blocking: call from main before
 * Vert.x serves.
 */
public final class DatabaseLocator {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseLocator.class);
  static final String DEFAULT_LOCAL_URL = "postgresql://postgres@127.0.0.1:5432/metodichka";
  static final String HOW_TO =
      "Set METODICHKA_DB_URL=postgresql://user@host:5432/metodichka to use an existing PostgreSQL"
          + " server.";
  // A configured server may be remote and slow; still, a wrong address must not look like a hang.
  private static final Duration CONFIGURED_TIMEOUT = Duration.ofSeconds(10);
  // Probing the local server must not delay the start of a machine that has none.
  private static final Duration LOCAL_TIMEOUT = Duration.ofSeconds(2);

  private DatabaseLocator() {}

  /**
   * Resolves the database, creating it (or starting the embedded server) where needed. Blocking;
   * may take seconds when the embedded server starts for the first time.
   *
   * @param configuredUrl METODICHKA_DB_URL, or null when none is configured
   * @param localUrl the server tried when none is configured; null means {@value
   *     #DEFAULT_LOCAL_URL}
   * @param dataDir where an embedded server keeps its data ({@code dataDir/postgres}) between runs
   * @throws DatabaseUnavailableException saying what was tried and what to do
   */
  public static ResolvedDatabase resolve(String configuredUrl, String localUrl, Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    if (configuredUrl != null && !configuredUrl.isBlank()) {
      return configured(parse(configuredUrl));
    }
    boolean noLocal = localUrl == null || localUrl.isBlank();
    return localOrEmbedded(parse(noLocal ? DEFAULT_LOCAL_URL : localUrl), dataDir);
  }

  private static ResolvedDatabase configured(DatabaseUrl url) {
    try {
      DatabaseBootstrap.ensureExists(url, CONFIGURED_TIMEOUT);
      return resolved(url, Source.CONFIGURED);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "Cannot use the configured database "
              + url
              + " (METODICHKA_DB_URL): "
              + describe(e)
              + ". Check that the server runs and that the URL, user and password are right.",
          e);
    }
  }

  private static ResolvedDatabase localOrEmbedded(DatabaseUrl url, Path dataDir) {
    try {
      DatabaseBootstrap.ensureExists(url, LOCAL_TIMEOUT);
      return resolved(url, Source.LOCAL);
    } catch (SQLException e) {
      if (!nothingAnswers(e)) {
        throw new DatabaseUnavailableException(
            "The PostgreSQL server at "
                + url
                + " answers but refused Metodichka: "
                + describe(e)
                + ". Give that user access there (Metodichka does not fall back to an embedded"
                + " server, which would hide your data), or "
                + HOW_TO,
            e);
      }
      LOG.info(
          "No PostgreSQL answers at {} ({}); starting an embedded one",
          url,
          String.valueOf(e.getCause()));
      return EmbeddedDatabase.start(dataDir);
    }
  }

  /** No server at that address (refused, timed out, unknown host), as opposed to one saying no. */
  static boolean nothingAnswers(SQLException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof SocketTimeoutException
          || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  private static DatabaseUrl parse(String url) {
    try {
      return DatabaseUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new DatabaseUnavailableException(e.getMessage() + ". " + HOW_TO, e);
    }
  }

  private static String describe(SQLException e) {
    String cause = e.getCause() == null ? "" : " (" + e.getCause() + ")";
    return e.getMessage() + cause + " [SQLSTATE " + e.getSQLState() + "]";
  }

  private static ResolvedDatabase resolved(DatabaseUrl url, Source source) {
    return new ResolvedDatabase(
        url.host(), url.port(), url.database(), url.user(), url.password(), source, null);
  }
}
