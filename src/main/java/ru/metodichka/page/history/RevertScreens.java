package ru.metodichka.page.history;

import static ru.metodichka.page.history.HistoryScreens.community;
import static ru.metodichka.page.history.HistoryScreens.historyCrumb;
import static ru.metodichka.page.history.HistoryScreens.slug;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.page.PageService;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * Restoring an older revision: {@code GET .../revert?to=N} asks first (so it works without
 * scripts), {@code POST .../revert} appends a revision with that text and goes back to the page.
 */
public final class RevertScreens implements Screens {
  private final Templates templates;
  private final HistoryReader history;
  private final PageService service;

  public RevertScreens(Templates templates, HistoryReader history, PageService service) {
    this.templates = templates;
    this.history = history;
    this.service = service;
  }

  @Override
  public void mount(Router router) {
    router.get(HistoryScreens.PAGE + "/revert").handler(this::confirmRevert);
    router.post(HistoryScreens.PAGE + "/revert").handler(this::revert);
  }

  private void confirmRevert(RoutingContext ctx) {
    int number = RequestParams.requiredInt(ctx, "to", 1, Integer.MAX_VALUE);
    history
        .revertable(CurrentUser.of(ctx), community(ctx), slug(ctx), number)
        .onSuccess(
            r -> {
              Ui ui = templates.ui(ctx);
              templates.render(
                  ctx,
                  "page/revert.jte",
                  Map.of(
                      "revision",
                      r,
                      "crumbs",
                      HistoryScreens.crumbs(
                          ui,
                          r.visible(),
                          historyCrumb(ui, r.visible()),
                          Crumb.here(ui.t("history.revert.crumb", number)))));
            })
        .onFailure(ctx::fail);
  }

  /** Reverts, then sends the browser to the page (303: a reload does not revert again). */
  private void revert(RoutingContext ctx) {
    int number = formInt(ctx, "to");
    String community = community(ctx);
    String slug = slug(ctx);
    service
        .revert(CurrentUser.of(ctx), community, slug, number)
        .onSuccess(
            saved -> {
              // Restoring the text the page already has appends nothing, so there is no notice.
              String notice = saved.unchanged() ? "" : "?reverted=" + number;
              Redirect.seeOther(ctx, "/c/" + community + "/" + slug + notice);
            })
        .onFailure(ctx::fail);
  }

  private static int formInt(RoutingContext ctx, String name) {
    String raw = ctx.request().getFormAttribute(name);
    if (raw == null) {
      throw AppError.badRequest("missing_parameter", name);
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, like a bad query parameter
    }
    throw AppError.badRequest("bad_parameter", name, 1, Integer.MAX_VALUE);
  }
}
