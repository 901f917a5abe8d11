package ru.metodichka.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opening and closing the server's index at start-up and shutdown, with the log lines for both. */
public final class SearchIndexes {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexes.class);

  private SearchIndexes() {}

  /**
   * Opens the index in {@code dir}; a corrupt or outdated one is replaced by an empty one (the
   * indexer then rebuilds it), and the log says so.
   *
   * @throws IndexInUseException when another process holds the index (a server already running on
   *     the same directory)
   * @throws UncheckedIOException when the directory cannot be read or written
   */
  public static SearchIndex open(Path dir) {
    try {
      SearchIndex index = SearchIndex.openOrRecreate(dir);
      if (index.state() == SearchIndex.State.RECREATED) {
        LOG.warn(
            "The search index in {} could not be read and was deleted; it is being rebuilt from"
                + " the database",
            dir.toAbsolutePath());
      }
      return index;
    } catch (LockObtainFailedException e) {
      throw new IndexInUseException(
          "The search index in "
              + dir.toAbsolutePath()
              + " is in use by another Metodichka process (is the server running? Its admin page"
              + " rebuilds the index too). Stop it, or give this one --search-index-dir",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index in " + dir.toAbsolutePath(), e);
    }
  }

  /** Another process (a running server) holds the index directory. */
  public static final class IndexInUseException extends RuntimeException {
    IndexInUseException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Closes the index, logging (not throwing) what went wrong: for shutdown paths. */
  public static void closeQuietly(SearchIndex index) {
    try {
      index.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("The search index did not close cleanly: {}", e.toString());
    }
  }
}
