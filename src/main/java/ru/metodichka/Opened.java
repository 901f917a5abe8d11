package ru.metodichka;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a start has opened so far (database, Vert.x, search index, indexer thread…), to be closed in
 * the reverse order: on shutdown, and just as well when the start fails half-way (a port in use, a
 * failing demo seed), so that nothing opened before the failure is left running.
 */
final class Opened implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Opened.class);
  private final Deque<Step> steps = new ArrayDeque<>();

  /** A way to close one thing; may throw, which is logged and does not stop the others. */
  @FunctionalInterface
  interface Closer {
    void close() throws Exception;
  }

  private record Step(String what, Closer closer) {}

  /**
   * Returns {@code thing}, remembering to close it with {@code closer} before what came earlier.
   */
  <T> T add(String what, T thing, Closer closer) {
    steps.push(new Step(what, closer));
    return thing;
  }

  /** Closes everything added, newest first; each failure is logged and the rest still close. */
  @Override
  public void close() {
    while (!steps.isEmpty()) {
      Step step = steps.pop();
      try {
        step.closer().close();
      } catch (Exception e) {
        LOG.warn("{} did not close cleanly: {}", step.what(), e.toString());
      }
    }
  }
}
