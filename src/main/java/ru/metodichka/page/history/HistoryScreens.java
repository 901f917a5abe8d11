package ru.metodichka.page.history;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.Page;
import ru.metodichka.page.PageScreens;
import ru.metodichka.page.VisiblePage;
import ru.metodichka.render.Outline;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * A page's history for people: the list of revisions with a form to compare any two, one old
 * revision, and two revisions side by side. Reverting is {@link RevertScreens}.
 */
public final class HistoryScreens implements Screens {
  static final String PAGE = "/c/:community/:slug";
  private static final int PAGE_SIZE = 50;
  private final Templates templates;
  private final HistoryReader history;

  public HistoryScreens(Templates templates, HistoryReader history) {
    this.templates = templates;
    this.history = history;
  }

  @Override
  public void mount(Router router) {
    router.get(PAGE + "/history").handler(this::history);
    router.get(PAGE + "/revisions/:number").handler(this::revision);
    router.get(PAGE + "/diff").handler(this::diff);
  }

  private void history(RoutingContext ctx) {
    int before = RequestParams.optionalInt(ctx, "before", 1, Integer.MAX_VALUE, Integer.MAX_VALUE);
    int limit = RequestParams.optionalInt(ctx, "limit", 1, 500, PAGE_SIZE);
    history
        .history(CurrentUser.of(ctx), community(ctx), slug(ctx), before, limit)
        .onSuccess(h -> showHistory(ctx, h, before, limit))
        .onFailure(ctx::fail);
  }

  private void showHistory(RoutingContext ctx, PageHistory h, int before, int limit) {
    Ui ui = templates.ui(ctx);
    var revisions = h.revisions();
    Page page = h.visible().page();
    String list =
        path(h.visible().community().slug(), page.slug())
            + "/history?"
            + (limit == PAGE_SIZE ? "" : "limit=" + limit + "&");
    // Numbers run 1, 2, 3… without gaps, so the oldest row shown says whether older ones exist.
    int oldest = revisions.isEmpty() ? 1 : revisions.getLast().number();
    Map<String, Object> model = new HashMap<>();
    model.put("history", h);
    model.put("newest", before == Integer.MAX_VALUE);
    model.put("older", oldest > 1 ? list + "before=" + oldest : null);
    model.put("newer", before == Integer.MAX_VALUE ? null : list.substring(0, list.length() - 1));
    model.put("crumbs", crumbs(ui, h.visible(), Crumb.here(ui.t("history.title"))));
    templates.render(ctx, "page/history.jte", model);
  }

  private void revision(RoutingContext ctx) {
    int number = RequestParams.pathInt(ctx, "number", 1, Integer.MAX_VALUE);
    history
        .revision(CurrentUser.of(ctx), community(ctx), slug(ctx), number)
        .onSuccess(
            r -> {
              Ui ui = templates.ui(ctx);
              String html = Outline.withoutTitleHeading(r.html(), r.revision().title());
              templates.render(
                  ctx,
                  "page/revision.jte",
                  Map.of(
                      "revision",
                      r,
                      "html",
                      html,
                      "crumbs",
                      crumbs(
                          ui,
                          r.visible(),
                          historyCrumb(ui, r.visible()),
                          Crumb.here(ui.t("history.revision", number)))));
            })
        .onFailure(ctx::fail);
  }

  private void diff(RoutingContext ctx) {
    int from = RequestParams.requiredInt(ctx, "from", 1, Integer.MAX_VALUE);
    int to = RequestParams.requiredInt(ctx, "to", 1, Integer.MAX_VALUE);
    history
        .compare(CurrentUser.of(ctx), community(ctx), slug(ctx), from, to)
        .onSuccess(
            c -> {
              Ui ui = templates.ui(ctx);
              String here = ui.t("history.diff.crumb", c.from().number(), c.to().number());
              templates.render(
                  ctx,
                  "page/diff.jte",
                  Map.of(
                      "diff",
                      c,
                      "crumbs",
                      crumbs(ui, c.visible(), historyCrumb(ui, c.visible()), Crumb.here(here))));
            })
        .onFailure(ctx::fail);
  }

  static Crumb historyCrumb(Ui ui, VisiblePage v) {
    return new Crumb(
        ui.t("history.title"), "/c/" + v.community().slug() + "/" + v.page().slug() + "/history");
  }

  /** Home › community › page › {@code more}. */
  static List<Crumb> crumbs(Ui ui, VisiblePage v, Crumb... more) {
    return PageScreens.crumbs(ui, v.community(), v.page().slug(), v.page().title(), more);
  }

  /** The page's address for a Location header, which must be ASCII: each segment encoded. */
  static String path(String community, String slug) {
    return Redirect.encoded("/c/" + community + "/" + slug);
  }

  static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  static String slug(RoutingContext ctx) {
    return ctx.pathParam("slug");
  }
}
