package ru.metodichka.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the work of a bulk upsert on every core: a rebuild spends its time turning Markdown into
 * text and analysing it, both per page and independent, and IndexWriter takes documents from
 * several threads at once (one in-memory segment per thread). Small batches stay on the caller's
 * thread. Thread-safe.
 */
final class BulkWrites implements Closeable {
  /** Fewer pages than this are not worth handing to other threads. */
  private static final int MIN_PARALLEL = 64;

  /** A write of one document, which may fail with an I/O error. */
  interface Write {
    void write(SearchDocument page) throws IOException;
  }

  private final int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 8);
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          threads, Thread.ofPlatform().name("search-bulk-", 0).daemon(true).factory());

  /**
   * Converts every source and writes the documents. When a key occurs more than once only its last
   * document is written, so that the outcome is that of writing them in order.
   */
  <T> void run(List<T> sources, Function<? super T, SearchDocument> convert, Write write)
      throws IOException {
    SearchDocument[] pages = new SearchDocument[sources.size()];
    inSlices(
        pages.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            pages[i] = convert.apply(sources.get(i));
          }
        });
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < pages.length; i++) {
      last.put(pages[i].key(), i);
    }
    inSlices(
        pages.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            if (last.get(pages[i].key()) == i) {
              write.write(pages[i]);
            }
          }
        });
  }

  private interface Slice {
    void run(int from, int to) throws IOException;
  }

  private void inSlices(int size, Slice slice) throws IOException {
    if (size < MIN_PARALLEL || threads == 1) {
      slice.run(0, size);
      return;
    }
    List<Future<?>> running = new ArrayList<>(threads);
    int step = (size + threads - 1) / threads;
    for (int from = 0; from < size; from += step) {
      int start = from;
      int end = Math.min(size, from + step);
      running.add(
          executor.submit(
              () -> {
                slice.run(start, end);
                return null;
              }));
    }
    // Every slice is waited for before failing, so no write runs on after the call has returned.
    Throwable failure = null;
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (ExecutionException e) {
        failure = first(failure, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = first(failure, e);
      }
    }
    switch (failure) {
      case null -> {}
      case IOException io -> throw io;
      case RuntimeException runtime -> throw runtime;
      case Error error -> throw error;
      default -> throw new IOException(failure);
    }
  }

  private static Throwable first(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
