package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TestDatabases;
import ru.metodichka.db.DatabaseLocator;
import ru.metodichka.db.Migrations;
import ru.metodichka.db.ResolvedDatabase;

/**
 * The search trigger's side of {@link IndexWake}, on a database of its own (nothing else there
 * announces anything meanwhile): a transaction that promised to wake the indexers is queued for
 * search like any other but not announced at its commit; every other transaction is.
 */
@OwnServerTest
class IndexWakeIT {
  @TempDir Path dataDir;
  private String name;
  private ResolvedDatabase db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    name = TestDatabases.freshName("metodichka_wake");
    db = DatabaseLocator.resolve(TestDatabases.SERVER + name, "unused", dataDir);
    Migrations.apply(db);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO communities (slug, slug_key, name, task) VALUES ('c', 'c', 'C', 'T')");
    }
  }

  @AfterEach
  void dropDatabase() throws Exception {
    db.close();
    TestDatabases.drop(name);
  }

  @Test
  void aPromisedTransactionIsQueuedForSearchButNotAnnouncedAtCommitAndOthersAre()
      throws SQLException {
    try (Connection listener = connect();
        Statement listen = listener.createStatement();
        Connection writer = connect()) {
      listen.execute("LISTEN search_changes");

      insertPage(writer, "promised", true);
      assertThat(queued(writer)).isEqualTo(1);
      assertThat(PageSaveIT.notifications(listener, 1_000)).isZero();

      insertPage(writer, "announced", false);
      assertThat(queued(writer)).isEqualTo(2);
      assertThat(PageSaveIT.notifications(listener, 10_000)).isEqualTo(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties());
  }

  /** Inserts a page in a transaction of its own, with or without the promise. */
  private static void insertPage(Connection c, String slug, boolean promise) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      if (promise) {
        s.execute("SELECT set_config('metodichka.wake_after_commit', 'on', true)");
      }
      s.executeUpdate(
          """
          INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind)
          SELECT id, '%1$s', '%1$s', '%1$s', '%1$s', 'article' FROM communities
          """
              .formatted(slug));
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static long queued(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM search_changes")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
