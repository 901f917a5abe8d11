package ru.metodichka.search.index;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link SearchIndex} true to PostgreSQL. One thread of its own applies, round after
 * round, the pages that {@code search_changes} lists since the checkpoint, then commits the index
 * with the new checkpoint. A round starts when a transaction that changed pages commits (NOTIFY),
 * when a page's view count changes, and every few seconds anyway in case a notification was lost.
 *
 * <p>At start-up the first round catches up on whatever happened while the server was down, and a
 * new, recreated or foreign index (another database's) is rebuilt from scratch. A crash at any
 * moment loses nothing: the checkpoint is committed together with the pages it covers, and
 * re-applying a page is harmless because the indexer always reads a page's current state.
 *
 * <p>Searches see a round's pages as soon as it ends (a near-real-time refresh); the Lucene commit
 * that makes them durable follows within {@link #COMMIT_DELAY_MS}, once for all the rounds of that
 * second. A commit syncs files to disk, and under a stream of saves committing every round cost
 * more than indexing the pages; after a crash the rounds since the last commit are applied again.
 */
public final class Indexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  static final String CHANNEL = "search_changes";
  private static final long POLL_MS = 5_000;
  private static final long MAX_BACKOFF_MS = 5_000;
  static final long COMMIT_DELAY_MS = 1_000;

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
  private final SearchIndex index;
  private final Semaphore wake = new Semaphore(0);
  private final Set<Long> viewed = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean rebuildRequested;
  private volatile boolean closed;
  private volatile RebuildProgress progress = RebuildProgress.NONE;
  private final AtomicLong generation = new AtomicLong();
  private PgSubscriber subscriber;
  // Where the rounds have got to, committed or not, and whether a commit is owed (and by when).
  private volatile Checkpoint applied;
  private volatile boolean commitOwed;
  private volatile long commitDueNanos;
  private long lastRoundNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MAX_ROUND_GAP_MS);
  private long lastRoundMs;

  /**
   * @param pool connections of the indexer's own, so that a burst of requests never delays it
   */
  public Indexer(Pool pool, SearchIndex index) {
    this.pool = pool;
    this.index = index;
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

  /** These pages were viewed: their «most viewed» counts are brought up to date next round. */
  public void viewed(Set<Long> pageIds) {
    viewed.addAll(pageIds);
    wake();
  }

  /** Asks the indexing thread to rebuild the whole index; see {@link #progress()}. */
  public void requestRebuild() {
    // Shown as running from the click on, though the thread may still be finishing a round.
    progress = RebuildProgress.started(0, Instant.now());
    rebuildRequested = true;
    wake();
  }

  /** Grows whenever searches may see other pages than before: a key for caches of answers. */
  public long generation() {
    return generation.get();
  }

  /** The last (or the running) rebuild. */
  public RebuildProgress progress() {
    return progress;
  }

  private void run() {
    long backoffMs = 0;
    while (!closed) {
      try {
        if (wake.tryAcquire(backoffMs > 0 ? backoffMs : untilCommitDue(), TimeUnit.MILLISECONDS)) {
          wake.drainPermits();
        }
        if (closed) {
          break;
        }
        pauseAfterLastRound();
        lastRoundNanos = System.nanoTime();
        lastRoundMs = 0; // a failed round counts as short
        if (rebuildRequested) {
          rebuildRequested = false;
          rebuild(p -> {});
        } else {
          catchUp();
        }
        if (!rebuildRequested) {
          applyViews();
        }
        if (commitOwed && System.nanoTime() - commitDueNanos >= 0) {
          commitOwed();
        }
        lastRoundMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRoundNanos);
        backoffMs = 0;
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // The database is down or the disk failed: try again soon, from the same checkpoint.
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(250, backoffMs * 2));
        LOG.warn("Search indexing failed, retrying in {} ms: {}", backoffMs, e.toString());
      }
    }
    try {
      commitOwed();
    } catch (IOException | RuntimeException e) {
      LOG.warn("The search index's last changes were not committed: {}", e.toString());
    }
  }

  /**
   * One round: applies every page changed since the checkpoint, or rebuilds the index when it has
   * no checkpoint of this database. Blocking; the indexing thread calls it, and so does a test that
   * wants the index caught up now.
   */
  void catchUp() throws IOException {
    SqlConnection conn = pool.getConnection().await();
    try {
      IndexSource.begin(conn);
      IndexSource.Snapshot snapshot = IndexSource.snapshot(conn);
      Optional<Long> since = resumeFrom(snapshot);
      if (since.isEmpty()) {
        rebuild(conn, snapshot, p -> {});
        return;
      }
      List<Long> changed = IndexSource.changedSince(conn, since.get());
      for (int from = 0; from < changed.size(); from += IndexSource.BATCH) {
        List<Long> ids = changed.subList(from, Math.min(changed.size(), from + IndexSource.BATCH));
        List<IndexSource.PageRow> pages = IndexSource.pages(conn, ids);
        index.writeAll(pages, IndexSource.PageRow::toDocument);
        Set<Long> found = new HashSet<>();
        pages.forEach(page -> found.add(page.id()));
        for (Long id : ids) {
          if (!found.contains(id)) {
            index.remove(Long.toString(id));
          }
        }
      }
      if (!changed.isEmpty()) {
        index.refresh();
        generation.incrementAndGet();
      }
      applied(new Checkpoint(snapshot.databaseId(), snapshot.horizon()));
    } finally {
      rollbackAndClose(conn);
    }
  }

  /** Where to resume, or empty when the index must be rebuilt (and the log says why). */
  private Optional<Long> resumeFrom(IndexSource.Snapshot snapshot) {
    Optional<Checkpoint> checkpoint =
        applied != null ? Optional.of(applied) : index.checkpoint().flatMap(Checkpoint::parse);
    if (checkpoint.isEmpty()) {
      LOG.info("The search index is {}: building it from the database", describe(index.state()));
      return Optional.empty();
    }
    if (!checkpoint.get().databaseId().equals(snapshot.databaseId())) {
      LOG.info("The search index was built from another database: rebuilding it");
      return Optional.empty();
    }
    if (checkpoint.get().horizon() > snapshot.next()) {
      LOG.info("The search index is ahead of the database (restored from a backup?): rebuilding");
      return Optional.empty();
    }
    return Optional.of(checkpoint.get().horizon());
  }

  private static String describe(SearchIndex.State state) {
    return switch (state) {
      case CREATED -> "new";
      case RECREATED -> "recreated after it could not be read";
      case EXISTING -> "without a checkpoint";
    };
  }

  /**
   * Rebuilds the whole index from the database in one snapshot, reporting progress after every
   * batch. Searches see the old index until the new one is complete. Blocking; {@code java -jar
   * metodichka.jar reindex} calls it directly, the server through {@link #requestRebuild}.
   */
  public void rebuild(Consumer<RebuildProgress> listener) throws IOException {
    SqlConnection conn = pool.getConnection().await();
    try {
      IndexSource.begin(conn);
      rebuild(conn, IndexSource.snapshot(conn), listener);
    } finally {
      rollbackAndClose(conn);
    }
  }

  private void rebuild(
      SqlConnection conn, IndexSource.Snapshot snapshot, Consumer<RebuildProgress> listener)
      throws IOException {
    long total = IndexSource.pageCount(conn);
    progress = RebuildProgress.started(total, Instant.now());
    listener.accept(progress);
    try {
      commitOwed = false; // from here until the rebuild is complete, nothing may be committed
      index.deleteAll();
      Future<List<IndexSource.PageRow>> next = IndexSource.pagesAfter(conn, 0);
      List<IndexSource.PageRow> batch;
      while (!(batch = next.await()).isEmpty()) {
        // PostgreSQL reads the next batch while this one is indexed.
        next = IndexSource.pagesAfter(conn, batch.getLast().id());
        index.writeAll(batch, IndexSource.PageRow::toDocument);
        progress = progress.advanced(batch.size());
        listener.accept(progress);
      }
      Checkpoint rebuilt = new Checkpoint(snapshot.databaseId(), snapshot.horizon());
      index.commit(rebuilt.toString());
      index.refresh();
      applied = rebuilt;
      commitOwed = false;
      generation.incrementAndGet();
      progress = progress.finished(Instant.now());
      listener.accept(progress);
      LOG.info(
          "Search index rebuilt: {} pages in {} ms",
          progress.done(),
          progress.elapsed().toMillis());
    } catch (IOException | RuntimeException e) {
      // The writer now holds a half-built index: only a complete rebuild may commit or show it.
      rebuildRequested = true;
      commitOwed = false;
      progress = progress.failed(e.toString(), Instant.now());
      listener.accept(progress);
      throw e;
    }
  }

  /** Records how far the rounds have got; a commit of it is owed within the commit delay. */
  private void applied(Checkpoint checkpoint) {
    if (checkpoint.equals(applied)) {
      return;
    }
    applied = checkpoint;
    if (!commitOwed) {
      commitDueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COMMIT_DELAY_MS);
      commitOwed = true;
    }
  }

  /** Commits the pages written so far together with the checkpoint they reach, if one is owed. */
  private void commitOwed() throws IOException {
    if (commitOwed) {
      commitOwed = false;
      index.commit(applied.toString());
    }
  }

  private void pauseAfterLastRound() throws InterruptedException {
    long gap = Math.clamp(lastRoundMs * ROUND_SHARE, MIN_ROUND_GAP_MS, MAX_ROUND_GAP_MS);
    long left = gap - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRoundNanos);
    if (left > 0) {
      Thread.sleep(left);
    }
  }

  /** How long to wait for a wake-up: until the owed commit is due, or a poll's time. */
  private long untilCommitDue() {
    if (!commitOwed) {
      return POLL_MS;
    }
    return Math.clamp(
        TimeUnit.NANOSECONDS.toMillis(commitDueNanos - System.nanoTime()), 0, POLL_MS);
  }

  private void applyViews() throws IOException {
    if (viewed.isEmpty()) {
      return;
    }
    Set<Long> ids = new HashSet<>(viewed);
    viewed.removeAll(ids);
    SqlConnection conn = pool.getConnection().await();
    Map<Long, Long> views;
    try {
      views = IndexSource.views(conn, ids);
    } finally {
      conn.close();
    }
    for (var entry : views.entrySet()) {
      index.updateViews(Long.toString(entry.getKey()), entry.getValue());
    }
    index.refresh();
  }

  /** Ends the round's read-only transaction (nothing to commit) and returns the connection. */
  private static void rollbackAndClose(SqlConnection conn) {
    conn.query("ROLLBACK").execute().eventually(conn::close);
  }

  /** Stops listening and the thread; the caller then closes the index. */
  @Override
  public void close() {
    closed = true;
    wake();
    if (subscriber != null) {
      subscriber.close();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a Lucene commit records: which database, and the horizon everything below is in. */
  record Checkpoint(String databaseId, long horizon) {
    static Optional<Checkpoint> parse(String text) {
      int slash = text.lastIndexOf('/');
      if (slash < 1) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Checkpoint(text.substring(0, slash), Long.parseLong(text.substring(slash + 1))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return databaseId + "/" + horizon;
    }
  }
}
