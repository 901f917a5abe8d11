package ru.metodichka.plan;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Locales;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;

/**
 * {@code /api/communities/{c}/plan}: the activity plan of a year, now or as of a moment, as JSON
 * and as a Word document; adding and changing its items; an item's history.
 */
public final class PlanRoutes implements ApiRoutes {
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String PLAN = "/communities/:community/plan";
  private static final String ITEMS = PLAN + "/items";
  private static final String ITEM = ITEMS + "/:id";
  private final PlanReader reader;
  private final PlanService plans;

  public PlanRoutes(PlanReader reader, PlanService plans) {
    this.reader = reader;
    this.plans = plans;
  }

  @Override
  public void mount(Router api) {
    api.get(PLAN).respond(this::plan);
    api.get(PLAN + ".docx").handler(this::document);
    api.post(ITEMS).consumes("application/json").respond(this::create);
    api.get(ITEM)
        .respond(
            ctx -> reader.item(CurrentUser.of(ctx), community(ctx), id(ctx)).map(PlanRoutes::json));
    api.patch(ITEM).consumes("application/json").respond(this::edit);
    api.get(ITEM + "/history").respond(this::history);
  }

  private Future<JsonObject> plan(RoutingContext ctx) {
    return reader
        .plan(CurrentUser.of(ctx), community(ctx), param(ctx, "year"), param(ctx, "asOf"))
        .map(PlanRoutes::json);
  }

  private void document(RoutingContext ctx) {
    String year = param(ctx, "year");
    reader
        .document(CurrentUser.of(ctx), community(ctx), year, param(ctx, "asOf"), Locales.of(ctx))
        .onSuccess(
            file ->
                ctx.response()
                    .putHeader("Content-Type", DOCX)
                    .putHeader("Content-Disposition", disposition(file))
                    .end(Buffer.buffer(file.bytes())))
        .onFailure(ctx::fail);
  }

  /**
   * {@code plan-2026-27.docx}, and with the community's slug (Cyrillic allowed, RFC 6266's {@code
   * filename*}) for browsers that read it.
   */
  private static String disposition(PlanReader.WordFile file) {
    String year = file.year().label().replace('/', '-');
    String full = "plan-" + file.community() + "-" + year + ".docx";
    return "attachment; filename=\"plan-"
        + year
        + ".docx\"; filename*=UTF-8''"
        + URLEncoder.encode(full, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    ItemDraft draft = PlanInput.draft(JsonInput.of(ctx));
    return plans
        .create(actor, community(ctx), draft)
        .map(
            item -> {
              String location = ctx.request().path().replaceAll("/+$", "") + "/" + item.id();
              ctx.response().setStatusCode(201).putHeader("Location", Redirect.encoded(location));
              return json(item);
            });
  }

  private Future<JsonObject> edit(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = id(ctx);
    ItemPatch change = PlanInput.patch(JsonInput.of(ctx));
    return plans
        .edit(actor, community(ctx), id, change)
        .map(
            edit ->
                switch (edit) {
                  case PlanEdit.Saved saved -> json(saved.item());
                  case PlanEdit.Stale stale ->
                      throw AppError.conflict("plan_item_conflict", id, stale.current().version())
                          .with("current", json(stale.current()));
                });
  }

  private Future<JsonObject> history(RoutingContext ctx) {
    long id = id(ctx);
    return reader
        .history(CurrentUser.of(ctx), community(ctx), id)
        .map(versions -> history(id, versions));
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static String param(RoutingContext ctx, String name) {
    return ctx.queryParams().get(name);
  }

  private static long id(RoutingContext ctx) {
    return RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
  }

  static JsonObject json(Plan plan) {
    JsonArray items = new JsonArray();
    plan.items().forEach(item -> items.add(json(item)));
    Completion c = plan.completion();
    return new JsonObject()
        .put("year", plan.year().label())
        .put("asOf", Rows.time(plan.asOf()))
        .put("items", items)
        .put(
            "completion",
            new JsonObject()
                .put("done", c.done())
                .put("total", c.total())
                .put("percent", c.percent()));
  }

  static JsonObject json(PlanItem item) {
    return new JsonObject()
        .put("id", item.id())
        .put("title", item.title())
        .put("description", item.description())
        .put("form", item.form().code())
        .put("responsible", new JsonArray(item.responsibleLogins()))
        .put("starts", item.starts().toString())
        .put("due", item.due().toString())
        .put("status", item.status().code())
        .put("results", new JsonArray(item.resultSlugs()))
        .put("outcome", item.outcome())
        .put("overdue", item.overdue())
        .put("version", item.version());
  }

  private static JsonObject history(long id, List<ItemVersion> versions) {
    JsonArray items = new JsonArray();
    for (ItemVersion v : versions) {
      PlanItem item = v.item();
      JsonObject entry =
          json(item)
              .put("changedAt", Rows.time(item.changedAt()))
              .put(
                  "changedBy",
                  new JsonObject()
                      .put("login", item.changedBy().login())
                      .put("name", item.changedBy().name()))
              .put("changed", new JsonArray(v.changed()));
      entry.remove("overdue");
      entry.remove("id");
      items.add(entry);
    }
    return new JsonObject().put("id", id).put("items", items);
  }
}
