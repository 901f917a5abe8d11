package ru.metodichka.oidc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;

/**
 * {@code POST /api/users/{login}/identities}: an administrator links an identity of an OpenID
 * Connect provider ({@code issuer}, {@code subject}) to an existing account, so that person signs
 * in through the provider into the account they already have.
 */
public final class IdentityRoutes implements ApiRoutes {
  private final OidcService oidc;

  public IdentityRoutes(OidcService oidc) {
    this.oidc = oidc;
  }

  @Override
  public void mount(Router api) {
    api.post("/users/:login/identities").consumes("application/json").respond(this::link);
  }

  private Future<JsonObject> link(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    JsonInput in = JsonInput.of(ctx);
    String issuer = in.requiredText("issuer", 500);
    String subject = in.requiredText("subject", 255);
    in.validate();
    return oidc.link(actor, ctx.pathParam("login"), issuer, subject)
        .map(
            linked -> {
              ctx.response().setStatusCode(201);
              return new JsonObject()
                  .put("login", linked.login())
                  .put("issuer", linked.issuer())
                  .put("subject", linked.subject());
            });
  }
}
