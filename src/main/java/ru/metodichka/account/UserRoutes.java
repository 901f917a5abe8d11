package ru.metodichka.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.UserService;
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
    api.get("/users/me").respond(ctx -> users.me(CurrentUser.of(ctx)));
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
              return created.toJson();
            });
  }
}
