package ru.metodichka.diff;

/**
 * Characters added and removed by an edit, counted in Unicode code points. Each whole line added or
 * removed also counts its newline, so appending a paragraph counts the paragraph and its line end.
 */
public record CharDelta(int added, int removed) {}
