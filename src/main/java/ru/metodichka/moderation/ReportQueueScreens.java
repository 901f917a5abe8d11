package ru.metodichka.moderation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.report.NewReport;
import ru.metodichka.report.ReportService;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /moderation/reports}: the ethics reports of the communities a moderator moderates (an
 * administrator's: all) — the open ones with the form that resolves each (dismiss, hide the comment
 * or revision, revert the page, with a note for the reporter) and the history of resolved ones.
 */
public final class ReportQueueScreens implements Screens {
  private final Templates templates;
  private final ReportService reports;

  public ReportQueueScreens(Templates templates, ReportService reports) {
    this.templates = templates;
    this.reports = reports;
  }

  @Override
  public void mount(Router router) {
    router.get("/moderation/reports").handler(this::queue);
    router.post("/moderation/reports/:id/resolve").handler(this::resolve);
  }

  private void queue(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    if (actor.anonymous()) {
      ctx.redirect("/login?back=/moderation/reports");
      return;
    }
    var open = reports.queue(actor, "open");
    var resolved = reports.queue(actor, "resolved");
    Future.all(open, resolved)
        .onSuccess(
            all -> {
              Ui ui = templates.ui(ctx);
              templates.render(
                  ctx,
                  "moderation/reports.jte",
                  Map.of(
                      "open",
                      open.result(),
                      "resolved",
                      resolved.result(),
                      "notice",
                      ctx.request().getParam("resolved") != null ? "report.notice.resolved" : "",
                      "crumbs",
                      Crumb.of(
                          new Crumb(ui.t("nav.home"), "/"),
                          new Crumb(ui.t("moderation.title"), "/moderation"),
                          Crumb.here(ui.t("report.queue")))));
            })
        .onFailure(ctx::fail);
  }

  private void resolve(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
    JsonObject body =
        new JsonObject()
            .put("action", ctx.request().getFormAttribute("action"))
            .put("note", ctx.request().getFormAttribute("note"));
    NewReport.Resolution resolution = NewReport.resolution(JsonInput.of(body));
    reports
        .resolve(actor, id, resolution)
        .onSuccess(r -> Redirect.seeOther(ctx, "/moderation/reports?resolved=1#report-" + id))
        .onFailure(ctx::fail);
  }
}
