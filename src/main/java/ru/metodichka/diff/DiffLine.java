package ru.metodichka.diff;

import java.util.List;
import java.util.Objects;

/**
 * One line of a hunk. {@code fromLine}/{@code toLine} are 1-based and null on the side where the
 * line does not exist. {@code words} is set for a changed line, that is a removed line paired with
 * an added one: the line cut into {@link Segment.Kind#EQUAL} and {@link Segment.Kind#DELETED}
 * segments on the removed line, {@link Segment.Kind#EQUAL} and {@link Segment.Kind#INSERTED} on the
 * added one; joined, the segments give {@code text} back. It is empty for any other line.
 */
public record DiffLine(
    Type type, Integer fromLine, Integer toLine, String text, List<Segment> words) {
  /** Keeps the line immutable and complete. */
  public DiffLine {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    words = List.copyOf(words);
  }

  /** How the line differs between the two texts. */
  public enum Type {
    CONTEXT,
    ADDED,
    REMOVED
  }
}
