package ru.metodichka.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A Metodichka stand-in run as a separate JVM by {@link EmbeddedDatabaseIT}, so that a test can
 * kill it with -9 while its embedded server runs. Arguments: data directory, local URL. Prints
 * {@code READY <port>} once a row is committed, or {@code FAILED <message>}, then waits.
 */
public final class EmbeddedServerProcess {
  private EmbeddedServerProcess() {}

  public static void main(String[] args) throws Exception {
    ResolvedDatabase db;
    try {
      db = DatabaseLocator.resolve(null, args[1], Path.of(args[0]));
    } catch (DatabaseUnavailableException e) {
      System.out.println("FAILED " + e.getMessage().replace('\n', ' '));
      return;
    }
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE before_kill (note text)");
      s.execute("INSERT INTO before_kill VALUES ('committed before kill -9')");
    }
    System.out.println("READY " + db.port());
    Thread.sleep(Long.MAX_VALUE);
  }
}
