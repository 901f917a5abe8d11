package ru.metodichka.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.page.Metadata;

/**
 * One demo page and the whole text of each of its revisions. The seed file describes revisions as
 * edits, the way people make them: the first is a whole file, later ones append a file or replace a
 * passage (a corrected list item, a clarified sentence). What happens next is optional: edits saved
 * after the moderator published the page (waiting for review), a member's request for a review, a
 * rename, a retirement.
 *
 * @param afterPublish revisions saved after publishing, which the public does not read until a
 *     review
 * @param request a member's «Отправить на проверку» with the note, or null
 * @param rename a new title and address, or null
 * @param retiredBy the moderator who retires the page to the archive, or null
 */
record DemoPage(
    String community,
    String slug,
    String title,
    String kind,
    boolean publish,
    Metadata metadata,
    List<DemoRevision> revisions,
    List<DemoRevision> afterPublish,
    ReviewRequest request,
    Rename rename,
    String retiredBy) {

  static DemoPage from(JsonObject json) {
    List<DemoRevision> revisions = new ArrayList<>();
    String text = edits(json.getJsonArray("revisions"), "", revisions);
    List<DemoRevision> later = new ArrayList<>();
    edits(json.getJsonArray("afterPublish", new JsonArray()), text, later);
    JsonObject request = json.getJsonObject("requestReview");
    JsonObject rename = json.getJsonObject("rename");
    return new DemoPage(
        json.getString("community"),
        json.getString("slug"),
        json.getString("title"),
        json.getString("kind"),
        json.getBoolean("publish"),
        Metadata.fromJson(json.getJsonObject("metadata")),
        List.copyOf(revisions),
        List.copyOf(later),
        request == null
            ? null
            : new ReviewRequest(request.getString("author"), request.getString("note")),
        rename == null
            ? null
            : new Rename(
                rename.getString("by"), rename.getString("title"), rename.getString("slug")),
        json.getString("retire"));
  }

  /** Applies the edits to {@code text}, adding a revision for each; the text after the last. */
  private static String edits(JsonArray edits, String text, List<DemoRevision> revisions) {
    for (int i = 0; i < edits.size(); i++) {
      JsonObject edit = edits.getJsonObject(i);
      text = apply(text, edit);
      revisions.add(
          new DemoRevision(
              edit.getString("author"),
              edit.getString("summary"),
              text,
              edit.getInteger("resolvesConflictWith")));
    }
    return text;
  }

  /** A member asks the moderators to review the page. */
  record ReviewRequest(String author, String note) {}

  /** A new title and address, given by {@code by}. */
  record Rename(String by, String title, String slug) {}

  private static String apply(String text, JsonObject edit) {
    if (edit.containsKey("file")) {
      return DemoContent.resource("demo/pages/" + edit.getString("file"));
    }
    if (edit.containsKey("append")) {
      return text + DemoContent.resource("demo/pages/" + edit.getString("append"));
    }
    JsonArray replace = edit.getJsonArray("replace");
    // A replacement that no longer matches would silently save an unchanged revision.
    if (!text.contains(replace.getString(0))) {
      throw new IllegalStateException("Demo edit does not apply: " + replace.getString(0));
    }
    return text.replace(replace.getString(0), replace.getString(1));
  }

  /**
   * A revision to save: who, why, and the whole text after the edit.
   *
   * @param resolvesConflictWith the revision whose edit conflict with the author this one settles
   *     (written on top of it), or null
   */
  record DemoRevision(
      String author, String summary, String markdown, Integer resolvesConflictWith) {}
}
