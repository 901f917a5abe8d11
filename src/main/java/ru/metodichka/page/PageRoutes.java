package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Slugs;
import ru.metodichka.db.Rows;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.RequestParams;

/** {@code /api/communities/{c}/pages}: pages, saving, backlinks, reverts and publishing. */
public final class PageRoutes implements ApiRoutes {
  private static final String PAGES = "/communities/:community/pages";
  private static final String PAGE = PAGES + "/:slug";
  private static final int DEFAULT_LIST = 100;
  private static final int MAX_LIST = 500;
  private final PageService service;
  private final PageReader reader;
  private final ReviewService reviews;
  private final LifecycleService lifecycle;
  private final PublishChecklist checklist;

  public PageRoutes(
      PageService service,
      PageReader reader,
      ReviewService reviews,
      LifecycleService lifecycle,
      PublishChecklist checklist) {
    this.service = service;
    this.reader = reader;
    this.reviews = reviews;
    this.lifecycle = lifecycle;
    this.checklist = checklist;
  }

  @Override
  public void mount(Router api) {
    api.get(PAGES).respond(this::list);
    api.get(PAGE)
        .respond(
            ctx ->
                reader.page(CurrentUser.of(ctx), community(ctx), slug(ctx)).map(PageRoutes::json));
    api.put(PAGE).consumes("application/json").respond(this::save);
    api.get(PAGE + "/backlinks")
        .respond(
            ctx ->
                reader
                    .backlinks(CurrentUser.of(ctx), community(ctx), slug(ctx))
                    .map(list -> items(list, PageRoutes::json)));
    api.post(PAGE + "/revert").consumes("application/json").respond(this::revert);
    api.post(PAGE + "/publish")
        .respond(
            ctx -> reviews.publish(actor(ctx), community(ctx), slug(ctx)).map(PageRoutes::json));
    api.post(PAGE + "/unpublish")
        .respond(
            ctx -> reviews.unpublish(actor(ctx), community(ctx), slug(ctx)).map(PageRoutes::json));
    api.get(PAGE + "/checklist")
        .respond(ctx -> checklist.of(actor(ctx), community(ctx), slug(ctx)).map(PageRoutes::json));
    api.post(PAGE + "/review").consumes("application/json").respond(this::review);
    api.post(PAGE + "/request-review").consumes("application/json").respond(this::requestReview);
    api.post(PAGE + "/return").consumes("application/json").respond(this::returnForWork);
    api.post(PAGE + "/rename").consumes("application/json").respond(this::rename);
    api.post(PAGE + "/move").consumes("application/json").respond(this::move);
    api.post(PAGE + "/retire")
        .respond(
            ctx -> lifecycle.retire(actor(ctx), community(ctx), slug(ctx)).map(PageRoutes::json));
    api.post(PAGE + "/restore")
        .respond(
            ctx -> lifecycle.restore(actor(ctx), community(ctx), slug(ctx)).map(PageRoutes::json));
  }

