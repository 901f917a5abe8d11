package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Locales;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * The page's lifecycle on screen: the rename and move forms, and the retire and restore buttons of
 * the page screen. A refused form comes back with what was typed and why; a done act goes to the
 * page where it now is, which says once what happened.
 */
public final class LifecycleScreens implements Screens {
  private static final String PAGE = "/c/:community/:slug";
  private final Templates templates;
  private final PageReader reader;
  private final LifecycleService lifecycle;
  private final CommunityService communities;

  public LifecycleScreens(
      Templates templates,
      PageReader reader,
      LifecycleService lifecycle,
      CommunityService communities) {
    this.templates = templates;
    this.reader = reader;
    this.lifecycle = lifecycle;
    this.communities = communities;
  }

  @Override
  public void mount(Router router) {
    router.get(PAGE + "/rename").handler(this::renameForm);
    router.post(PAGE + "/rename").handler(this::rename);
    router.get(PAGE + "/move").handler(this::moveForm);
    router.post(PAGE + "/move").handler(this::move);
    router
        .post(PAGE + "/retire")
        .handler(
            ctx -> act(ctx, "retired", lifecycle.retire(actor(ctx), community(ctx), slug(ctx))));
    router
        .post(PAGE + "/restore")
        .handler(
            ctx -> act(ctx, "restored", lifecycle.restore(actor(ctx), community(ctx), slug(ctx))));
  }

  private void renameForm(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    reader
        .visible(actor, community(ctx), slug(ctx))
        .map(LifecycleScreens::mayRename)
        .onSuccess(v -> showRename(ctx, 200, v, v.page().title(), v.page().slug(), List.of()))
        .onFailure(ctx::fail);
  }

  private void rename(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    String title = form(ctx, "title");
    String slug = form(ctx, "slug");
    lifecycle
        .rename(actor, community(ctx), slug(ctx), title, slug)
        .onSuccess(placed -> done(ctx, placed, "renamed"))
        .onFailure(
            failure ->
                refused(
                    ctx,
                    actor,
                    failure,
                    (v, status, errors) ->
                        showRename(ctx, status, v, orEmpty(title), orEmpty(slug), errors)));
  }

  private void moveForm(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    reader
        .visible(actor, community(ctx), slug(ctx))
        .map(LifecycleScreens::mayMove)
        .onSuccess(v -> showMove(ctx, 200, v, "", "", List.of()))
        .onFailure(ctx::fail);
  }

  private void move(RoutingContext ctx) {
    CurrentUser actor = actor(ctx);
    String target = form(ctx, "community");
    String slug = form(ctx, "slug");
    lifecycle
        .move(actor, community(ctx), slug(ctx), target, slug)
        .onSuccess(placed -> done(ctx, placed, "moved"))
        .onFailure(
            failure ->
                refused(
                    ctx,
                    actor,
                    failure,
                    (v, status, errors) ->
                        showMove(ctx, status, v, orEmpty(target), orEmpty(slug), errors)));
  }

  private void showRename(
      RoutingContext ctx,
      int status,
      VisiblePage page,
      String title,
      String slug,
      List<String> errors) {
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("title", title);
    model.put("slug", slug);
    model.put("errors", errors);
    model.put("crumbs", crumbs(ctx, page, "lifecycle.rename"));
    templates.render(ctx, status, "page/rename.jte", model);
  }

  private void showMove(
      RoutingContext ctx,
      int status,
      VisiblePage page,
      String chosen,
      String slug,
      List<String> errors) {
    communities
        .moderated(page.access().user())
        .onSuccess(
            all -> {
              Map<String, Object> model = new HashMap<>();
              model.put("page", page);
              model.put(
                  "targets", all.stream().filter(c -> c.id() != page.community().id()).toList());
              model.put("chosen", chosen);
              model.put("slug", slug);
              model.put("errors", errors);
              model.put("crumbs", crumbs(ctx, page, "lifecycle.move"));
              templates.render(ctx, status, "page/move.jte", model);
            })
        .onFailure(ctx::fail);
  }

  /**
   * A form's refusal people can act on (422: a field; 409: an address taken, a page retired) is
   * shown on the form, for the page as it is now, with what was typed; anything else is the error
   * page.
   */
  private void refused(RoutingContext ctx, CurrentUser actor, Throwable failure, Again again) {
    if (failure instanceof AppError error && (error.status() == 422 || error.status() == 409)) {
      var locale = Locales.of(ctx);
      List<String> errors =
          error.fieldErrors().isEmpty()
              ? List.of(Problems.toJson(error, locale).getString("detail"))
              : error.fieldErrors().stream().map(e -> Problems.fieldMessage(e, locale)).toList();
      reader
          .visible(actor, community(ctx), slug(ctx))
          .onSuccess(page -> again.show(page, error.status(), errors))
          .onFailure(ctx::fail);
    } else {
      ctx.fail(failure);
    }
  }

  /** Shows a form again for the page with a status and the messages of a refusal. */
  @FunctionalInterface
  private interface Again {
    void show(VisiblePage page, int status, List<String> errors);
  }

  private static String orEmpty(String typed) {
    return typed == null ? "" : typed;
  }

  private static void act(RoutingContext ctx, String done, Future<LifecycleService.Placed> act) {
    act.onSuccess(placed -> done(ctx, placed, done)).onFailure(ctx::fail);
  }

  /** 303 to the page where it is now, which says once what happened. */
  private static void done(RoutingContext ctx, LifecycleService.Placed placed, String what) {
    Redirect.seeOther(ctx, placed.path() + "?" + what + "=1");
  }

  private static VisiblePage mayRename(VisiblePage v) {
    v.access().requireEditor();
    if (v.page().published()) {
      v.access().requireModerator();
    }
    return v;
  }

  private static VisiblePage mayMove(VisiblePage v) {
    v.access().requireModerator();
    return v;
  }

  private List<Crumb> crumbs(RoutingContext ctx, VisiblePage page, String here) {
    Ui ui = templates.ui(ctx);
    return PageScreens.crumbs(
        ui, page.community(), page.page().slug(), page.page().title(), Crumb.here(ui.t(here)));
  }

  private static CurrentUser actor(RoutingContext ctx) {
    return CurrentUser.of(ctx).requireLoggedIn();
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static String slug(RoutingContext ctx) {
    return ctx.pathParam("slug");
  }

  private static String form(RoutingContext ctx, String name) {
    return ctx.request().getFormAttribute(name);
  }
}
