package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a save wakes the search indexers of every server without making its commit wait for other
 * commits. A transaction that NOTIFYs holds a database-wide lock across its commit's disk flush, so
 * saves that notified at commit (the search trigger does, V3) committed one at a time instead of
 * sharing flushes (V36 has the measurement). A save instead {@link #promise promises} in its
 * transaction to wake the indexers itself, which turns the trigger's NOTIFY off for that
 * transaction only, and {@link #send sends} the NOTIFY after the commit from a statement of its
 * own, which writes nothing and so holds the lock for no flush. If the server dies between the two,
 * the page is still queued for indexing (the trigger's row is in the committed transaction) and
 * every indexer finds it at its next look, within seconds.
 */
final class IndexWake {
  private static final Logger LOG = LoggerFactory.getLogger(IndexWake.class);
  private static final String PROMISE =
      "SELECT set_config('metodichka.wake_after_commit', 'on', true)";
  private static final String SEND = "SELECT pg_notify('search_changes', '')";

  /** Turns the search trigger's NOTIFY off for this transaction; call {@link #send} after it. */
  Future<Void> promise(SqlClient tx) {
    return tx.preparedQuery(PROMISE).execute().mapEmpty();
  }

  /** Wakes the indexers of every server; outside any transaction, after the save's commit. */
  void send(SqlClient pool) {
    pool.preparedQuery(SEND)
        .execute()
        .onFailure(
            e ->
                LOG.warn(
                    "Could not wake the search indexers after a save (they look again within"
                        + " seconds): {}",
                    e.toString()));
  }
}