  /**
   * A part of the page list: {@code limit} pages (default 100, at most 500) after {@code after}.
   */
  private Future<JsonObject> list(RoutingContext ctx) {
    int limit = RequestParams.optionalInt(ctx, "limit", 1, MAX_LIST, DEFAULT_LIST);
    PageCursor after = PageCursor.parse(ctx.queryParams().get("after"));
    return reader.list(CurrentUser.of(ctx), community(ctx), after, limit).map(PageRoutes::json);
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
              return json(result);
            });
  }

  private Future<JsonObject> revert(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    int number = in.optionalInt("revision", 1, Integer.MAX_VALUE, 0);
    if (number == 0 && !in.hasError("revision")) {
      in.reject("revision", "required");
    }
    in.validate();
    return service.revert(actor, community(ctx), slug(ctx), number).map(PageRoutes::json);
  }

  /**
   * {@code {revision, note}}: the revision to review (absent: the latest) and the moderator's note
   * (why a page that lacks something on its checklist is published anyway).
   */
  private Future<JsonObject> review(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    JsonInput in = JsonInput.of(ctx);
    int revision = in.optionalInt("revision", 1, Integer.MAX_VALUE, 0);
    String note = in.optionalText("note", ReviewService.MAX_NOTE, null);
    in.validate();
    return reviews
        .review(actor, community(ctx), slug(ctx), revision == 0 ? null : revision, note)
        .map(PageRoutes::json);
  }

  private Future<JsonObject> requestReview(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    JsonInput in = JsonInput.of(ctx);
    String note = in.optionalText("note", ReviewService.MAX_NOTE, null);
    in.validate();
    return reviews.requestReview(actor, community(ctx), slug(ctx), note).map(PageRoutes::json);
  }

  private Future<JsonObject> returnForWork(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    JsonInput in = JsonInput.of(ctx);
    String note = in.optionalText("note", ReviewService.MAX_NOTE, null);
    in.validate();
    return reviews.returnForWork(actor, community(ctx), slug(ctx), note).map(PageRoutes::json);
  }

  /** {@code {title, slug}}: a new title, a new address or both. */
  private Future<JsonObject> rename(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    JsonInput in = JsonInput.of(ctx);
    String title = in.optionalText("title", SaveRequest.MAX_TITLE, null);
    String slug = in.optionalText("slug", Slugs.MAX_LENGTH, null);
    in.validate();
    return lifecycle.rename(actor, community(ctx), slug(ctx), title, slug).map(PageRoutes::json);
  }

  /** {@code {community, slug}}: the community to move to, and optionally a new address there. */
  private Future<JsonObject> move(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    JsonInput in = JsonInput.of(ctx);
    String target = in.requiredText("community", Slugs.MAX_LENGTH);
    String slug = in.optionalText("slug", Slugs.MAX_LENGTH, null);
    in.validate();
    return lifecycle.move(actor, community(ctx), slug(ctx), target, slug).map(PageRoutes::json);
  }

  /** Where the page is and how it stands after a lifecycle act. */
  static JsonObject json(LifecycleService.Placed placed) {
    return new JsonObject()
        .put("community", placed.community())
        .put("slug", placed.slug())
        .put("title", placed.title())
        .put("status", placed.status().code());
  }

  /** The publish checklist: each check with {@code ok} and what is wrong. */
  public static JsonObject json(Checklist list) {
    JsonArray checks = new JsonArray();
    list.checks()
        .forEach(
            c ->
                checks.add(
                    new JsonObject()
                        .put("code", c.code())
                        .put("ok", c.ok())
                        .put("details", new JsonArray(c.details()))));
    return new JsonObject()
        .put("revision", list.revision())
        .put("complete", list.complete())
        .put("checks", checks);
  }

  private static CurrentUser actor(RoutingContext ctx) {
    return CurrentUser.of(ctx).requireLoggedIn();
  }

  /** Where the page stands after an act of the review workflow. */
  static JsonObject json(ReviewService.ReviewState state) {
    return new JsonObject()
        .put("slug", state.slug())
        .put("status", state.status().code())
        .put("revision", state.revision())
        .put("reviewedRevision", state.reviewedRevision());
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static String slug(RoutingContext ctx) {
    return ctx.pathParam("slug");
  }

  private static <T> JsonObject items(List<T> items, Function<T, JsonObject> json) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(json.apply(item)));
    return new JsonObject().put("items", array);
  }

  /** The API's page: its current revision with the HTML its reader sees. */
  static JsonObject json(PageView view) {
    Revision r = view.revision();
    Page page = view.page();
    return new JsonObject()
        .put("community", view.community().slug())
        .put("communityName", view.community().name())
        .put("slug", page.slug())
        .put("title", r.title())
        .put("kind", r.kind())
        .put("status", page.status().code())
        .put("revision", r.number())
        .put("markdown", r.markdown())
        .put("metadata", r.metadata().toJson())
        .put("html", view.html())
        .put("author", json(r.author()))
        .put("createdAt", Rows.time(page.createdAt()))
        .put("updatedAt", Rows.time(r.createdAt()))
        .put("publishedAt", Rows.time(page.publishedAt()))
        .put("reviewedRevision", page.reviewedRevision());
  }

  /** One revision with its HTML, as {@code GET …/revisions/{n}} answers. */
  public static JsonObject json(RenderedRevision rendered) {
    Revision r = rendered.revision();
    return new JsonObject()
        .put("revision", r.number())
        .put("title", r.title())
        .put("kind", r.kind())
        .put("author", json(r.author()))
        .put("createdAt", Rows.time(r.createdAt()))
        .put("summary", r.summary())
        .put("baseRevision", r.baseNumber())
        .put("merged", r.merged())
        .put("revertedFrom", r.revertedFrom())
        .put("resolvedConflictWith", r.resolvedConflictWith())
        .put("markdown", r.markdown())
        .put("metadata", r.metadata().toJson())
        .put("html", rendered.html());
  }

  /** {@code {login, name}}. */
  public static JsonObject json(Person person) {
    return new JsonObject().put("login", person.login()).put("name", person.name());
  }

  /** {@code {items, next}}; {@code next} is absent at the end of the list. */
  static JsonObject json(PageSlice slice) {
    JsonObject json = items(slice.items(), PageRoutes::json);
    if (slice.next() != null) {
      json.put("next", slice.next().token());
    }
    return json;
  }

  static JsonObject json(ListedPage page) {
    return new JsonObject()
        .put("slug", page.slug())
        .put("title", page.title())
        .put("kind", page.kind())
        .put("status", page.status().code())
        .put("revision", page.revision())
        .put("updatedAt", Rows.time(page.updatedAt()))
        .put("parent", page.parent())
        .put("comments", page.comments());
  }

  static JsonObject json(Backlink link) {
    return new JsonObject()
        .put("community", link.community())
        .put("slug", link.slug())
        .put("title", link.title())
        .put("status", link.status().code());
  }

  /** The answer to a save or a revert (and what an idempotent retry gets again). */
  public static JsonObject json(SaveResult result) {
    return new JsonObject()
        .put("revision", result.revision())
        .put("merged", result.merged())
        .put("created", result.created())
        .put("unchanged", result.unchanged());
  }
}
