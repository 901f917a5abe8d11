package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;

/**
 * The experts' API (§5.2): the rubric, the expert right, invitations with the independence rule, an
 * expert's reviews and submissions, and the composite of a community's reviews.
 */
public final class ExpertRoutes implements ApiRoutes {
  private static final String REVIEW = "/expert-reviews/:id";
  private final ExpertService experts;
  private final ExpertReviews reviews;
  private final RubricService rubric;

  public ExpertRoutes(ExpertService experts, ExpertReviews reviews, RubricService rubric) {
    this.experts = experts;
    this.reviews = reviews;
    this.rubric = rubric;
  }

  @Override
  public void mount(Router api) {
    api.get("/rubric").respond(ctx -> rubric.current().map(ExpertRoutes::json));
    api.put("/rubric").consumes("application/json").respond(this::editRubric);
    api.get("/experts")
        .respond(ctx -> experts.experts(CurrentUser.of(ctx)).map(ExpertJson::experts));
    api.put("/experts/:login").respond(this::grant);
    api.delete("/experts/:login").handler(this::withdraw);
    api.post("/communities/:community/expert-reviews")
        .consumes("application/json")
        .respond(this::invite);
    api.get("/communities/:community/expert-composite").respond(this::composite);
    api.get("/expert-reviews")
        .respond(ctx -> experts.mine(CurrentUser.of(ctx)).map(ExpertJson::assignments));
    api.get(REVIEW)
        .respond(ctx -> reviews.review(CurrentUser.of(ctx), id(ctx)).map(ExpertJson::details));
    api.put(REVIEW + "/submission").consumes("application/json").respond(this::submit);
  }

  private Future<JsonObject> editRubric(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    return rubric.edit(actor, RubricInput.from(JsonInput.of(ctx))).map(ExpertRoutes::json);
  }

  private Future<JsonObject> grant(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    String login = ctx.pathParam("login");
    return experts
        .setExpert(actor, login, true)
        .map(changed -> new JsonObject().put("login", login).put("changed", changed));
  }

  private void withdraw(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    experts
        .setExpert(actor, ctx.pathParam("login"), false)
        .onSuccess(changed -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> invite(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    Invitation invitation = Invitation.from(JsonInput.of(ctx), experts.zone());
    return experts
        .invite(actor, ctx.pathParam("community"), invitation)
        .map(
            id -> {
              ctx.response()
                  .setStatusCode(201)
                  .putHeader("Location", Redirect.encoded("/api/expert-reviews/" + id));
              return new JsonObject().put("id", id);
            });
  }

  private Future<JsonObject> composite(RoutingContext ctx) {
    String community = ctx.pathParam("community");
    String from = ctx.queryParams().get("from");
    String to = ctx.queryParams().get("to");
    return experts
        .composite(CurrentUser.of(ctx), community, from, to)
        .map(
            c -> {
              Period period = Period.of(from, to, experts.zone());
              return new JsonObject()
                  .put("community", community)
                  .put("from", time(period.from()))
                  .put("to", time(period.to()))
                  .put("experts", json(c));
            });
  }

  private Future<JsonObject> submit(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = id(ctx);
    JsonInput body = JsonInput.of(ctx);
    return reviews
        .submit(actor, id, body)
        .map(
            done -> {
              ctx.response().setStatusCode(done.number() == 1 ? 201 : 200);
              return ExpertJson.details(done.review()).put("submitted", done.number());
            });
  }

  private static long id(RoutingContext ctx) {
    return RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
  }

  static String time(Instant instant) {
    return instant.toString();
  }

  /**
   * The composite as the evaluation document carries it under {@code "experts"}: {@code {reviews,
   * criteria: [{code, title, mean, disagreement}], overall, recommendations: {recommend, revise,
   * reject}}}.
   */
  public static JsonObject json(Composite composite) {
    JsonArray criteria = new JsonArray();
    composite
        .criteria()
        .forEach(
            c ->
                criteria.add(
                    new JsonObject()
                        .put("code", c.code())
                        .put("title", c.title())
                        .put("mean", c.mean())
                        .put("disagreement", c.disagreement())));
    JsonObject recommendations = new JsonObject();
    for (Recommendation r : Recommendation.values()) {
      recommendations.put(r.code(), composite.recommendations().get(r));
    }
    return new JsonObject()
        .put("reviews", composite.reviews())
        .put("criteria", criteria)
        .put("overall", composite.overall())
        .put("recommendations", recommendations);
  }

  static JsonObject json(Rubric rubric) {
    JsonArray criteria = new JsonArray();
    rubric
        .criteria()
        .forEach(
            c ->
                criteria.add(
                    new JsonObject()
                        .put("code", c.code())
                        .put("title", c.title())
                        .put("description", c.description())));
    return new JsonObject()
        .put("version", rubric.version())
        .put("createdAt", ru.metodichka.db.Rows.time(rubric.createdAt()))
        .put("createdBy", ExpertJson.person(rubric.createdBy()))
        .put("criteria", criteria);
  }
}
