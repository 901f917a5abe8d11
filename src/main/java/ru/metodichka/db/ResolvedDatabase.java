package ru.metodichka.db;

import io.vertx.pgclient.PgConnectOptions;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * The database Metodichka uses, wherever {@link DatabaseLocator} found it. Close it last, after the
 * pools using it: for an embedded server that stops the server.
 *
 * @param password null when the server needs none (trust or peer authentication)
 * @param embedded what stops the embedded server on {@link #close()}; null for any other source
 */
public record ResolvedDatabase(
    String host,
    int port,
    String database,
    String user,
    String password,
    Source source,
    AutoCloseable embedded)
    implements AutoCloseable {

  /** Where the database came from. */
  public enum Source {
    /** METODICHKA_DB_URL. */
    CONFIGURED,
    /** The server on this machine, tried when nothing is configured. */
    LOCAL,
    /** A server Metodichka started itself, with its data under the data directory. */
    EMBEDDED
  }

  public ResolvedDatabase {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(source, "source");
  }

  /** {@code jdbc:postgresql://host:port/database}; credentials are in {@link #jdbcProperties()}. */
  public String jdbcUrl() {
    return DatabaseUrl.jdbcUrl(host, port, database);
  }

  /** User, password if any, and timeouts, so that a lost server makes JDBC fail, not hang. */
  public Properties jdbcProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("loginTimeout", "20");
    return properties;
  }

  /** Options for the reactive pool. */
  public PgConnectOptions connectOptions() {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(host)
            .setPort(port)
            .setDatabase(database)
            .setUser(user)
            .setCachePreparedStatements(true);
    if (password != null) {
      options.setPassword(password);
    }
    return options;
  }

  /** Stops an embedded server; nothing for any other. Never throws: failures are logged. */
  @Override
  public void close() {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
    } catch (Exception e) {
      LoggerFactory.getLogger(ResolvedDatabase.class)
          .warn("Stopping the embedded PostgreSQL on port {} failed", port, e);
    }
  }

  /** Like the record's, but without the password, since these objects end up in logs. */
  @Override
  public String toString() {
    return "ResolvedDatabase["
        + new DatabaseUrl(host, port, database, user, null)
        + (password == null ? "" : ", password=***")
        + ", source="
        + source
        + "]";
  }
}
