package ru.metodichka.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.Profile;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserMembership;
import ru.metodichka.auth.UserService;
import ru.metodichka.db.Rows;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;

/** {@code POST /api/users} (administrators) and {@code GET /api/users/me}. */
public final class UserRoutes implements ApiRoutes {
  private final UserService users;

  public UserRoutes(UserService users) {
    this.users = users;
  }

  @Override
  public void mount(Router api) {
    api.post("/users").consumes("application/json").respond(this::create);
    api.get("/users/me").respond(ctx -> users.me(CurrentUser.of(ctx)).map(UserRoutes::json));
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    NewUser user = NewUserInput.from(JsonInput.of(ctx));
    return users
        .create(actor, user)
        .map(
            created -> {
              ctx.response()
                  .setStatusCode(201)
                  .putHeader("Location", "/api/users/" + created.login());
              return json(created);
            });
  }

  /** An account as the API shows it (no credentials). */
  public static JsonObject json(User user) {
    return new JsonObject()
        .put("login", user.login())
        .put("name", user.name())
        .put("email", user.email())
        .put("institution", user.institution())
        .put("position", user.position())
        .put("admin", user.admin())
        .put("methodist", user.methodist())
        .put("authSource", user.authSource())
        .put("createdAt", Rows.time(user.createdAt()));
  }

  /**
   * The caller's profile: the account and {@code memberships: [{community, name, role, since}]}.
   */
  static JsonObject json(Profile profile) {
    JsonArray memberships = new JsonArray();
    for (UserMembership m : profile.memberships()) {
      memberships.add(
          new JsonObject()
              .put("community", m.community())
              .put("name", m.communityName())
              .put("role", m.role())
              .put("since", Rows.time(m.since())));
    }
    return json(profile.user()).put("memberships", memberships);
  }
}
