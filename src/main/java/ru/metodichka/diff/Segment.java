package ru.metodichka.diff;

import java.util.Objects;

/** A piece of a changed line: a run of whole words, spaces and punctuation of one kind. */
public record Segment(Kind kind, String text) {
  /** Keeps segments complete. */
  public Segment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** Whether the piece is in both versions, only the new one or only the old one. */
  public enum Kind {
    EQUAL,
    INSERTED,
    DELETED
  }
}
