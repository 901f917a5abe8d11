package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.RequestParams;

/** {@code /api/communities/{c}/pages}: pages, their history, diffs, reverts and publishing. */
public final class PageRoutes implements ApiRoutes {
  private static final String PAGES = "/communities/:community/pages";
  private static final String PAGE = PAGES + "/:slug";
  private static final int DEFAULT_LIST = 100;
  private static final int MAX_LIST = 500;
  private final PageService service;
  private final PageReader reader;

  public PageRoutes(PageService service, PageReader reader) {
    this.service = service;
    this.reader = reader;
  }

  @Override
  public void mount(Router api) {
    api.get(PAGES).respond(this::list);
    api.get(PAGE).respond(ctx -> reader.page(CurrentUser.of(ctx), community(ctx), slug(ctx)));
    api.put(PAGE).consumes("application/json").respond(this::save);
    api.get(PAGE + "/backlinks")
        .respond(
            ctx ->
                reader
                    .backlinks(CurrentUser.of(ctx), community(ctx), slug(ctx))
                    .map(PageRoutes::items));
    api.post(PAGE + "/revert").consumes("application/json").respond(this::revert);
    api.post(PAGE + "/publish").respond(ctx -> status(ctx, "published"));
    api.post(PAGE + "/unpublish").respond(ctx -> status(ctx, "draft"));
  }

  /**
   * A part of the page list: {@code limit} pages (default 100, at most 500) after {@code after}.
   */
  private Future<JsonObject> list(RoutingContext ctx) {
    int limit = RequestParams.optionalInt(ctx, "limit", 1, MAX_LIST, DEFAULT_LIST);
    PageCursor after = PageCursor.parse(ctx.queryParams().get("after"));
    return reader.list(CurrentUser.of(ctx), community(ctx), after, limit).map(PageSlice::toJson);
  }

  private Future<JsonObject> save(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    SaveRequest request = SaveRequest.from(JsonInput.of(ctx));
    IdempotencyKey key =
        IdempotencyKey.of(
            ctx.request().getHeader("Idempotency-Key"),
            "PUT",
            ctx.request().path(),
            ctx.body().buffer().getBytes());
    return service
        .save(actor, community(ctx), slug(ctx), request, key)
        .map(
            result -> {
              ctx.response().setStatusCode(result.status());
              if (result.status() == 201) {
                ctx.response().putHeader("Location", ctx.request().path());
              }
              return result.toJson();
            });
  }

  private Future<JsonObject> revert(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    int number = in.optionalInt("revision", 1, Integer.MAX_VALUE, 0);
    if (number == 0 && !in.hasError("revision")) {
      in.reject("revision", "Обязательное поле");
    }
    in.validate();
    return service.revert(actor, community(ctx), slug(ctx), number).map(SaveResult::toJson);
  }

  private Future<JsonObject> status(RoutingContext ctx, String status) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    return service
        .setStatus(actor, community(ctx), slug(ctx), status)
        .map(s -> new JsonObject().put("slug", slug(ctx)).put("status", s));
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static String slug(RoutingContext ctx) {
    return ctx.pathParam("slug");
  }

  private static JsonObject items(io.vertx.core.json.JsonArray items) {
    return new JsonObject().put("items", items);
  }
}
