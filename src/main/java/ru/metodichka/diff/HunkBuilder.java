package ru.metodichka.diff;

import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

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

  static Hunk build(
      List<String> a, List<String> b, List<AbstractDelta<String>> deltas, int context) {
    AbstractDelta<String> first = deltas.getFirst();
    AbstractDelta<String> last = deltas.getLast();
    int start = Math.max(0, first.getSource().getPosition() - context);
    int offset = first.getTarget().getPosition() - first.getSource().getPosition();
    HunkBuilder builder = new HunkBuilder(a, b, start, start + offset);
    for (AbstractDelta<String> delta : deltas) {
      builder.contextUntil(delta.getSource().getPosition());
      builder.change(delta);
    }
    int end =
        Math.min(a.size(), last.getSource().getPosition() + last.getSource().size() + context);
    builder.contextUntil(end);
    return builder.hunk(start, start + offset);
  }

  private void contextUntil(int end) {
    while (i < end) {
      lines.add(new DiffLine(DiffLine.Type.CONTEXT, i + 1, j + 1, a.get(i), List.of()));
      i++;
      j++;
    }
  }

  private void change(AbstractDelta<String> delta) {
    List<String> removed = delta.getSource().getLines();
    List<String> added = delta.getTarget().getLines();
    int paired = Math.min(removed.size(), added.size());
    List<List<Segment>> addedWords = new ArrayList<>();
    for (int k = 0; k < removed.size(); k++) {
      List<Segment> words = List.of();
      if (k < paired) {
        Words.Pair pair = Words.compare(removed.get(k), added.get(k));
        words = pair.removed();
        addedWords.add(pair.added());
      }
      lines.add(new DiffLine(DiffLine.Type.REMOVED, i + 1, null, removed.get(k), words));
      i++;
    }
    for (int k = 0; k < added.size(); k++) {
      List<Segment> words = k < paired ? addedWords.get(k) : List.of();
      lines.add(new DiffLine(DiffLine.Type.ADDED, null, j + 1, added.get(k), words));
      j++;
    }
  }

  private Hunk hunk(int fromStart, int toStart) {
    int fromCount = (int) lines.stream().filter(l -> l.fromLine() != null).count();
    int toCount = (int) lines.stream().filter(l -> l.toLine() != null).count();
    return new Hunk(fromStart + 1, fromCount, toStart + 1, toCount, List.copyOf(lines));
  }
}
