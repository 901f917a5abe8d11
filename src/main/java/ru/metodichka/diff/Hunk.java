package ru.metodichka.diff;

import java.util.List;

/** A run of changes with context; starts are 1-based, counts are lines on each side. */
public record Hunk(int fromStart, int fromCount, int toStart, int toCount, List<DiffLine> lines) {}
