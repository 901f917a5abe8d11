package ru.metodichka.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.RequestParams;

/**
 * {@code /api/reports}: filing an ethics report, the moderators' queue and its history, resolving
 * one, and the reporter's own reports with their outcomes.
 */
public final class ReportRoutes implements ApiRoutes {
  private final ReportService reports;

  public ReportRoutes(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public void mount(Router api) {
    api.post("/reports").consumes("application/json").respond(this::report);
    api.get("/reports").respond(this::queue);
    api.get("/reports/mine")
        .respond(ctx -> reports.mine(CurrentUser.of(ctx)).map(ReportRoutes::items));
    api.post("/reports/:id/resolve").consumes("application/json").respond(this::resolve);
  }

  private Future<JsonObject> report(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    NewReport report = NewReport.from(JsonInput.of(ctx));
    return reports
        .report(actor, report)
        .map(
            r -> {
              ctx.response().setStatusCode(201);
              return json(r);
            });
  }

  private Future<JsonObject> queue(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !status.equals("open") && !status.equals("resolved")) {
      throw AppError.badRequest("bad_choice", "status", "open, resolved");
    }
    return reports.queue(CurrentUser.of(ctx), status).map(ReportRoutes::items);
  }

  private Future<JsonObject> resolve(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
    NewReport.Resolution resolution = NewReport.resolution(JsonInput.of(ctx));
    return reports.resolve(actor, id, resolution).map(ReportRoutes::json);
  }

  static JsonObject items(List<Report> list) {
    JsonArray items = new JsonArray();
    list.forEach(r -> items.add(json(r)));
    return new JsonObject().put("items", items);
  }

  static JsonObject json(Report r) {
    JsonObject target =
        new JsonObject()
            .put("kind", r.targetKind())
            .put("community", r.community())
            .put("slug", r.slug())
            .put("title", r.pageTitle());
    if (r.revision() != null) {
      target.put("revision", r.revision());
    }
    if (r.commentId() != null) {
      target.put("comment", r.commentId());
    }
    return new JsonObject()
        .put("id", r.id())
        .put("target", target)
        .put("reason", r.reason())
        .put("text", r.text())
        .put("reporter", person(r.reporter()))
        .put("createdAt", Rows.time(r.createdAt()))
        .put("status", r.status())
        .put("action", r.action())
        .put("note", r.note())
        .put("resolvedBy", r.resolvedBy() == null ? null : person(r.resolvedBy()))
        .put("resolvedAt", Rows.time(r.resolvedAt()));
  }

  private static JsonObject person(Person p) {
    return new JsonObject().put("login", p.login()).put("name", p.name());
  }
}
