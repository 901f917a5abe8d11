package ru.metodichka.diff;

/** A piece of a changed line. */
public record Segment(Kind kind, String text) {
  /** Whether the piece is in both versions, only the new one or only the old one. */
  public enum Kind {
    EQUAL,
    INSERTED,
    DELETED
  }
}
