package ru.metodichka.diff;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeChunk.ConflictState;
import org.eclipse.jgit.merge.MergeResult;

/**
 * Reads the conflicting regions out of a JGit merge result.
 *
 * <p>JGit reports a conflict as three chunks: the current lines, the base lines, your lines. It
 * first moves lines that both versions share at the start or end of the region out of the conflict
 * (as plain chunks of the current version right before and after it) and trims the base range by
 * the same counts, as if those shared lines were base lines. They often are not (both sides
 * inserted the same heading), and then the base range comes out shifted or even inverted. So the
 * base range is widened back by the shared counts: the base part is every base line the two edits
 * touched, which is what git's {@code zdiff3} style shows.
 *
 * <p>Written against JGit 7.4, which reports every conflict as current, base and your chunks (older
 * versions had no base chunk); the tests pin the shapes this relies on.
 */
final class Conflicts {
  private static final int BASE = 0;
  private static final int CURRENT = 1;
  private static final int YOURS = 2;

  private Conflicts() {}

  /** The conflicts of a merge of sequences (base, current, yours), in order. */
  static List<ConflictHunk> of(MergeResult<RawText> result, List<List<String>> sequences) {
    List<MergeChunk> chunks = new ArrayList<>();
    result.forEach(chunks::add);
    List<ConflictHunk> hunks = new ArrayList<>();
    for (int k = 0; k < chunks.size(); k++) {
      if (chunks.get(k).getConflictState() == ConflictState.FIRST_CONFLICTING_RANGE) {
        hunks.add(hunk(chunks, k, sequences));
      }
    }
    return hunks;
  }

  private static ConflictHunk hunk(List<MergeChunk> chunks, int first, List<List<String>> seqs) {
    MergeChunk current = chunks.get(first);
    MergeChunk base = chunks.get(find(chunks, first, ConflictState.BASE_CONFLICTING_RANGE));
    int yoursAt = find(chunks, first, ConflictState.NEXT_CONFLICTING_RANGE);
    MergeChunk yours = chunks.get(yoursAt);
    int sharedBefore = shared(chunks, first - 1, current, yours, seqs, true);
    int sharedAfter = shared(chunks, yoursAt + 1, current, yours, seqs, false);
    List<String> baseLines = seqs.get(BASE);
    int from = Math.clamp(base.getBegin() - sharedBefore, 0, baseLines.size());
    int to = Math.clamp(base.getEnd() + sharedAfter, from, baseLines.size());
    return new ConflictHunk(
        from + 1, baseLines.subList(from, to), lines(current, seqs), lines(yours, seqs));
  }

  /** The index of the next chunk in the given state, the conflict's other parts. */
  private static int find(List<MergeChunk> chunks, int from, ConflictState state) {
    for (int k = from + 1; k < chunks.size(); k++) {
      if (chunks.get(k).getConflictState() == state) {
        return k;
      }
    }
    throw new IllegalStateException("JGit reported a conflict without its " + state + " part");
  }

  /**
   * How many lines JGit moved out of the conflict on one side of it: the plain chunk of current
   * lines that touches the conflict's current lines, when your text has the same lines right there
   * too. (A change of the current version alone can touch a conflict as well, in the rare case the
   * diff reports two touching edits; your text does not have its lines.)
   */
  private static int shared(
      List<MergeChunk> chunks,
      int at,
      MergeChunk current,
      MergeChunk yours,
      List<List<String>> seqs,
      boolean before) {
    if (at < 0 || at >= chunks.size()) {
      return 0;
    }
    MergeChunk chunk = chunks.get(at);
    boolean touches =
        before ? chunk.getEnd() == current.getBegin() : chunk.getBegin() == current.getEnd();
    if (chunk.getConflictState() != ConflictState.NO_CONFLICT
        || chunk.getSequenceIndex() != CURRENT
        || !touches) {
      return 0;
    }
    int length = chunk.getEnd() - chunk.getBegin();
    int yoursFrom = before ? yours.getBegin() - length : yours.getEnd();
    List<String> yourLines = seqs.get(YOURS);
    if (yoursFrom < 0 || yoursFrom + length > yourLines.size()) {
      return 0;
    }
    List<String> there = yourLines.subList(yoursFrom, yoursFrom + length);
    return there.equals(lines(chunk, seqs)) ? length : 0;
  }

  private static List<String> lines(MergeChunk chunk, List<List<String>> seqs) {
    return seqs.get(chunk.getSequenceIndex()).subList(chunk.getBegin(), chunk.getEnd());
  }
}
