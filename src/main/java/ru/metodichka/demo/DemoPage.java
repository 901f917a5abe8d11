package ru.metodichka.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.page.Metadata;

/**
 * One demo page and the whole text of each of its revisions. The seed file describes revisions as
 * edits, the way people make them: the first is a whole file, later ones append a file or replace a
 * passage (a corrected list item, a clarified sentence).
 */
record DemoPage(
    String community,
    String slug,
    String title,
    String kind,
    boolean publish,
    Metadata metadata,
    List<DemoRevision> revisions) {

  static DemoPage from(JsonObject json) {
    JsonArray edits = json.getJsonArray("revisions");
    String text = "";
    List<DemoRevision> revisions = new ArrayList<>();
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
    return new DemoPage(
        json.getString("community"),
        json.getString("slug"),
        json.getString("title"),
        json.getString("kind"),
        json.getBoolean("publish"),
        Metadata.fromJson(json.getJsonObject("metadata")),
        List.copyOf(revisions));
  }

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
