package ru.metodichka;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.config.AppConfig;
import ru.metodichka.db.DatabaseLocator;
import ru.metodichka.db.DatabaseUnavailableException;
import ru.metodichka.db.Migrations;
import ru.metodichka.db.ResolvedDatabase;
import ru.metodichka.search.index.Indexer;
import ru.metodichka.search.index.RebuildProgress;
import ru.metodichka.search.index.SearchIndex;
import ru.metodichka.search.index.SearchIndexes;

/**
 * {@code java -jar metodichka.jar reindex}: rebuilds the search index from PostgreSQL with the
 * server stopped, printing progress. (A running server holds the index; its admin page rebuilds.)
 */
final class Reindex {
  private static final Logger LOG = LoggerFactory.getLogger(Reindex.class);
  private static final long PRINT_EVERY_MS = 1000;

  /**
   * How long the command waits for a connection. The configured timeout is the server's, short so
   * that requests fail fast while PostgreSQL is down; a rebuild run by hand had better wait: on a
   * busy machine its first connection, right after Flyway's, took longer than the 2 s default and
   * the command gave up with a bare "Timeout".
   */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private Reindex() {}

  /** The process exit status: 0 when the index was rebuilt. */
  static int run(AppConfig config) {
    ResolvedDatabase database;
    try {
      database =
          DatabaseLocator.resolve(
              config.db().url().orElse(null), config.db().localUrl(), config.dataDir());
    } catch (DatabaseUnavailableException e) {
      LOG.error("Cannot reindex: {}", e.getMessage());
      return 1;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Migrations.apply(database);
      SearchIndex index = SearchIndexes.open(config.searchIndexDir());
      try {
        new Indexer(Application.pool(vertx, database, patient(config.db())), index)
            .rebuild(new Printer(System.out));
        return 0;
      } finally {
        SearchIndexes.closeQuietly(index);
      }
    } catch (SearchIndexes.IndexInUseException e) {
      // Another process holds the index: the message says what to do, a stack trace would not.
      LOG.error("Cannot reindex: {}", e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      LOG.error("Cannot reindex: {}", e.getMessage(), e);
      return 1;
    } finally {
      vertx.close().await();
      database.close();
    }
  }

  private static AppConfig.Db patient(AppConfig.Db db) {
    Duration timeout = db.connectTimeout().compareTo(PATIENCE) > 0 ? db.connectTimeout() : PATIENCE;
    return new AppConfig.Db(db.url(), db.localUrl(), db.poolSize(), db.waitQueueSize(), timeout);
  }

  /** Prints a line a second while running, and one at the end. */
  private static final class Printer implements java.util.function.Consumer<RebuildProgress> {
    private final PrintStream out;
    private long lastPrinted;

    Printer(PrintStream out) {
      this.out = out;
    }

    @Override
    public void accept(RebuildProgress progress) {
      long now = System.currentTimeMillis();
      if (progress.running() && now - lastPrinted < PRINT_EVERY_MS && progress.done() > 0) {
        return;
      }
      lastPrinted = now;
      if (progress.failure() != null) {
        out.printf("Reindex failed after %d pages: %s%n", progress.done(), progress.failure());
      } else if (progress.running()) {
        out.printf(
            "Indexed %d of %d pages (%d%%), %d pages/s%n",
            progress.done(), progress.total(), progress.percent(), progress.pagesPerSecond());
      } else {
        out.printf(
            "Reindexed %d pages in %.1f s (%d pages/s)%n",
            progress.done(), progress.elapsed().toMillis() / 1000.0, progress.pagesPerSecond());
      }
    }
  }
}
