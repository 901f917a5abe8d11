package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;

/** {@code /api/communities} and their members. */
public final class CommunityRoutes implements ApiRoutes {
  private final CommunityService communities;

  public CommunityRoutes(CommunityService communities) {
    this.communities = communities;
  }

  @Override
  public void mount(Router api) {
    api.post("/communities").consumes("application/json").respond(this::create);
    api.get("/communities")
        .respond(ctx -> communities.list().map(items -> new JsonObject().put("items", items)));
    api.get("/communities/:community")
        .respond(ctx -> communities.describe(ctx.pathParam("community")));
    api.get("/communities/:community/members")
        .respond(
            ctx ->
                communities
                    .members(ctx.pathParam("community"))
                    .map(items -> new JsonObject().put("items", items)));
    api.get("/communities/:community/members/history")
        .respond(
            ctx ->
                communities
                    .history(CurrentUser.of(ctx), ctx.pathParam("community"))
                    .map(items -> new JsonObject().put("items", items)));
    api.put("/communities/:community/members/:login")
        .consumes("application/json")
        .respond(this::setRole);
    api.delete("/communities/:community/members/:login").handler(this::endMembership);
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    NewCommunity community = NewCommunity.from(JsonInput.of(ctx));
    return communities
        .create(actor, community)
        .map(
            created -> {
              ctx.response()
                  .setStatusCode(201)
                  // Percent-encoded: a Cyrillic slug would not survive a header otherwise.
                  .putHeader(
                      "Location",
                      "/api/communities/"
                          + URLEncoder.encode(created.slug(), StandardCharsets.UTF_8));
              return created.toJson().put("memberCount", 0);
            });
  }

  private Future<JsonObject> setRole(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    MemberRole request = MemberRole.from(JsonInput.of(ctx));
    String login = ctx.pathParam("login");
    return communities
        .setRole(actor, ctx.pathParam("community"), login, request)
        .map(
            change -> {
              ctx.response()
                  .setStatusCode(change == CommunityService.MembershipChange.STARTED ? 201 : 200);
              return new JsonObject()
                  .put("login", login)
                  .put("role", request.role().code())
                  .put("change", change.name().toLowerCase(java.util.Locale.ROOT));
            });
  }

  private void endMembership(RoutingContext ctx) {
    communities
        .endMembership(CurrentUser.of(ctx), ctx.pathParam("community"), ctx.pathParam("login"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
