package ru.metodichka.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the work of a bulk upsert on every core: a rebuild spends its time turning Markdown into
 * text and analysing it, both per page and independent, and IndexWriter takes documents from
 * several threads at once (one in-memory segment per thread). Each thread claims a few pages at a
 * time and converts and writes each at once, so no thread waits for another before the end of the
 * batch. Small batches stay on the caller's thread. Thread-safe.
 */
final class BulkWrites implements Closeable {
  /** Fewer pages than this are not worth handing to other threads. */
  private static final int MIN_PARALLEL = 64;

  /** Pages a thread claims at a time: enough to make claiming cheap, few enough to even out. */
  private static final int CHUNK = 8;

  /** A write of one document, which may fail with an I/O error. */
  interface Write {
    void write(SearchDocument page) throws IOException;
  }

  private final int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 8);
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          threads, Thread.ofPlatform().name("search-bulk-", 0).daemon(true).factory());

  /**
   * Converts every source and writes its document. The sources must make documents of distinct
   * keys: they are written in no particular order.
   */
  <T> void run(List<T> sources, Function<? super T, SearchDocument> convert, Write write)
      throws IOException {
    if (sources.size() < MIN_PARALLEL || threads == 1) {
      for (T source : sources) {
        write.write(convert.apply(source));
      }
      return;
    }
    AtomicInteger claimed = new AtomicInteger();
    Callable<Void> worker =
        () -> {
          int from;
          while ((from = claimed.getAndAdd(CHUNK)) < sources.size()) {
            for (int i = from; i < Math.min(sources.size(), from + CHUNK); i++) {
              write.write(convert.apply(sources.get(i)));
            }
          }
          return null;
        };
    List<Future<Void>> running = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      running.add(executor.submit(worker));
    }
    // Every worker is waited for before failing, so no write runs on after the call has returned.
    Throwable failure = null;
    for (Future<Void> future : running) {
      try {
        future.get();
      } catch (ExecutionException e) {
        failure = first(failure, e.getCause());
        claimed.set(sources.size()); // the others stop after their current chunk
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = first(failure, e);
        claimed.set(sources.size());
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
