package ru.metodichka.moderation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.page.PageRoutes;
import ru.metodichka.page.history.DiffJson;
import ru.metodichka.web.ApiRoutes;

/** {@code GET /api/review-queue}: the pages waiting for the caller's review. */
public final class ReviewQueueRoutes implements ApiRoutes {
  private final ReviewQueue queue;

  public ReviewQueueRoutes(ReviewQueue queue) {
    this.queue = queue;
  }

  @Override
  public void mount(Router api) {
    api.get("/review-queue")
        .respond(
            ctx ->
                queue
                    .of(CurrentUser.of(ctx))
                    .map(
                        items -> {
                          JsonArray list = new JsonArray();
                          items.forEach(item -> list.add(json(item)));
                          return new JsonObject().put("items", list);
                        }));
  }

  static JsonObject json(ReviewQueue.Item item) {
    QueueEntry e = item.entry();
    QueueEntry.Request request = e.request();
    return new JsonObject()
        .put("community", e.community())
        .put("communityName", e.communityName())
        .put("slug", e.slug())
        .put("title", e.title())
        .put("status", e.status().code())
        .put("revision", e.revision())
        .put("reviewedRevision", e.reviewedRevision())
        .put("unreviewed", e.unreviewed())
        .put("waitingSince", Rows.time(e.waitingSince()))
        .put("authors", new JsonArray(e.authors()))
        .put(
            "request",
            request == null
                ? null
                : new JsonObject()
                    .put("by", PageRoutes.json(request.by()))
                    .put("note", request.note())
                    .put("at", Rows.time(request.at())))
        .put("hunks", DiffJson.hunks(item.hunks()))
        .put("checklist", item.checklist() == null ? null : PageRoutes.json(item.checklist()));
  }
}
