package ru.metodichka.changes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.ZoneId;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.page.PageRoutes;
import ru.metodichka.web.ApiRoutes;

/** {@code GET /api/changes}: recent changes, filtered and paged by a cursor. */
public final class ChangesRoutes implements ApiRoutes {
  private final ChangesService changes;
  private final ZoneId zone;

  public ChangesRoutes(ChangesService changes, ZoneId zone) {
    this.changes = changes;
    this.zone = zone;
  }

  @Override
  public void mount(Router api) {
    api.get("/changes")
        .respond(
            ctx ->
                changes
                    .list(CurrentUser.of(ctx), ChangeQuery.parse(ctx.queryParams(), zone))
                    .map(ChangesRoutes::json));
  }

  static JsonObject json(ChangeSlice slice) {
    JsonArray items = new JsonArray();
    slice.items().forEach(e -> items.add(json(e)));
    JsonObject json = new JsonObject().put("items", items);
    if (slice.next() != null) {
      json.put("next", String.valueOf(slice.next()));
    }
    return json;
  }

  static JsonObject json(ChangeEntry e) {
    return new JsonObject()
        .put("community", e.community())
        .put("communityName", e.communityName())
        .put("slug", e.slug())
        .put("title", e.title())
        .put("kind", e.kind())
        .put("status", e.status().code())
        .put("revision", e.revision())
        .put("author", PageRoutes.json(e.author()))
        .put("createdAt", Rows.time(e.createdAt()))
        .put("summary", e.summary())
        .put("size", e.size())
        .put("delta", e.delta())
        .put("revertedFrom", e.revertedFrom())
        .put("resolvedConflictWith", e.resolvedConflictWith())
        .put("marks", new JsonArray(e.marks()));
  }
}
