package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.RequestParams;

/**
 * {@code /api/communities/{c}/join-requests}: asking to join, withdrawing, and the moderators'
 * queue with its decisions; {@code /api/users/me/join-requests}: one's own requests.
 */
public final class JoinRequestRoutes implements ApiRoutes {
  private static final String REQUESTS = "/communities/:community/join-requests";
  private static final String REQUEST = REQUESTS + "/:id";
  private final JoinRequestService requests;

  public JoinRequestRoutes(JoinRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void mount(Router api) {
    api.post(REQUESTS).consumes("application/json").respond(this::ask);
    api.get(REQUESTS)
        .respond(
            ctx ->
                requests
                    .pending(CurrentUser.of(ctx), community(ctx))
                    .map(JoinRequestRoutes::items));
    api.delete(REQUEST).handler(this::withdraw);
    api.post(REQUEST + "/approve")
        .respond(
            ctx ->
                requests
                    .approve(CurrentUser.of(ctx), community(ctx), id(ctx))
                    .map(JoinRequestRoutes::json));
    api.post(REQUEST + "/reject").consumes("application/json").respond(this::reject);
    api.get("/users/me/join-requests")
        .respond(ctx -> requests.mine(CurrentUser.of(ctx)).map(JoinRequestRoutes::items));
  }

  private Future<JsonObject> ask(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    String message = in.optionalText("message", JoinRequestService.MAX_MESSAGE, null);
    in.validate();
    return requests
        .ask(actor, community(ctx), message)
        .map(
            request -> {
              ctx.response().setStatusCode(201);
              return json(request);
            });
  }

  private Future<JsonObject> reject(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    String reason = in.optionalText("reason", JoinRequestService.MAX_REASON, null);
    in.validate();
    return requests.reject(actor, community(ctx), id(ctx), reason).map(JoinRequestRoutes::json);
  }

  private void withdraw(RoutingContext ctx) {
    requests
        .withdraw(CurrentUser.of(ctx), community(ctx), id(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static long id(RoutingContext ctx) {
    return RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
  }

  private static JsonObject items(List<JoinRequest> list) {
    JsonArray items = new JsonArray();
    list.forEach(r -> items.add(json(r)));
    return new JsonObject().put("items", items);
  }

  static JsonObject json(JoinRequest r) {
    return new JsonObject()
        .put("id", r.id())
        .put("community", r.community())
        .put("communityName", r.communityName())
        .put("requester", CommunityRoutes.json(r.requester()))
        .put("institution", r.institution())
        .put("position", r.position())
        .put("message", r.message())
        .put("status", r.status())
        .put("requestedAt", Rows.time(r.requestedAt()))
        .put("decidedAt", Rows.time(r.decidedAt()))
        .put("decidedBy", r.decidedBy() == null ? null : CommunityRoutes.json(r.decidedBy()))
        .put("reason", r.reason());
  }
}
