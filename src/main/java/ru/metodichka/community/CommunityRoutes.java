package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;
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
        .respond(ctx -> communities.list().map(list -> items(list, CommunityRoutes::json)));
    api.get("/communities/:community")
        .respond(
            ctx -> communities.describe(ctx.pathParam("community")).map(CommunityRoutes::json));
    api.get("/communities/:community/members")
        .respond(
            ctx ->
                communities
                    .members(ctx.pathParam("community"))
                    .map(list -> items(list, CommunityRoutes::json)));
    api.get("/communities/:community/members/history")
        .respond(
            ctx ->
                communities
                    .history(CurrentUser.of(ctx), ctx.pathParam("community"))
                    .map(list -> items(list, CommunityRoutes::json)));
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
              return json(created).put("memberCount", 0);
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

  private static <T> JsonObject items(List<T> items, Function<T, JsonObject> json) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(json.apply(item)));
    return new JsonObject().put("items", array);
  }

  static JsonObject json(Community c) {
    return new JsonObject()
        .put("slug", c.slug())
        .put("name", c.name())
        .put("task", c.task())
        .put("description", c.description())
        .put("status", c.status().code())
        .put("createdAt", Rows.time(c.createdAt()));
  }

  static JsonObject json(CommunitySummary summary) {
    return json(summary.community()).put("memberCount", summary.memberCount());
  }

  static JsonObject json(CommunityProfile profile) {
    JsonArray moderators = new JsonArray();
    profile.moderators().forEach(m -> moderators.add(json(m)));
    return json(profile.community())
        .put("moderators", moderators)
        .put("memberCount", profile.memberCount());
  }

  static JsonObject json(Person person) {
    return new JsonObject().put("login", person.login()).put("name", person.name());
  }

  static JsonObject json(Membership m) {
    return new JsonObject()
        .put("login", m.person().login())
        .put("name", m.person().name())
        .put("role", m.role().code())
        .put("status", m.status())
        .put("since", Rows.time(m.since()))
        .put("until", Rows.time(m.until()))
        .put("endReason", m.endReason())
        .put("endedBy", m.endedBy() == null ? null : json(m.endedBy()))
        .put("endNote", m.endNote())
        .put("order", json(m.order()))
        .put("endOrder", json(m.endOrder()));
  }

  private static JsonObject json(Membership.Order order) {
    return order == null
        ? null
        : new JsonObject().put("number", order.number()).put("date", order.date().toString());
  }

  private void endMembership(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    String login = ctx.pathParam("login");
    communities
        .endMembership(
            actor,
            ctx.pathParam("community"),
            login,
            ctx.queryParams().get("reason"),
            ctx.queryParams().get("note"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
