package ru.metodichka.page;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ru.metodichka.diff.ConflictHunk;
import ru.metodichka.diff.MergeOutcome;
import ru.metodichka.diff.TextMerge;
import ru.metodichka.error.AppError;

/**
 * Decides what a save based on an older revision becomes: a three-way merge of (base, current,
 * yours) for the text, and the same rule for the title and kind. Pure: no database.
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
