package ru.metodichka.community;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/**
 * The forms of joining by request: «Вступить» on a community's page, withdrawing on {@code /me},
 * approving and rejecting in the moderator's queue. Each posts, acts, and goes back where it came
 * from (303, so a reload does not post again) with a notice.
 */
public final class JoinRequestScreens implements Screens {
  private static final String REQUEST = "/c/:community/join-requests/:id";
  private final JoinRequestService requests;

  public JoinRequestScreens(JoinRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void mount(Router router) {
    router.post("/c/:community/join").handler(this::ask);
    router.post(REQUEST + "/withdraw").handler(this::withdraw);
    router.post(REQUEST + "/approve").handler(this::approve);
    router.post(REQUEST + "/reject").handler(this::reject);
  }

  private void ask(RoutingContext ctx) {
    String community = ctx.pathParam("community");
    requests
        .ask(CurrentUser.of(ctx).requireLoggedIn(), community, form(ctx, "message"))
        .onSuccess(r -> back(ctx, "/c/" + community, "requested"))
        .onFailure(ctx::fail);
  }

  private void withdraw(RoutingContext ctx) {
    requests
        .withdraw(CurrentUser.of(ctx).requireLoggedIn(), ctx.pathParam("community"), id(ctx))
        .onSuccess(v -> back(ctx, "/me", "withdrawn"))
        .onFailure(ctx::fail);
  }

  private void approve(RoutingContext ctx) {
    requests
        .approve(CurrentUser.of(ctx).requireLoggedIn(), ctx.pathParam("community"), id(ctx))
        .onSuccess(r -> back(ctx, "/moderation", "approved"))
        .onFailure(ctx::fail);
  }

  private void reject(RoutingContext ctx) {
    requests
        .reject(
            CurrentUser.of(ctx).requireLoggedIn(),
            ctx.pathParam("community"),
            id(ctx),
            form(ctx, "reason"))
        .onSuccess(r -> back(ctx, "/moderation", "rejected"))
        .onFailure(ctx::fail);
  }

  /** 303 to the form's {@code back} (a path on this site) or the default, with a notice. */
  private static void back(RoutingContext ctx, String fallback, String done) {
    String to = Templates.localPath(ctx.request().getFormAttribute("back"), fallback);
    String separator = to.contains("?") ? "&" : "?";
    Redirect.seeOther(ctx, to + separator + "joined=" + done);
  }

  private static String form(RoutingContext ctx, String name) {
    return ctx.request().getFormAttribute(name);
  }

  private static long id(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw AppError.badRequest("bad_parameter", "id", 1, Integer.MAX_VALUE);
    }
  }
}
