package ru.metodichka;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Waiting in tests for what happens in the background (the indexer catching up, a server
 * recovering, writers getting acknowledged): a probe is asked every 50 ms until its answer
 * satisfies the condition. {@link #until} fails after the patience with what was awaited and the
 * last answer seen; {@link #atMost} gives up quietly. An exception from the probe or the condition
 * fails at once: a wrong answer is not something to wait out.
 */
public final class Eventually {
  private static final Duration INTERVAL = Duration.ofMillis(50);
  // A failure message shows at most this much of the last answer (it may be a whole screen).
  private static final int SHOWN_CHARS = 2_000;

  private Eventually() {}

  /** What a test asks while it waits; may throw (the wait then fails at once). */
  @FunctionalInterface
  public interface Probe<T> {
    T get() throws Exception;
  }

  /**
   * Asks {@code probe} until {@code done} accepts its answer, and returns that answer; fails after
   * {@code patience} with {@code what} and the last answer.
   */
  public static <T> T until(
      String what, Duration patience, Probe<T> probe, Predicate<? super T> done) {
    Outcome<T> outcome = poll(what, patience, probe, done);
    if (!outcome.done()) {
      throw new AssertionError(
          "Waited %s for %s; the last answer was: %s"
              .formatted(seconds(patience), what, shown(outcome.last())));
    }
    return outcome.last();
  }

  /**
   * Waits until {@code condition} answers true; fails after {@code patience} naming {@code what}.
   */
  public static void until(String what, Duration patience, Probe<Boolean> condition) {
    until(what, patience, condition, Boolean.TRUE::equals);
  }

  /**
   * Asks {@code probe} until {@code done} accepts its answer or {@code patience} has passed, and
   * returns the last answer either way: for a wait that only makes a later check more thorough.
   */
  public static <T> T atMost(Duration patience, Probe<T> probe, Predicate<? super T> done) {
    return poll("an answer", patience, probe, done).last();
  }

  private record Outcome<T>(T last, boolean done) {}

  private static <T> Outcome<T> poll(
      String what, Duration patience, Probe<T> probe, Predicate<? super T> done) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      T answer = ask(what, probe);
      if (done.test(answer)) {
        return new Outcome<>(answer, true);
      }
      if (System.nanoTime() - deadline >= 0) {
        return new Outcome<>(answer, false);
      }
      pause(what);
    }
  }

  private static <T> T ask(String what, Probe<T> probe) {
    try {
      return probe.get();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for " + what, e);
    } catch (Exception e) {
      throw new AssertionError("Asking for " + what + " failed: " + e, e);
    }
  }

  private static void pause(String what) {
    try {
      Thread.sleep(INTERVAL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for " + what, e);
    }
  }

  private static String seconds(Duration patience) {
    return String.format(Locale.ROOT, "%.1f s", patience.toMillis() / 1000.0);
  }

  private static String shown(Object answer) {
    String text = String.valueOf(answer);
    return text.length() <= SHOWN_CHARS
        ? text
        : text.substring(0, SHOWN_CHARS) + "… (" + text.length() + " characters)";
  }
}
