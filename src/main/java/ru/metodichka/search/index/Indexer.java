package ru.metodichka.search.index;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link SearchIndex} true to PostgreSQL: a thread of its own runs the {@link
 * IndexRounds}, round after round. A round starts when a transaction that changed pages or view
 * counts commits (NOTIFY, from any server of the database), and every few seconds anyway in case a
 * notification was lost. At start-up the first round catches up on whatever happened while the
 * server was down, and a new, recreated or foreign index (another database's) is rebuilt.
 *
 * <p>Searches see a round's pages as soon as it ends (a near-real-time refresh); the Lucene commit
 * that makes them durable follows within {@link #COMMIT_DELAY_MS} (see {@link CommitTimer}); after
 * a crash the rounds since the last commit are applied again.
 */
public final class Indexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  static final String CHANNEL = "search_changes";
  private static final long POLL_MS = 5_000;
  private static final long MAX_BACKOFF_MS = 5_000;
  static final long COMMIT_DELAY_MS = 1_000;

  /** How long {@link #close} waits for a round before failing its database calls. */
  private static final long CLOSE_PATIENCE_MS = 10_000;

  /**
   * Least and most time from one round's start to the next. Under a stream of saves, rounds back to
   * back indexed a page again for every save of it, taking the cores the saves needed. A round now
   * starts no sooner than {@link #ROUND_SHARE} times the last round's length after it (the indexer
   * takes at most a fifth of a core), within these bounds, so that each page is indexed once for
   * all its saves meanwhile and a save stays searchable within a second.
   */
  static final long MIN_ROUND_GAP_MS = 200;

  static final long MAX_ROUND_GAP_MS = 500;
  private static final int ROUND_SHARE = 5;

  private final Pool pool;
  private final IndexRounds rounds;
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean closed;
  private PgSubscriber subscriber;
  private long lastRoundNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MAX_ROUND_GAP_MS);
  private long lastRoundMs;

  /**
   * @param pool connections of the indexer's own, so that a burst of requests never delays it
   */
  public Indexer(Pool pool, SearchIndex index) {
    this.pool = pool;
    this.rounds = new IndexRounds(pool, index, new CommitTimer(COMMIT_DELAY_MS), () -> closed);
    this.thread = Thread.ofPlatform().name("search-indexer").daemon().unstarted(this::run);
  }

  /** Starts listening for changes and the indexing thread, whose first round catches up. */
  public void start(Vertx vertx, PgConnectOptions connectOptions) {
    subscriber = PgSubscriber.subscriber(vertx, connectOptions);
    // Reconnect forever, once a second: while the database is down there is nothing to index, and
    // the round after the reconnection catches up on what the lost connection did not announce.
    subscriber.reconnectPolicy(attempt -> 1000L);
    subscriber.channel(CHANNEL).subscribeHandler(v -> wake()).handler(payload -> wake());
    subscriber
        .connect()
        .onFailure(e -> LOG.warn("Not listening for search changes yet: {}", e.toString()));
    thread.start();
  }

  /** Asks for a round now (a page changed). Safe from any thread. */
  public void wake() {
    wake.release();
  }

  /**
   * Tells {@code listener} what each round changed (pages changed through any server), on the
   * indexing thread, after searches see the change: it must be quick and must not block.
   */
  public void onChange(Consumer<IndexChanges> listener) {
    rounds.onChange(listener);
  }

  /**
   * Asks every server of the database to rebuild its index, this one included: the request is
   * recorded in PostgreSQL, and each server's indexer rebuilds once it sees it (a server that is
   * down rebuilds when it starts). {@link #progress} shows this server's rebuild.
   */
  public Future<Void> requestRebuild() {
    rounds.rebuildPending();
    return IndexSource.requestRebuild(pool)
        .onSuccess(number -> wake())
        .onFailure(rounds::rebuildNotRequested)
        .mapEmpty();
  }

  /** Grows whenever searches may see other pages than before: a key for caches of answers. */
  public long generation() {
    return rounds.generation();
  }

  /** This server's last (or running) rebuild. */
  public RebuildProgress progress() {
    return rounds.progress();
  }

  /**
   * Rebuilds the whole index on the calling thread, reporting progress after every batch: for
   * {@code java -jar metodichka.jar reindex}, on an indexer that was not started.
   */
  public void rebuild(Consumer<RebuildProgress> listener) throws IOException {
    rounds.rebuild(listener);
  }

  private void run() {
    long backoffMs = 0;
    while (!closed) {
      try {
        long waitMs = backoffMs > 0 ? backoffMs : rounds.millisUntilCommitDue(POLL_MS);
        if (wake.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
          wake.drainPermits();
        }
        pauseAfterLastRound();
        if (closed) {
          break;
        }
        lastRoundNanos = System.nanoTime();
        lastRoundMs = 0; // a failed round counts as short
        rounds.catchUp();
        rounds.commitIfDue();
        lastRoundMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRoundNanos);
        backoffMs = 0;
      } catch (InterruptedException | CancellationException e) {
        break;
      } catch (IOException | RuntimeException e) {
        // The database is down or the disk failed: try again soon, from the same checkpoint.
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(250, backoffMs * 2));
        LOG.warn("Search indexing failed, retrying in {} ms: {}", backoffMs, e.toString());
      }
    }
    try {
      rounds.commitOwed();
    } catch (IOException | RuntimeException e) {
      LOG.warn("The search index's last changes were not committed: {}", e.toString());
    }
  }

  /** Waits out the gap after the last round (wake-ups meanwhile join this round); close ends it. */
  private void pauseAfterLastRound() throws InterruptedException {
    long gap = Math.clamp(lastRoundMs * ROUND_SHARE, MIN_ROUND_GAP_MS, MAX_ROUND_GAP_MS);
    long left = gap - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRoundNanos);
    if (left > 0) {
      closing.await(left, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Stops listening, then waits for the thread to end, however long that takes: the caller closes
   * the index next, which must never happen under a running round. A round or rebuild in progress
   * stops at its next batch (a second or so); a stopped rebuild is not committed (closing the index
   * rolls it back, and the next start rebuilds again), and otherwise the owed commit is made. A
   * round still waiting for the database after {@link #CLOSE_PATIENCE_MS} has its connections
   * closed, which fails the wait. The thread is never interrupted: an interrupt during a write
   * closes the index's files under the writer.
   */
  @Override
  public void close() {
    closed = true;
    closing.countDown();
    wake();
    if (subscriber != null) {
      subscriber.close();
    }
    boolean interrupted = false;
    boolean connectionsClosed = false;
    while (thread.isAlive()) {
      try {
        thread.join(CLOSE_PATIENCE_MS);
      } catch (InterruptedException e) {
        interrupted = true; // waited for all the same, and the interrupt passed on at the end
        continue;
      }
      if (thread.isAlive() && !connectionsClosed) {
        // Between batches a round only waits for PostgreSQL, never in the middle of a write to the
        // index: failing that wait is safe, and the round ends with it.
        LOG.warn("The search indexer is still waiting for the database: closing its connections");
        pool.close();
        connectionsClosed = true;
      } else if (thread.isAlive()) {
        LOG.info("Waiting for the search indexer to end before closing the index");
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
