package ru.metodichka.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.error.AppError;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;

/**
 * {@code /api/communities/{c}/evaluation}: a community's figures for a period (§5.1) and the
 * records behind each (participants, results, citations, views, tasks), the moderator's
 * assessments, whether the summary is public, and {@code /api/evaluation}: every community on one
 * row. The period is {@code ?from=&to=} (RFC 3339 instants or dates; both absent: the current
 * academic year).
 */
public final class EvaluationRoutes implements ApiRoutes {
  private static final String BASE = "/communities/:community/evaluation";
  private final EvaluationService evaluations;
  private final EvaluationExports exports;

  public EvaluationRoutes(EvaluationService evaluations, EvaluationExports exports) {
    this.evaluations = evaluations;
    this.exports = exports;
  }

  @Override
  public void mount(Router api) {
    api.get(BASE).respond(this::summary);
    api.get(BASE + "/participants").respond(ctx -> detail(ctx, this::participants));
    api.get(BASE + "/results").respond(ctx -> detail(ctx, this::results));
    api.get(BASE + "/views").respond(ctx -> detail(ctx, this::views));
    api.get(BASE + "/citations")
        .respond(
            ctx -> detail(ctx, (a, p) -> evaluations.citations(a).map(EvaluationJson::citations)));
    api.get(BASE + "/tasks").respond(ctx -> detail(ctx, this::tasks));
    api.put(BASE + "/publicity").consumes("application/json").respond(this::publicity);
    api.get("/communities/:community/assessments").respond(ctx -> detail(ctx, this::assessments));
    api.post("/communities/:community/assessments")
        .consumes("application/json")
        .respond(this::assess);
    api.get("/evaluation").respond(this::overview);
    exports.mount(api);
  }

  private Period period(RoutingContext ctx) {
    return evaluations.period(ctx.queryParams().get("from"), ctx.queryParams().get("to"));
  }

  private Future<JsonObject> summary(RoutingContext ctx) {
    Period period = period(ctx);
    return evaluations
        .summary(CurrentUser.of(ctx), ctx.pathParam("community"), period)
        .map(EvaluationJson::summary);
  }

  /** A drill-down: the period read, then the community's moderators' rights checked. */
  private Future<JsonObject> detail(RoutingContext ctx, Detail detail) {
    Period period = period(ctx);
    return evaluations
        .detailAccess(CurrentUser.of(ctx), ctx.pathParam("community"))
        .compose(access -> detail.read(access, period));
  }

  private interface Detail {
    Future<JsonObject> read(Access access, Period period);
  }

  private Future<JsonObject> participants(Access access, Period period) {
    return evaluations
        .participants(access, period)
        .map(list -> EvaluationJson.participants(period, list));
  }

  private Future<JsonObject> results(Access access, Period period) {
    return evaluations.results(access, period).map(list -> EvaluationJson.results(period, list));
  }

  private Future<JsonObject> views(Access access, Period period) {
    return evaluations
        .viewed(access, period, Integer.MAX_VALUE)
        .map(list -> EvaluationJson.viewed(period, list));
  }

  private Future<JsonObject> tasks(Access access, Period period) {
    var tasks = evaluations.tasks(access, period);
    var assessed = evaluations.assessments(access, period);
    return Future.all(tasks, assessed)
        .map(v -> EvaluationJson.tasks(period, tasks.result(), assessed.result()));
  }

  private Future<JsonObject> assessments(Access access, Period period) {
    return evaluations
        .assessments(access, period)
        .map(list -> EvaluationJson.tasks(period, java.util.List.of(), list));
  }

  private Future<JsonObject> assess(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    NewAssessment assessment = NewAssessment.read(JsonInput.of(ctx), evaluations.zone());
    return evaluations
        .assess(actor, ctx.pathParam("community"), assessment)
        .map(
            a -> {
              ctx.response().setStatusCode(201);
              return EvaluationJson.assessment(a);
            });
  }

  private Future<JsonObject> publicity(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    // 400 for a body that is not a JSON object, as every other route answers it.
    JsonInput.of(ctx);
    if (!(ctx.body().asJsonObject().getValue("public") instanceof Boolean open)) {
      throw AppError.invalid("public", "not_boolean");
    }
    return evaluations
        .setPublic(actor, ctx.pathParam("community"), open)
        .map(EvaluationJson::publicity);
  }

  private Future<JsonObject> overview(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    Period period = period(ctx);
    return evaluations.overview(actor, period).map(rows -> EvaluationJson.overview(period, rows));
  }
}
