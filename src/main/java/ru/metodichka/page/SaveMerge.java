package ru.metodichka.page;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import ru.metodichka.diff.ConflictHunk;
import ru.metodichka.diff.HunkChoice;
import ru.metodichka.diff.MergeOutcome;
import ru.metodichka.diff.TextMerge;
import ru.metodichka.error.AppError;

/**
 * Decides what a save based on an older revision becomes: a three-way merge of (base, current,
 * yours) for the text, and the same rule for the title and kind; and what a save that settles a
 * conflict region by region becomes ({@link #settle}). Pure: no database.
 */
final class SaveMerge {
  private SaveMerge() {}

  /** The content to save; a 409 with both texts and the conflicting hunks when edits overlap. */
  static NewContent merge(Revision base, Revision current, SaveRequest yours) {
    String yourKind = yours.kind() != null ? yours.kind() : base.kind();
    String title = pick(base.title(), current.title(), yours.title());
    String kind = pick(base.kind(), current.kind(), yourKind);
    Metadata yourMetadata = yours.metadata() != null ? yours.metadata() : base.metadata();
    Metadata metadata = pick(base.metadata(), current.metadata(), yourMetadata);
    MergeOutcome text = TextMerge.merge(base.markdown(), current.markdown(), yours.markdown());
    if (text instanceof MergeOutcome.Clean clean
        && title != null
        && kind != null
        && metadata != null) {
      return new NewContent(title, kind, clean.text(), metadata, true, null, current);
    }
    JsonArray hunks = new JsonArray();
    if (text instanceof MergeOutcome.Conflicted conflicted) {
      conflicted.conflicts().forEach(h -> hunks.add(toJson(h)));
    }
    throw AppError.conflict("edit_conflict", current.number())
        .with("currentRevision", current.number())
        .with("currentTitle", current.title())
        .with("currentMarkdown", current.markdown())
        .with("yourTitle", yours.title())
        .with("yourMarkdown", yours.markdown())
        .with("baseRevision", base.number())
        .with("titleConflict", title == null || kind == null)
        .with("metadataConflict", metadata == null)
        .with("conflicts", hunks);
  }

  /**
   * The save a resolution by choices stands for: the text of the merge of (base, conflict, yours)
   * with each overlapping region settled as chosen, written on top of the conflict's revision. The
   * title, kind and metadata merge by the usual rule, and where both sides changed one differently
   * the author's is taken: the 409 said so, and the author sent theirs again.
   *
   * @throws AppError 422 on {@code choices} when there is not one choice per overlapping region
   */
  static SaveRequest settle(Revision base, Revision conflict, SaveRequest yours) {
    MergeOutcome outcome = TextMerge.merge(base.markdown(), conflict.markdown(), yours.markdown());
    int regions =
        outcome instanceof MergeOutcome.Conflicted conflicted ? conflicted.conflicts().size() : 0;
    List<HunkChoice> choices = yours.resolution().choices();
    if (choices.size() != regions) {
      throw AppError.invalid("choices", "choices_count", regions);
    }
    String text =
        TextMerge.resolve(base.markdown(), conflict.markdown(), yours.markdown(), choices);
    String yourKind = yours.kind() != null ? yours.kind() : base.kind();
    Metadata yourMetadata = yours.metadata() != null ? yours.metadata() : base.metadata();
    return new SaveRequest(
        orYours(pick(base.title(), conflict.title(), yours.title()), yours.title()),
        text,
        conflict.number(),
        yours.summary(),
        orYours(pick(base.kind(), conflict.kind(), yourKind), yourKind),
        orYours(pick(base.metadata(), conflict.metadata(), yourMetadata), yourMetadata),
        new SaveRequest.Resolution(conflict.number(), null));
  }

  private static <T> T orYours(T merged, T yours) {
    return merged != null ? merged : yours;
  }

  /** Three-way merge of one value; null when both sides changed it differently. */
  static <T> T pick(T base, T current, T yours) {
    if (yours.equals(current) || yours.equals(base)) {
      return current;
    }
    return current.equals(base) ? yours : null;
  }

  private static JsonObject toJson(ConflictHunk hunk) {
    return new JsonObject()
        .put("baseLine", hunk.baseLine())
        .put("base", new JsonArray(hunk.base()))
        .put("current", new JsonArray(hunk.current()))
        .put("yours", new JsonArray(hunk.yours()));
  }
}
