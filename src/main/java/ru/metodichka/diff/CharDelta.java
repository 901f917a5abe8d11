package ru.metodichka.diff;

/** Characters added and removed by an edit (a newline counts as one). */
public record CharDelta(int added, int removed) {}
