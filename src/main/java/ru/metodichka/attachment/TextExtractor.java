package ru.metodichka.attachment;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.attachment.ExtractorProcess.Outcome;

/**
 * The text inside stored documents, read by Apache Tika in long-lived child JVMs ({@link
 * ExtractorProcess} running {@link ExtractMain}) with a heap cap ({@code
 * attachments.extract-memory-mb}) and a time limit per file ({@code
 * attachments.extract-timeout-seconds}), so that no file can take the server down. The queue is
 * {@code attachment_texts} in PostgreSQL: each of this server's workers (threads of their own,
 * {@code attachments.extract-workers}, each with a child of its own) takes a pending row, or a
 * running one whose lease ran out (its server died mid-way), marks it running, copies the content
 * to a temporary file and hands it to its child. The outcome is recorded — done with the text,
 * failed with the error, timeout when the child was killed at the limit, too-large when it ran out
 * of memory — and the pages that hold the content are queued for reindexing ({@code
 * search_changes}), which every server's indexer catches. A child that died or was killed is
 * replaced by a fresh one for the next file; a child is also replaced after {@value
 * #FILES_PER_CHILD} files, and stopped after {@link #IDLE_CHILD} without work (started again with
 * the next file). A row is tried at most {@value #MAX_ATTEMPTS} times.
 */
