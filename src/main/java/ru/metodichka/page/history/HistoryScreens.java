package ru.metodichka.page.history;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.PageScreens;
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

  private void showHistory(RoutingContext ctx, JsonObject h, int before, int limit) {
    Ui ui = templates.ui(ctx);
    var revisions = h.getJsonArray("revisions");
    String list =
        path(h.getString("community"), h.getString("slug"))
            + "/history?"
            + (limit == PAGE_SIZE ? "" : "limit=" + limit + "&");
    // Numbers run 1, 2, 3… without gaps, so the oldest row shown says whether older ones exist.
    int oldest =
        revisions.isEmpty()
            ? 1
            : revisions.getJsonObject(revisions.size() - 1).getInteger("revision");
    Map<String, Object> model = new HashMap<>();
    model.put("history", h);
    model.put("newest", before == Integer.MAX_VALUE);
    model.put("older", oldest > 1 ? list + "before=" + oldest : null);
    model.put("newer", before == Integer.MAX_VALUE ? null : list.substring(0, list.length() - 1));
    model.put("crumbs", PageScreens.crumbs(ui, h, Crumb.here(ui.t("history.title"))));
    templates.render(ctx, "page/history.jte", model);
  }

  private void revision(RoutingContext ctx) {
    int number = RequestParams.pathInt(ctx, "number", 1, Integer.MAX_VALUE);
    history
        .revision(CurrentUser.of(ctx), community(ctx), slug(ctx), number)
        .onSuccess(
            r -> {
              Ui ui = templates.ui(ctx);
              JsonObject page = r.getJsonObject("page");
              String html = Outline.withoutTitleHeading(r.getString("html"), r.getString("title"));
              templates.render(
                  ctx,
                  "page/revision.jte",
                  Map.of(
                      "revision",
                      r,
                      "html",
                      html,
                      "crumbs",
                      PageScreens.crumbs(
                          ui,
                          page,
                          historyCrumb(ui, page),
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
              String here =
                  ui.t(
                      "history.diff.crumb",
                      c.from().getInteger("revision"),
                      c.to().getInteger("revision"));
              templates.render(
                  ctx,
                  "page/diff.jte",
                  Map.of(
                      "diff",
                      c,
                      "crumbs",
                      PageScreens.crumbs(
                          ui, c.page(), historyCrumb(ui, c.page()), Crumb.here(here))));
            })
        .onFailure(ctx::fail);
  }

  static Crumb historyCrumb(Ui ui, JsonObject page) {
    return new Crumb(ui.t("history.title"), base(page) + "/history");
  }

  /** The page's address as templates write it (browsers encode Cyrillic in links themselves). */
  private static String base(JsonObject page) {
    return "/c/" + page.getString("community") + "/" + page.getString("slug");
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
