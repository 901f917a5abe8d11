package ru.metodichka.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeChunk.ConflictState;
import org.eclipse.jgit.merge.MergeResult;

/**
 * Three-way line merge of (base, current, yours), done by JGit's merge algorithm, the one git uses.
 * Like git, it treats edits of adjacent lines as overlapping: two teachers changing neighbouring
 * lines get a conflict rather than a guess. Pure and thread-safe.
 *
 * <p>Texts are compared with {@code \r\n} read as {@code \n}; a merged text ends with a newline
 * unless it is empty.
 */
public final class TextMerge {
  private static final int BASE = 0;
  private static final int CURRENT = 1;
  private static final int YOURS = 2;

  private TextMerge() {}

  public static MergeOutcome merge(String base, String current, String yours) {
    MergeAlgorithm algorithm =
        new MergeAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
    MergeResult<RawText> result =
        algorithm.merge(RawTextComparator.DEFAULT, raw(base), raw(current), raw(yours));
    return result.containsConflicts()
        ? new MergeOutcome.Conflicted(conflicts(result))
        : clean(result);
  }

  private static MergeOutcome clean(MergeResult<RawText> result) {
    StringBuilder text = new StringBuilder();
    for (MergeChunk chunk : result) {
      RawText sequence = result.getSequences().get(chunk.getSequenceIndex());
      for (int line = chunk.getBegin(); line < chunk.getEnd(); line++) {
        text.append(sequence.getString(line)).append('\n');
      }
    }
    return new MergeOutcome.Clean(text.toString());
  }

  private static List<ConflictHunk> conflicts(MergeResult<RawText> result) {
    List<ConflictHunk> hunks = new ArrayList<>();
    Region region = null;
    for (MergeChunk chunk : result) {
      if (chunk.getConflictState() == ConflictState.NO_CONFLICT) {
        region = finish(region, hunks);
        continue;
      }
      if (chunk.getConflictState() == ConflictState.FIRST_CONFLICTING_RANGE) {
        region = finish(region, hunks);
        region = new Region();
      }
      region.add(chunk, result.getSequences().get(chunk.getSequenceIndex()));
    }
    finish(region, hunks);
    return hunks;
  }

  private static Region finish(Region region, List<ConflictHunk> hunks) {
    if (region != null) {
      hunks.add(new ConflictHunk(region.baseLine, region.base, region.current, region.yours));
    }
    return null;
  }

  private static RawText raw(String text) {
    String unix = text.replace("\r\n", "\n");
    if (!unix.isEmpty() && !unix.endsWith("\n")) {
      unix = unix + "\n";
    }
    return new RawText(unix.getBytes(StandardCharsets.UTF_8));
  }

  /** The three versions of one conflicting region, gathered chunk by chunk. */
  private static final class Region {
    private int baseLine = 1;
    private final List<String> base = new ArrayList<>();
    private final List<String> current = new ArrayList<>();
    private final List<String> yours = new ArrayList<>();

    void add(MergeChunk chunk, RawText sequence) {
      List<String> target =
          switch (chunk.getSequenceIndex()) {
            case BASE -> base;
            case CURRENT -> current;
            case YOURS -> yours;
            default ->
                throw new IllegalStateException("Unexpected sequence " + chunk.getSequenceIndex());
          };
      if (chunk.getSequenceIndex() == BASE) {
        baseLine = chunk.getBegin() + 1;
      }
      for (int line = chunk.getBegin(); line < chunk.getEnd(); line++) {
        target.add(sequence.getString(line));
      }
    }
  }
}