public final class TextExtractor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TextExtractor.class);
  static final int MAX_ATTEMPTS = 3;
  private static final long IDLE_MS = 2000;

  /** Whatever the parsers keep between files (caches, leaks) starts afresh now and then. */
  static final int FILES_PER_CHILD = 1000;

  /** An idle child gives its memory back. */
  static final Duration IDLE_CHILD = Duration.ofMinutes(10);

  private static final String TAKE =
      """
      UPDATE attachment_texts SET status = 'running', attempts = attempts + 1,
             lease_until = clock_timestamp() + $1 * interval '1 second',
             updated_at = clock_timestamp()
       WHERE sha256 = (SELECT sha256 FROM attachment_texts
                        WHERE status = 'pending'
                           OR (status = 'running' AND lease_until < clock_timestamp())
                        ORDER BY updated_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING sha256, attempts,
                (SELECT id FROM attachment_blobs b WHERE b.sha256 = attachment_texts.sha256) AS blob_id
      """;

  private static final String FINISH =
      """
      WITH finished AS (
        UPDATE attachment_texts SET status = $2, text = $3, error = $4, lease_until = NULL,
               updated_at = clock_timestamp()
         WHERE sha256 = $1 RETURNING sha256),
      pages AS (
        INSERT INTO search_changes (page_id)
        SELECT DISTINCT a.page_id FROM attachments a
          JOIN attachment_versions v ON v.attachment_id = a.id
          JOIN attachment_blobs b ON b.id = v.blob_id
         WHERE b.sha256 = (SELECT sha256 FROM finished)
        RETURNING page_id)
      SELECT count(*), pg_notify('search_changes', '') FROM pages
      """;

  /**
   * A row taken when no child could start, or whose child the server's stop ended: left for a later
   * try (its attempt counted).
   */
  private static final String RELEASE =
      """
      UPDATE attachment_texts SET status = 'pending', lease_until = NULL,
             updated_at = clock_timestamp()
       WHERE sha256 = $1 AND status = 'running'
      """;

  private final Pool pool;
  private final BlobStore blobs;
  private final int memoryMb;
  private final Duration timeout;
  private final int maxChars;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final Set<ExtractorProcess> children = ConcurrentHashMap.newKeySet();
  private final Object wake = new Object();
  private volatile boolean closed;

  TextExtractor(
      Pool pool, BlobStore blobs, int memoryMb, Duration timeout, int maxChars, int workers) {
    this.pool = pool;
    this.blobs = blobs;
    this.memoryMb = memoryMb;
    this.timeout = timeout;
    this.maxChars = maxChars;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("metodichka-extract-timer").daemon(true).factory());
    this.workers =
        Executors.newFixedThreadPool(
            Math.max(workers, 1),
            Thread.ofPlatform().name("metodichka-extract-", 0).daemon(true).factory());
    for (int i = 0; i < workers; i++) {
      this.workers.execute(new Worker()::run);
    }
  }

  /** Starts {@code workers} extraction threads on this server (none for 0). */
  public static TextExtractor start(
      Pool pool, int memoryMb, Duration timeout, int maxChars, int workers) {
    return new TextExtractor(
        pool,
        new BlobStore(pool, new AttachmentRepository()),
        memoryMb,
        timeout,
        maxChars,
        workers);
  }

  /** Something was queued: idle workers look at once. */
  public void wake() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /** One worker thread and its child: takes rows while there are any, then waits for a wake. */
  private final class Worker {
    private ExtractorProcess child;
    private long idleSince = System.nanoTime();

    void run() {
      try {
        while (!closed) {
          boolean worked;
          try {
            worked = next();
          } catch (RuntimeException e) {
            if (closed) {
              return;
            }
            LOG.warn("Text extraction round failed: {}", e.toString());
            worked = false;
          }
          if (worked) {
            idleSince = System.nanoTime();
          } else {
            stopWhenIdle();
            if (!waitForWork()) {
              return;
            }
          }
        }
      } finally {
        retire();
      }
    }

    /** Takes and extracts one queued text; false when there was none. */
    private boolean next() {
      long lease = timeout.toSeconds() * 2 + 60;
      var rows = pool.preparedQuery(TAKE).execute(Tuple.of(lease)).await();
      if (rows.size() == 0) {
        return false;
      }
      Row row = rows.iterator().next();
      String sha256 = row.getString("sha256");
      int attempts = row.getInteger("attempts");
      Long blobId = row.getLong("blob_id");
      if (blobId == null) {
        finish(sha256, new Outcome("failed", null, "the content is not stored"));
      } else if (attempts > MAX_ATTEMPTS) {
        finish(sha256, new Outcome("failed", null, "gave up after " + MAX_ATTEMPTS + " attempts"));
      } else if (!ready()) {
        pool.preparedQuery(RELEASE).execute(Tuple.of(sha256)).await();
        return false;
      } else {
        Outcome outcome = extract(child, blobId);
        if (closed) {
          // The server is stopping and killed the child: not the file's fault.
          pool.preparedQuery(RELEASE).execute(Tuple.of(sha256)).await();
          return false;
        }
        finish(sha256, outcome);
      }
      return true;
    }

    /** A child ready for the next file: this one, or a fresh one; false when none could start. */
    private boolean ready() {
      if (child != null && !child.spent() && child.extracted() < FILES_PER_CHILD) {
        return true;
      }
      retire();
      try {
        child = ExtractorProcess.start(memoryMb, timer);
      } catch (IOException e) {
        LOG.warn("The text extractor could not start: {}", e.getMessage());
        return false;
      }
      children.add(child);
      if (closed) {
        retire();
        return false;
      }
      return true;
    }

    private void stopWhenIdle() {
      if (child != null && System.nanoTime() - idleSince > IDLE_CHILD.toNanos()) {
        retire();
      }
    }

    private void retire() {
      if (child != null) {
        child.close();
        children.remove(child);
        child = null;
      }
    }

    /** Waits for a wake or a while; false when interrupted (closing). */
    private boolean waitForWork() {
      synchronized (wake) {
        try {
          wake.wait(IDLE_MS);
          return true;
        } catch (InterruptedException e) {
          return false;
        }
      }
    }
  }

  private void finish(String sha256, Outcome outcome) {
    pool.preparedQuery(FINISH)
        .execute(Tuple.of(sha256, outcome.status(), outcome.text(), outcome.error()))
        .await();
    LOG.info(
        "Text of {} extracted: {}{}",
        sha256.substring(0, 12),
        outcome.status(),
        outcome.error() == null ? "" : " (" + outcome.error() + ")");
  }

  /** Copies the content to a temporary file and has {@code child} read it. */
  Outcome extract(ExtractorProcess child, long blobId) {
    Path file = null;
    try {
      file = Files.createTempFile("metodichka-extract-", ".bin");
      try (OutputStream out = Files.newOutputStream(file)) {
        blobs.copy(blobId, out);
      }
      return child.extract(file, maxChars, timeout);
    } catch (IOException e) {
      return new Outcome("failed", null, ExtractorProcess.cut(e.toString()));
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // left for the system's temporary files cleaner
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A worker still waiting on its child (a long file) leaves it to this.
    children.forEach(ExtractorProcess::close);
    timer.shutdownNow();
  }
}
