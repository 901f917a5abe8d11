package ru.metodichka.page.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.page.LifecycleEvent;
import ru.metodichka.page.PageRoutes;
import ru.metodichka.page.ReviewEvent;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.RequestParams;

/** {@code /api/communities/{c}/pages/{slug}/revisions} and {@code …/diff}: a page's history. */
public final class HistoryRoutes implements ApiRoutes {
  private static final String PAGE = "/communities/:community/pages/:slug";
  private final HistoryReader history;

  public HistoryRoutes(HistoryReader history) {
    this.history = history;
  }

  @Override
  public void mount(Router api) {
    api.get(PAGE + "/revisions").respond(this::revisions);
    api.get(PAGE + "/revisions/:number").respond(this::revision);
    api.get(PAGE + "/diff").respond(this::diff);
  }

  private Future<JsonObject> revisions(RoutingContext ctx) {
    int before = RequestParams.optionalInt(ctx, "before", 1, Integer.MAX_VALUE, Integer.MAX_VALUE);
    int limit = RequestParams.optionalInt(ctx, "limit", 1, 500, 100);
    return history
        .history(CurrentUser.of(ctx), community(ctx), slug(ctx), before, limit)
        .map(h -> new JsonObject().put("items", entries(h)));
  }

  private Future<JsonObject> revision(RoutingContext ctx) {
    int number = RequestParams.pathInt(ctx, "number", 1, Integer.MAX_VALUE);
    return history
        .revision(CurrentUser.of(ctx), community(ctx), slug(ctx), number)
        .map(r -> PageRoutes.json(r.rendered()));
  }

  private Future<JsonObject> diff(RoutingContext ctx) {
    int from = RequestParams.requiredInt(ctx, "from", 1, Integer.MAX_VALUE);
    int to = RequestParams.requiredInt(ctx, "to", 1, Integer.MAX_VALUE);
    return history.diff(CurrentUser.of(ctx), community(ctx), slug(ctx), from, to).map(DiffJson::of);
  }

  private static JsonArray entries(PageHistory history) {
    JsonArray items = new JsonArray();
    for (RevisionEntry r : history.revisions()) {
      items.add(
          new JsonObject()
              .put("revision", r.number())
              .put("author", PageRoutes.json(r.author()))
              .put("createdAt", Rows.time(r.createdAt()))
              .put("summary", r.summary())
              .put("size", r.size())
              .put("delta", r.delta())
              .put("merged", r.merged())
              .put("revertedFrom", r.revertedFrom())
              .put("resolvedConflictWith", r.resolvedConflictWith())
              .put("hidden", r.hidden())
              .put("reviews", reviews(history.reviewsOf(r.number())))
              .put("lifecycle", lifecycle(history.lifecycleOf(r.number()))));
    }
    return items;
  }

  /** What the review workflow did at a revision: {@code [{kind, by, at, note}]}. */
  private static JsonArray reviews(List<ReviewEvent> events) {
    JsonArray array = new JsonArray();
    events.forEach(
        e ->
            array.add(
                new JsonObject()
                    .put("kind", e.kind().code())
                    .put("by", PageRoutes.json(e.by()))
                    .put("at", Rows.time(e.at()))
                    .put("note", e.note())));
    return array;
  }

  /** Renames, moves, retirements and restorations done at a revision. */
  private static JsonArray lifecycle(List<LifecycleEvent> events) {
    JsonArray array = new JsonArray();
    events.forEach(
        e ->
            array.add(
                new JsonObject()
                    .put("kind", e.kind().code())
                    .put("by", PageRoutes.json(e.by()))
                    .put("at", Rows.time(e.at()))
                    .put("from", place(e.from()))
                    .put("to", place(e.to()))));
    return array;
  }

  private static JsonObject place(LifecycleEvent.Place place) {
    return place == null
        ? null
        : new JsonObject()
            .put("community", place.community())
            .put("slug", place.slug())
            .put("title", place.title());
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static String slug(RoutingContext ctx) {
    return ctx.pathParam("slug");
  }
}
