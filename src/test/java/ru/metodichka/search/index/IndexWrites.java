package ru.metodichka.search.index;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Writes to a {@link SearchIndex} that searches see as soon as they return: for tests and
 * benchmarks that fill an index without the indexer (which writes a round, then refreshes once).
 */
public final class IndexWrites {
  private IndexWrites() {}

  /** Adds the page, or replaces the one with the same key. */
  public static void upsert(SearchIndex index, SearchDocument page) throws IOException {
    upsertAll(index, List.of(page));
  }

  /** Adds or replaces many pages; when a key occurs more than once, the last page with it wins. */
  public static void upsertAll(SearchIndex index, Collection<SearchDocument> pages)
      throws IOException {
    index.writeAll(pages);
    index.refresh();
  }

  /** Makes each source a page and upserts them, the conversions spread over several threads. */
  public static <T> void upsertAll(
      SearchIndex index, List<T> sources, Function<? super T, SearchDocument> toPage)
      throws IOException {
    index.writeAll(sources, toPage);
    index.refresh();
  }

  /** Removes the page with this key (no error when there is none). */
  public static void delete(SearchIndex index, String key) throws IOException {
    index.remove(key);
    index.refresh();
  }
}
