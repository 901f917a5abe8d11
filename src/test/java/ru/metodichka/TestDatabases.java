package ru.metodichka;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/** Databases of the machine's PostgreSQL that a test creates for itself and drops afterwards. */
public final class TestDatabases {
  /** The machine's PostgreSQL, as a URL prefix to append a database name to. */
  public static final String SERVER = "postgresql://postgres@127.0.0.1:5432/";

  private TestDatabases() {}

  /** A name no other run uses. */
  public static String freshName(String prefix) {
    return prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  public static void drop(String database) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }
  }
}
