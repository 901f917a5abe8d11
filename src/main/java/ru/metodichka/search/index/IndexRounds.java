package ru.metodichka.search.index;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's work, without its thread: each {@link #catchUp} is one round that brings the index
 * up to date with PostgreSQL (or rebuilds it), and {@link #commitIfDue} makes the rounds durable.
 * The {@link Indexer}'s thread calls them in a loop; a test calls them directly.
 *
 * <p>A crash at any moment loses nothing: the checkpoint is committed together with the pages it
 * covers, and re-applying a page is harmless because a round always reads a page's current state.
 *
 * <p>Every method blocks on the database and the disk, and one thread at a time may call them;
 * {@link #progress}, {@link #generation} and {@link #rebuildPending} are safe from any thread.
 */
final class IndexRounds {
  private static final Logger LOG = LoggerFactory.getLogger(IndexRounds.class);

  private final Pool pool;
  private final SearchIndex index;
  private final CommitTimer commits;
  private final BooleanSupplier stopping;
  private final AtomicLong generation = new AtomicLong();
  private volatile RebuildProgress progress = RebuildProgress.NONE;
  private volatile Consumer<IndexChanges> changeListener = changes -> {};

  /** Where the rounds have got to, committed or not; null before the first. */
  private Checkpoint applied;

  /** The writer holds a half-built index (a rebuild failed): only a complete rebuild may follow. */
  private boolean mustRebuild;

  /**
   * @param stopping asked between batches; when it answers true, a round or rebuild stops with a
   *     {@link CancellationException} and nothing of it is committed
   */
  IndexRounds(Pool pool, SearchIndex index, CommitTimer commits, BooleanSupplier stopping) {
    this.pool = pool;
    this.index = index;
    this.commits = commits;
    this.stopping = stopping;
  }

  /** Told what each round changed, on the calling thread, once searches see it. */
  void onChange(Consumer<IndexChanges> listener) {
    this.changeListener = Objects.requireNonNull(listener);
  }

  /**
   * One round: applies every page and view count changed since the checkpoint, or rebuilds the
   * index when it has no checkpoint of this database, or is older than the last rebuild requested
   * of every server's index.
   */
  void catchUp() throws IOException {
    SqlConnection conn = pool.getConnection().await();
    try {
      IndexSource.begin(conn);
      IndexSource.Snapshot snapshot = IndexSource.snapshot(conn);
      Optional<Checkpoint> from = resumeFrom(snapshot);
      if (from.isEmpty()) {
        rebuild(conn, snapshot, p -> {});
        return;
      }
      long since = from.get().horizon();
      IndexChanges changes =
          ChangedPages.write(conn, index, IndexSource.changedSince(conn, since), this::stopIfAsked);
      if (IndexSource.structureChangedSince(conn, since)) {
        // Pages show their place in their community's structure: what other pages show changed.
        changes = new IndexChanges(changes.pageIds(), true);
      }
      Map<Long, Long> views = IndexSource.viewsChangedSince(conn, since);
      views.keySet().removeAll(changes.pageIds()); // written just now, with their views
      for (var page : views.entrySet()) {
        index.updateViews(page.getKey(), page.getValue());
      }
      if (!changes.isEmpty() || !views.isEmpty()) {
        index.refresh();
      }
      if (!changes.isEmpty()) {
        generation.incrementAndGet();
        tell(changes);
      }
      applied(from.get().advancedTo(snapshot.horizon()));
    } finally {
      IndexSource.end(conn);
    }
  }

  /** Where to resume, or empty when the index must be rebuilt (and the log says why). */
  private Optional<Checkpoint> resumeFrom(IndexSource.Snapshot snapshot) {
    if (mustRebuild) {
      return Optional.empty();
    }
    Optional<Checkpoint> checkpoint =
        applied != null ? Optional.of(applied) : index.checkpoint().flatMap(Checkpoint::parse);
    Optional<String> why =
        checkpoint.isEmpty()
            ? Optional.of(describe(index.state()))
            : checkpoint.get().whyRebuild(snapshot);
    why.ifPresent(reason -> LOG.info("The search index {}: rebuilding it", reason));
    return why.isEmpty() ? checkpoint : Optional.empty();
  }

  private static String describe(SearchIndex.State state) {
    return switch (state) {
      case CREATED -> "is new";
      case RECREATED -> "was recreated after it could not be read";
      case EXISTING -> "has no checkpoint";
    };
  }

  /**
   * Rebuilds the whole index from the database in one snapshot, reporting progress after every
   * batch. Searches see the old index until the new one is complete, which is committed at once.
   */
  void rebuild(Consumer<RebuildProgress> reporter) throws IOException {
    SqlConnection conn = pool.getConnection().await();
    try {
      IndexSource.begin(conn);
      rebuild(conn, IndexSource.snapshot(conn), reporter);
    } finally {
      IndexSource.end(conn);
    }
  }

  private void rebuild(
      SqlConnection conn, IndexSource.Snapshot snapshot, Consumer<RebuildProgress> reporter)
      throws IOException {
    progress = RebuildProgress.started(IndexSource.pageCount(conn), Instant.now());
    reporter.accept(progress);
    try {
      mustRebuild = true; // from here until the rebuild is complete, nothing may be committed
      commits.settled();
      index.deleteAll();
      Future<List<IndexSource.PageRow>> next = IndexSource.pagesAfter(conn, 0);
      List<IndexSource.PageRow> batch;
      while (!(batch = next.await()).isEmpty()) {
        stopIfAsked();
        // PostgreSQL reads the next batch while this one is indexed.
        next = IndexSource.pagesAfter(conn, batch.getLast().id());
        index.writeAll(IndexSource.versions(batch), IndexSource.PageVersion::toDocument);
        progress = progress.advanced(batch.size());
        reporter.accept(progress);
      }
      Checkpoint rebuilt =
          new Checkpoint(snapshot.databaseId(), snapshot.horizon(), snapshot.rebuild());
      index.commit(rebuilt.toString());
      index.refresh();
      applied = rebuilt;
      mustRebuild = false;
      generation.incrementAndGet();
      progress = progress.finished(Instant.now());
      reporter.accept(progress);
      LOG.info(
          "Search index rebuilt: {} pages in {} ms",
          progress.done(),
          progress.elapsed().toMillis());
      tell(IndexChanges.everything());
    } catch (IOException | RuntimeException e) {
      progress = progress.failed(e.toString(), Instant.now());
      reporter.accept(progress);
      throw e;
    }
  }

  /** Stops a long round between two batches when the indexer closes. */
  private void stopIfAsked() {
    if (stopping.getAsBoolean()) {
      throw new CancellationException("the indexer is closing");
    }
  }

  private void tell(IndexChanges changes) {
    try {
      changeListener.accept(changes);
    } catch (RuntimeException e) {
      LOG.warn("A listener of search index changes failed: {}", e.toString());
    }
  }

  /** Records how far the rounds have got; a commit of it is owed within the commit delay. */
  private void applied(Checkpoint checkpoint) {
    if (!checkpoint.equals(applied)) {
      applied = checkpoint;
      commits.owe(System.nanoTime());
    }
  }

  /** Commits what the rounds applied if the commit is due (see {@link CommitTimer}). */
  void commitIfDue() throws IOException {
    if (commits.due(System.nanoTime())) {
      commitOwed();
    }
  }

  /** Commits the pages written so far together with the checkpoint they reach, if one is owed. */
  void commitOwed() throws IOException {
    if (commits.owed()) {
      commits.settled();
      index.commit(applied.toString());
    }
  }

  /** How long the indexer may sleep before the owed commit is due, at most {@code idleMs}. */
  long millisUntilCommitDue(long idleMs) {
    return commits.millisUntilDue(System.nanoTime(), idleMs);
  }

  /** Shown as running from the request on, though the thread may still be finishing a round. */
  void rebuildPending() {
    progress = RebuildProgress.started(0, Instant.now());
  }

  /** The request of a rebuild could not be recorded. */
  void rebuildNotRequested(Throwable cause) {
    progress = progress.failed(cause.toString(), Instant.now());
  }

  RebuildProgress progress() {
    return progress;
  }

  long generation() {
    return generation.get();
  }
}
