package ru.metodichka.page.history;

import io.vertx.core.json.JsonObject;
import java.util.List;
import ru.metodichka.db.Rows;
import ru.metodichka.page.Revision;

/**
 * What the diff screen shows: the page, both revisions' headers (number, author, time, summary,
 * title) and the side-by-side rows. {@code from} is always the older revision.
 */
public record Comparison(
    JsonObject page, JsonObject from, JsonObject to, List<SideBySide.Row> rows) {

  static Comparison of(JsonObject page, Revision older, Revision newer) {
    return new Comparison(
        page, head(older), head(newer), SideBySide.of(older.markdown(), newer.markdown()));
  }

  /** True when the title changed between the two revisions. */
  public boolean titleChanged() {
    return !from.getString("title").equals(to.getString("title"));
  }

  /** True when there is nothing to show: same text, same title (or one revision twice). */
  public boolean identical() {
    return rows.isEmpty() && !titleChanged();
  }

  /** A revision without its text: what history rows and diff headers show. */
  static JsonObject head(Revision r) {
    return new JsonObject()
        .put("revision", r.number())
        .put("title", r.title())
        .put("author", r.author())
        .put("createdAt", Rows.time(r.createdAt()))
        .put("summary", r.summary())
        .put("merged", r.merged())
        .put("revertedFrom", r.revertedFrom());
  }
}
