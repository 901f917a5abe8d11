package ru.metodichka.moderation;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.JoinRequestService;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /moderation}: what waits for a moderator's decision in the communities they moderate (an
 * administrator's: everywhere) — join requests, each with «принять» and «отклонить» (with the
 * reason the teacher will read). The header counts them on every screen.
 */
public final class ModerationScreens implements Screens {
  private final Templates templates;
  private final JoinRequestService requests;

  public ModerationScreens(Templates templates, JoinRequestService requests) {
    this.templates = templates;
    this.requests = requests;
  }

  @Override
  public void mount(Router router) {
    router.get("/moderation").handler(this::desk);
  }

  private void desk(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    if (actor.anonymous()) {
      ctx.redirect("/login?back=/moderation");
      return;
    }
    requests
        .waiting(actor)
        .onSuccess(
            waiting -> {
              Ui ui = templates.ui(ctx);
              String done = ctx.request().getParam("joined");
              templates.render(
                  ctx,
                  "moderation/desk.jte",
                  Map.of(
                      "requests",
                      waiting,
                      "notice",
                      done == null || !done.matches("approved|rejected") ? "" : "join.done." + done,
                      "crumbs",
                      Crumb.of(
                          new Crumb(ui.t("nav.home"), "/"), Crumb.here(ui.t("moderation.title")))));
            })
        .onFailure(ctx::fail);
  }
}
