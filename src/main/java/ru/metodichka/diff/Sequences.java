package ru.metodichka.diff;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HashedSequence;
import org.eclipse.jgit.diff.HashedSequenceComparator;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.LowLevelDiffAlgorithm;
import org.eclipse.jgit.diff.MyersDiff;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;

/**
 * The one place that compares sequences, lines or words: JGit's histogram diff, the algorithm the
 * merge uses, so a diff shows changes where the merge sees them. On prose it is close to linear,
 * because most words and lines are rare and make good anchors.
 */
final class Sequences {
  /**
   * The largest region (elements on both sides) handed to Myers when the histogram finds no rare
   * element to anchor on. Myers costs up to the square of that: about 3 ms here. Bigger regions of
   * nothing but frequent elements (a paragraph of the same few words, rewritten) count as replaced
   * as a whole, which is what a reader would call them anyway.
   */
  private static final int MYERS_LIMIT = 1000;

  private Sequences() {}

  /**
   * A block of change at one place: {@code removed} starts at {@code from} in the old sequence,
   * {@code added} at {@code to} in the new one (0-based). Neighbouring blocks have at least one
   * unchanged element between them.
   */
  record Change<T>(int from, List<T> removed, int to, List<T> added) {
    int fromEnd() {
      return from + removed.size();
    }

    int toEnd() {
      return to + added.size();
    }
  }

  /** The changes turning {@code a} into {@code b}, in order. */
  static <T> List<Change<T>> changes(List<T> a, List<T> b) {
    HistogramDiff histogram = new HistogramDiff();
    histogram.setFallbackAlgorithm(new BoundedMyers());
    EditList edits = histogram.diff(new ByEquals<T>(), new Elements<>(a), new Elements<>(b));
    List<Change<T>> changes = new ArrayList<>();
    for (Edit edit : edits) {
      Change<T> next =
          new Change<>(
              edit.getBeginA(),
              a.subList(edit.getBeginA(), edit.getEndA()),
              edit.getBeginB(),
              b.subList(edit.getBeginB(), edit.getEndB()));
      // Touching edits are one block: changed lines are paired inside a block.
      Change<T> last = changes.isEmpty() ? null : changes.getLast();
      if (last != null && last.fromEnd() == next.from() && last.toEnd() == next.to()) {
        changes.removeLast();
        next =
            new Change<>(
                last.from(),
                a.subList(last.from(), next.fromEnd()),
                last.to(),
                b.subList(last.to(), next.toEnd()));
      }
      changes.add(next);
    }
    return changes;
  }

  /** A list seen as a JGit sequence. */
  private static final class Elements<T> extends Sequence {
    private final List<T> list;

    Elements(List<T> list) {
      this.list = list;
    }

    @Override
    public int size() {
      return list.size();
    }
  }

  /** Elements are equal when {@code equals} says so. */
  private static final class ByEquals<T> extends SequenceComparator<Elements<T>> {
    @Override
    public boolean equals(Elements<T> a, int ai, Elements<T> b, int bi) {
      return a.list.get(ai).equals(b.list.get(bi));
    }

    @Override
    public int hash(Elements<T> sequence, int i) {
      return sequence.list.get(i).hashCode();
    }
  }

  /** Myers for regions up to {@link #MYERS_LIMIT}, one replaced block for bigger ones. */
  private static final class BoundedMyers extends LowLevelDiffAlgorithm {
    @Override
    public <S extends Sequence> void diffNonCommon(
        EditList edits,
        HashedSequenceComparator<S> cmp,
        HashedSequence<S> a,
        HashedSequence<S> b,
        Edit region) {
      if (region.getLengthA() + region.getLengthB() > MYERS_LIMIT) {
        edits.add(region);
      } else {
        ((LowLevelDiffAlgorithm) MyersDiff.INSTANCE).diffNonCommon(edits, cmp, a, b, region);
      }
    }
  }
}
