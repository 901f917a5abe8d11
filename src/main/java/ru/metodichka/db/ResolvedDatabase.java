package ru.metodichka.db;

import io.vertx.pgclient.PgConnectOptions;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * The database Metodichka uses, wherever it was found.
 *
 * @param embedded the embedded server to stop on close, or null
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
    CONFIGURED,
    LOCAL,
    EMBEDDED
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public Properties jdbcProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("loginTimeout", "5");
    return properties;
  }

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

  /** Stops an embedded server; nothing for an external one. */
  @Override
  public void close() {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
    } catch (Exception e) {
      LoggerFactory.getLogger(ResolvedDatabase.class)
          .warn("Stopping the embedded PostgreSQL failed", e);
    }
  }
}
