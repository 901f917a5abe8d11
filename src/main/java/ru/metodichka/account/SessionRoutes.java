package ru.metodichka.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.AuthService;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.AuthHandler;
import ru.metodichka.web.ClientAddress;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.SessionCookies;

/** {@code POST /api/session} logs in, {@code DELETE /api/session} logs out. */
public final class SessionRoutes implements ApiRoutes {
  private final AuthService auth;
  private final LoginRequests logins;

  public SessionRoutes(AuthService auth, ClientAddress clientAddress) {
    this(auth, clientAddress, SignInChoices.LOCAL);
  }

  public SessionRoutes(AuthService auth, ClientAddress clientAddress, SignInChoices choices) {
    this.auth = auth;
    this.logins = new LoginRequests(auth, clientAddress, choices.localLogin());
  }

  @Override
  public void mount(Router api) {
    api.post("/session").consumes("application/json").respond(this::login);
    api.delete("/session").handler(this::logout);
  }

  private Future<JsonObject> login(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String login = in.requiredText("login", 64);
    String password = in.rawText("password", 256);
    if (password == null || password.isEmpty()) {
      in.reject("password", "required");
    }
    in.validate();
    return logins
        .login(ctx, login, password)
        .map(
            session -> {
              ctx.response().putHeader("Cache-Control", "no-store");
              return new JsonObject()
                  .put("token", session.token())
                  .put("user", UserRoutes.json(session.user()));
            });
  }

  private void logout(RoutingContext ctx) {
    auth.logout(AuthHandler.token(ctx))
        .onSuccess(
            v -> ctx.response().addCookie(SessionCookies.expired(ctx)).setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
