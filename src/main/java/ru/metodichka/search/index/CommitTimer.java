package ru.metodichka.search.index;

import java.util.concurrent.TimeUnit;

/**
 * When the index's next Lucene commit is due. A round that applied something owes a commit; the
 * commit follows {@code delay} after the first such round, once for every round of that delay,
 * because a commit syncs files to disk and under a stream of saves committing every round cost more
 * than indexing the pages. Times are {@link System#nanoTime} readings, passed in so that a test can
 * say what time it is. Thread-safe.
 */
final class CommitTimer {
  private final long delayNanos;
  private boolean owed;
  private long dueNanos;

  CommitTimer(long delayMs) {
    this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMs);
  }

  /** Something was applied at {@code now}: a commit is owed, due a delay after the first owing. */
  synchronized void owe(long now) {
    if (!owed) {
      owed = true;
      dueNanos = now + delayNanos;
    }
  }

  synchronized boolean owed() {
    return owed;
  }

  /** Whether an owed commit is due at {@code now}. */
  synchronized boolean due(long now) {
    return owed && now - dueNanos >= 0;
  }

  /**
   * How long the indexer may wait for a wake-up from {@code now}: until the owed commit is due, and
   * at most {@code idleMs} (the poll that catches a lost notification).
   */
  synchronized long millisUntilDue(long now, long idleMs) {
    if (!owed) {
      return idleMs;
    }
    return Math.clamp(TimeUnit.NANOSECONDS.toMillis(dueNanos - now), 0, idleMs);
  }

  /** Nothing is owed any more: the commit was made, or what was owed may not be committed. */
  synchronized void settled() {
    owed = false;
  }
}
