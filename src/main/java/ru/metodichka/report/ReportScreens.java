package ru.metodichka.report;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * The «Пожаловаться» forms of pages, revisions and comments ({@code POST /reports}, back to what
 * was reported with a notice) and {@code /me/reports}, where a reporter reads the outcome of each.
 */
public final class ReportScreens implements Screens {
  private final Templates templates;
  private final ReportService reports;

  public ReportScreens(Templates templates, ReportService reports) {
    this.templates = templates;
    this.reports = reports;
  }

  @Override
  public void mount(Router router) {
    router.post("/reports").handler(this::report);
    router.get("/me/reports").handler(this::mine);
  }

  private void report(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonObject target =
        new JsonObject()
            .put("kind", form(ctx, "kind"))
            .put("community", form(ctx, "community"))
            .put("slug", form(ctx, "slug"));
    number(ctx, "revision", target);
    number(ctx, "comment", target);
    JsonObject body =
        new JsonObject()
            .put("target", target)
            .put("reason", form(ctx, "reason"))
            .put("text", form(ctx, "text"));
    NewReport report = NewReport.from(JsonInput.of(body));
    reports
        .report(actor, report)
        .onSuccess(
            r -> {
              String page = "/c/" + r.community() + "/" + r.slug();
              Redirect.seeOther(
                  ctx,
                  switch (r.targetKind()) {
                    case "revision" -> page + "/revisions/" + r.revision() + "?reported=1";
                    case "comment" -> page + "?reported=1#comment-" + r.commentId();
                    default -> page + "?reported=1#discussion";
                  });
            })
        .onFailure(ctx::fail);
  }

  private static void number(RoutingContext ctx, String name, JsonObject target) {
    String raw = form(ctx, name);
    if (raw != null && raw.matches("\\d{1,9}")) {
      target.put(name, Integer.parseInt(raw));
    }
  }

  private void mine(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    if (actor.anonymous()) {
      ctx.redirect("/login?back=/me/reports");
      return;
    }
    reports
        .mine(actor)
        .onSuccess(
            list -> {
              Ui ui = templates.ui(ctx);
              templates.render(
                  ctx,
                  "report/mine.jte",
                  Map.of(
                      "reports",
                      list,
                      "crumbs",
                      Crumb.of(
                          new Crumb(ui.t("nav.home"), "/"),
                          new Crumb(ui.t("history.me.title"), "/me"),
                          Crumb.here(ui.t("report.mine")))));
            })
        .onFailure(ctx::fail);
  }

  private static String form(RoutingContext ctx, String name) {
    return ctx.request().getFormAttribute(name);
  }
}
