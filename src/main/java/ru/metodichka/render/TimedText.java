package ru.metodichka.render;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.time.Duration;

/**
 * Markdown text that stops whoever reads it once its time is up. flexmark 0.64.8 parses some inputs
 * in quadratic time (thousands of lines starting with {@code [} or {@code > [}, thousands of
 * unclosed {@code [a](}: tens of seconds to hours for a text within the size limit) and cannot be
 * interrupted. Every parse and render reads the text through {@link #charAt}, which every 4,096
 * reads checks the clock and throws {@link OutOfTime} once the budget is spent; the caller then
 * shows or indexes the text as written. Each document has its own instance, so nothing shared is
 * left half-done.
 */
public final class TimedText implements CharSequence {
  // Reading the clock costs ~20 ns; every 4,096 characters keeps that out of the profile while an
  // over-budget parse is still stopped within microseconds.
  private static final int CHECK_EVERY = 4096 - 1;
  private final String text;
  private final int offset;
  private final int length;
  private final long deadline;
  private int reads;

  private TimedText(String text, int offset, int length, long deadline) {
    this.text = text;
    this.offset = offset;
    this.length = length;
    this.deadline = deadline;
  }

  /** The text for flexmark's parser, readable for {@code budget} from now. */
  public static BasedSequence of(String text, Duration budget) {
    return BasedSequence.of(
        new TimedText(text, 0, text.length(), System.nanoTime() + budget.toNanos()));
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    // Not synchronised: one document is parsed and rendered on one thread.
    if ((++reads & CHECK_EVERY) == 0 && System.nanoTime() - deadline > 0) {
      throw new OutOfTime();
    }
    return text.charAt(offset + index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new TimedText(text, offset + start, end - start, deadline);
  }

  @Override
  public String toString() {
    return text.substring(offset, offset + length);
  }

  /** Thrown out of flexmark when a text took longer than its budget to parse or render. */
  public static final class OutOfTime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfTime() {
      // No stack trace: it is expected, and filling one in from deep recursion costs.
      super("Markdown took longer than its time budget", null, false, false);
    }
  }
}
