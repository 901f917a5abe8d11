package ru.metodichka.diff;

import java.util.List;

/**
 * One line of a hunk. {@code fromLine}/{@code toLine} are 1-based and null on the side where the
 * line does not exist. {@code words} is set for a changed line (a removed line paired with an added
 * one): the line cut into equal and deleted (or inserted) segments; it is empty otherwise.
 */
public record DiffLine(
    Type type, Integer fromLine, Integer toLine, String text, List<Segment> words) {
  /** How the line differs between the two texts. */
  public enum Type {
    CONTEXT,
    ADDED,
    REMOVED
  }
}
