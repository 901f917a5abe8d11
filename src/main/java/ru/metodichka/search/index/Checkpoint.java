package ru.metodichka.search.index;

import java.util.Optional;

/**
 * What a Lucene commit of the index records about its source: which database it was built from, the
 * horizon below which every change of that database is in it (see V3__search_changes.sql), and the
 * last rebuild of every server's index that had been asked for when it was built (see {@link
 * Indexer#requestRebuild}). Written into the commit as text: {@code database/horizon/rebuild}.
 *
 * @param rebuild the number of the last requested rebuild this index includes; 0 for an index built
 *     before any was requested, or by a version that did not record it
 */
record Checkpoint(String databaseId, long horizon, long rebuild) {

  /**
   * Reads a checkpoint as {@link #toString} wrote it; empty for text it cannot have written. The
   * form without a rebuild number ({@code database/horizon}, written before rebuilds were requested
   * through the database) reads as rebuild 0.
   */
  static Optional<Checkpoint> parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      long horizon = Long.parseLong(parts[1]);
      long rebuild = parts.length == 3 ? Long.parseLong(parts[2]) : 0;
      return Optional.of(new Checkpoint(parts[0], horizon, rebuild));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Why an index at this checkpoint must be rebuilt rather than brought up to date from {@code
   * snapshot}, for the log; empty when it may resume from its horizon.
   */
  Optional<String> whyRebuild(IndexSource.Snapshot snapshot) {
    if (!databaseId.equals(snapshot.databaseId())) {
      return Optional.of("was built from another database");
    }
    if (horizon > snapshot.next()) {
      return Optional.of("is ahead of the database (restored from a backup?)");
    }
    if (rebuild < snapshot.rebuild()) {
      return Optional.of("is older than the rebuild of every server's index requested since");
    }
    return Optional.empty();
  }

  /** The same database and rebuild, a later horizon. */
  Checkpoint advancedTo(long newHorizon) {
    return new Checkpoint(databaseId, newHorizon, rebuild);
  }

  @Override
  public String toString() {
    return databaseId + "/" + horizon + "/" + rebuild;
  }
}
