package ru.metodichka.page.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
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
        .revisions(CurrentUser.of(ctx), community(ctx), slug(ctx), before, limit)
        .map(items -> new JsonObject().put("items", items));
  }

  private Future<JsonObject> revision(RoutingContext ctx) {
    int number = RequestParams.pathInt(ctx, "number", 1, Integer.MAX_VALUE);
    return history.revisionJson(CurrentUser.of(ctx), community(ctx), slug(ctx), number);
  }

  private Future<JsonObject> diff(RoutingContext ctx) {
    int from = RequestParams.requiredInt(ctx, "from", 1, Integer.MAX_VALUE);
    int to = RequestParams.requiredInt(ctx, "to", 1, Integer.MAX_VALUE);
    return history.diff(CurrentUser.of(ctx), community(ctx), slug(ctx), from, to);
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static String slug(RoutingContext ctx) {
    return ctx.pathParam("slug");
  }
}
