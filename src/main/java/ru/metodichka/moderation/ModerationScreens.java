package ru.metodichka.moderation;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
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
 * reason the teacher will read), and how many pages wait in the review queue ({@code
 * /moderation/review}). The header counts both on every screen.
 */
public final class ModerationScreens implements Screens {
  private final Templates templates;
  private final JoinRequestService requests;
  private final ReviewQueue queue;

  public ModerationScreens(Templates templates, JoinRequestService requests, ReviewQueue queue) {
    this.templates = templates;
    this.requests = requests;
    this.queue = queue;
  }

  @Override
  public void mount(Router router) {
    router.get("/moderation").handler(this::desk);
    router.get("/moderation/review").handler(this::reviewQueue);
  }

  /**
   * {@code /moderation/review}: the pages waiting for the moderator's review, each with the diff
   * from the reviewed revision (or its checklist) and the forms that review, publish or return it
   * and come back here.
   */
  private void reviewQueue(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    if (actor.anonymous()) {
      ctx.redirect("/login?back=/moderation/review");
      return;
    }
    queue
        .of(actor)
        .onSuccess(
            items -> {
              Ui ui = templates.ui(ctx);
              String notice = "";
              for (String done : List.of("reviewed", "returned")) {
                if (ctx.request().getParam(done) != null) {
                  notice = "review.notice." + done;
                }
              }
              templates.render(
                  ctx,
                  "moderation/review.jte",
                  Map.of(
                      "items",
                      items,
                      "notice",
                      notice,
                      "crumbs",
                      Crumb.of(
                          new Crumb(ui.t("nav.home"), "/"),
                          new Crumb(ui.t("moderation.title"), "/moderation"),
                          Crumb.here(ui.t("queue.title")))));
            })
        .onFailure(ctx::fail);
  }

  private void desk(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    if (actor.anonymous()) {
      ctx.redirect("/login?back=/moderation");
      return;
    }
    var waitingRequests = requests.waiting(actor);
    var reviews = queue.count(actor);
    Future.all(waitingRequests, reviews)
        .onSuccess(
            all -> {
              var waiting = waitingRequests.result();
              Ui ui = templates.ui(ctx);
              String done = ctx.request().getParam("joined");
              templates.render(
                  ctx,
                  "moderation/desk.jte",
                  Map.of(
                      "requests",
                      waiting,
                      "reviews",
                      reviews.result(),
                      "notice",
                      done == null || !done.matches("approved|rejected") ? "" : "join.done." + done,
                      "crumbs",
                      Crumb.of(
                          new Crumb(ui.t("nav.home"), "/"), Crumb.here(ui.t("moderation.title")))));
            })
        .onFailure(ctx::fail);
  }
}
