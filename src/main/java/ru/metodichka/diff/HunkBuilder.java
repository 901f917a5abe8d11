package ru.metodichka.diff;

import java.util.ArrayList;
import java.util.List;
import ru.metodichka.diff.Sequences.Change;

/** Builds one hunk from neighbouring changes, with context lines around and between them. */
final class HunkBuilder {
  private final List<String> a;
  private final List<String> b;
  private final List<DiffLine> lines = new ArrayList<>();
  private int i;
  private int j;

  private HunkBuilder(List<String> a, List<String> b, int i, int j) {
    this.a = a;
    this.b = b;
    this.i = i;
    this.j = j;
  }

  /** The hunk of {@code changes} (neighbours, in order) between lines {@code a} and {@code b}. */
  static Hunk build(List<String> a, List<String> b, List<Change<String>> changes, int context) {
    Change<String> first = changes.getFirst();
    int fromStart = Math.max(0, first.from() - context);
    // Lines before the first change are equal, so both sides are shifted by the same offset.
    int toStart = fromStart + first.to() - first.from();
    HunkBuilder builder = new HunkBuilder(a, b, fromStart, toStart);
    for (Change<String> change : changes) {
      builder.contextUntil(change.from());
      builder.change(change);
    }
    builder.contextUntil(Math.min(a.size(), changes.getLast().fromEnd() + context));
    return new Hunk(
        fromStart + 1, builder.i - fromStart, toStart + 1, builder.j - toStart, builder.lines);
  }

  private void contextUntil(int end) {
    while (i < end) {
      lines.add(new DiffLine(DiffLine.Type.CONTEXT, i + 1, j + 1, a.get(i), List.of()));
      i++;
      j++;
    }
  }

  /** Removed lines, then added ones; the k-th removed and k-th added line are a changed pair. */
  private void change(Change<String> change) {
    List<String> removed = change.removed();
    List<String> added = change.added();
    int paired = Math.min(removed.size(), added.size());
    List<Words.Pair> pairs = new ArrayList<>(paired);
    for (int k = 0; k < paired; k++) {
      pairs.add(Words.compare(removed.get(k), added.get(k)));
    }
    for (int k = 0; k < removed.size(); k++) {
      List<Segment> words = k < paired ? pairs.get(k).removed() : List.of();
      lines.add(new DiffLine(DiffLine.Type.REMOVED, i + 1, null, removed.get(k), words));
      i++;
    }
    for (int k = 0; k < added.size(); k++) {
      List<Segment> words = k < paired ? pairs.get(k).added() : List.of();
      lines.add(new DiffLine(DiffLine.Type.ADDED, null, j + 1, added.get(k), words));
      j++;
    }
  }
}
