package ru.metodichka.diff;

import java.util.List;

/**
 * One overlapping region of a merge: the 1-based first line in the base, and the three versions of
 * the region (lines without their newline).
 */
public record ConflictHunk(
    int baseLine, List<String> base, List<String> current, List<String> yours) {}
