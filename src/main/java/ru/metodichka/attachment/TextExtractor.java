package ru.metodichka.attachment;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text inside stored documents, read by Apache Tika in a child JVM ({@link ExtractMain}) with a
 * heap cap ({@code attachments.extract-memory-mb}) and a time limit ({@code
 * attachments.extract-timeout-seconds}), so that no file can take the server down. The queue is
 * {@code attachment_texts} in PostgreSQL: each of this server's workers (threads of their own,
 * {@code attachments.extract-workers}) takes a pending row, or a running one whose lease ran out
 * (its server died mid-way), marks it running, copies the content to a temporary file and runs the
 * child on it. The outcome is recorded — done with the text, failed with the error, timeout when
 * the child was killed at the limit or ran out of memory — and the pages that hold the content are
 * queued for reindexing ({@code search_changes}), which every server's indexer catches. A row is
 * tried at most {@value #MAX_ATTEMPTS} times.
 */
public final class TextExtractor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TextExtractor.class);
  static final int MAX_ATTEMPTS = 3;
  private static final long IDLE_MS = 2000;
  private static final int ERROR_CHARS = 2000;

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

  private final Pool pool;
  private final BlobStore blobs;
  private final int memoryMb;
  private final Duration timeout;
  private final int maxChars;
  private final ExecutorService workers;
  private final Object wake = new Object();
  private volatile boolean closed;

  TextExtractor(
      Pool pool, BlobStore blobs, int memoryMb, Duration timeout, int maxChars, int workers) {
    this.pool = pool;
    this.blobs = blobs;
    this.memoryMb = memoryMb;
    this.timeout = timeout;
    this.maxChars = maxChars;
    this.workers =
        Executors.newFixedThreadPool(
            Math.max(workers, 1),
            Thread.ofPlatform().name("metodichka-extract-", 0).daemon(true).factory());
    for (int i = 0; i < workers; i++) {
      this.workers.execute(this::work);
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

  private void work() {
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
      if (!worked) {
        synchronized (wake) {
          try {
            wake.wait(IDLE_MS);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
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
    } else {
      finish(sha256, extract(blobId));
    }
    return true;
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

  /** What one extraction came to. */
  record Outcome(String status, String text, String error) {}

  /** Copies the content to a temporary file and runs the child JVM on it. */
  Outcome extract(long blobId) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("metodichka-extract");
      Path file = dir.resolve("file");
      try (OutputStream out = Files.newOutputStream(file)) {
        blobs.copy(blobId, out);
      }
      return run(file, dir);
    } catch (IOException e) {
      return new Outcome("failed", null, cut(e.toString()));
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  /** Runs {@link ExtractMain} on {@code file} with the caps; blocking. */
  Outcome run(Path file, Path dir) throws IOException {
    Path out = dir.resolve("text");
    Path err = dir.resolve("error");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + memoryMb + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ExtractMain.class.getName());
    command.add(file.toString());
    command.add(Integer.toString(maxChars));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    boolean ended;
    try {
      ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Outcome("failed", null, "interrupted");
    }
    if (!ended) {
      process.destroyForcibly();
      return new Outcome("timeout", null, "killed after " + timeout.toSeconds() + " s");
    }
    String errors = cut(Files.readString(err, StandardCharsets.UTF_8).strip());
    if (process.exitValue() != 0) {
      boolean memory = errors.contains("OutOfMemoryError") || errors.contains("Java heap space");
      return memory
          ? new Outcome("too-large", null, "out of memory (" + memoryMb + " MB): " + errors)
          : new Outcome("failed", null, errors.isEmpty() ? "exit " + process.exitValue() : errors);
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    if (text.length() > maxChars) {
      text = text.substring(0, maxChars);
    }
    // PostgreSQL text cannot hold NUL.
    return new Outcome("done", text.replace("\u0000", "").strip(), null);
  }

  private static String cut(String text) {
    return text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS);
  }

  private static void delete(Path dir) {
    try (var files = Files.list(dir)) {
      files.forEach(
          f -> {
            try {
              Files.deleteIfExists(f);
            } catch (IOException e) {
              // left for the system's temporary files cleaner
            }
          });
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // as above
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
  }
}
