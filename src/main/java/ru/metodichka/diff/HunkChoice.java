package ru.metodichka.diff;

/**
 * How the author settles one overlapping region of a merge ({@link ConflictHunk}): their own lines,
 * the lines saved meanwhile, or a text written by hand for the region.
 */
public sealed interface HunkChoice {
  /** The author's own lines of the region («оставить моё»). */
  record Mine() implements HunkChoice {}

  /** The lines saved meanwhile by someone else («оставить их»). */
  record Theirs() implements HunkChoice {}

  /**
   * A text written for the region by hand; its lines replace the region. An empty text removes the
   * region; a final newline ends the last line rather than starting another, so {@code "а\n\n"} is
   * «а» and an empty line (a paragraph's blank line kept).
   */
  record ByHand(String text) implements HunkChoice {
    public ByHand {
      text = text == null ? "" : text;
    }
  }

  HunkChoice MINE = new Mine();
  HunkChoice THEIRS = new Theirs();
}
