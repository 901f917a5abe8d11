package ru.metodichka.search.index;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a rebuild of the search index has got; immutable, replaced after every batch.
 *
 * @param total pages in the database when the rebuild started
 * @param finishedAt null while running
 * @param failure what stopped it, or null
 */
public record RebuildProgress(
    long done, long total, Instant startedAt, Instant finishedAt, String failure) {

  /** No rebuild since the server started. */
  public static final RebuildProgress NONE = new RebuildProgress(0, 0, null, null, null);

  static RebuildProgress started(long total, Instant now) {
    return new RebuildProgress(0, total, now, null, null);
  }

  RebuildProgress advanced(int pages) {
    return new RebuildProgress(done + pages, Math.max(total, done + pages), startedAt, null, null);
  }

  RebuildProgress finished(Instant now) {
    return new RebuildProgress(done, done, startedAt, now, null);
  }

  RebuildProgress failed(String reason, Instant now) {
    return new RebuildProgress(done, total, startedAt, now, reason);
  }

  public boolean started() {
    return startedAt != null;
  }

  public boolean running() {
    return startedAt != null && finishedAt == null;
  }

  /** 0..100. */
  public int percent() {
    return total == 0 ? (finishedAt != null ? 100 : 0) : (int) (done * 100 / total);
  }

  public Duration elapsed() {
    return startedAt == null
        ? Duration.ZERO
        : Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now());
  }

  public long pagesPerSecond() {
    long ms = elapsed().toMillis();
    return ms == 0 ? 0 : done * 1000 / ms;
  }
}
