package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /me/notifications} (one's notifications, newest first, «Отметить прочитанными»), {@code
 * /me/notifications/settings} (e-mail per kind: at once, daily digest or not at all; watching
 * edited pages; what one watches, with «Не следить»), {@code POST /watch} (the «Следить» buttons)
 * and {@code /unsubscribe} (the e-mails' unsubscribe link: a confirmation without login).
 */
public final class NotificationScreens implements Screens {
  private final Templates templates;
  private final Inbox inbox;
  private final WatchService watches;

  public NotificationScreens(Templates templates, Inbox inbox, WatchService watches) {
    this.templates = templates;
    this.inbox = inbox;
    this.watches = watches;
  }

  @Override
  public void mount(Router router) {
    router.get("/me/notifications").handler(this::list);
    router.post("/me/notifications/read").handler(this::read);
    router.get("/me/notifications/settings").handler(this::settings);
    router.post("/me/notifications/settings").handler(this::choose);
    router.post("/watch").handler(this::watch);
    router.post("/unwatch").handler(this::unwatch);
    router.get("/unsubscribe").handler(this::unsubscribePage);
    router.post("/unsubscribe").handler(this::unsubscribe);
  }

  private static boolean loginFirst(RoutingContext ctx, String back) {
    if (CurrentUser.of(ctx).anonymous()) {
      ctx.redirect("/login?back=" + back);
      return true;
    }
    return false;
  }

  private void list(RoutingContext ctx) {
    if (loginFirst(ctx, "/me/notifications")) {
      return;
    }
    CurrentUser actor = CurrentUser.of(ctx);
    long before = RequestParams.optionalInt(ctx, "before", 1, Integer.MAX_VALUE, 0);
    inbox
        .list(actor, before, Inbox.PAGE)
        .onSuccess(
            items -> {
              Ui ui = templates.ui(ctx);
              Long older = items.size() == Inbox.PAGE ? items.getLast().id() : null;
              templates.render(
                  ctx,
                  "notification/list.jte",
                  Map.of(
                      "items",
                      items,
                      "older",
                      older == null ? 0L : older,
                      "crumbs",
                      Crumb.of(
                          new Crumb(ui.t("nav.home"), "/"),
                          new Crumb(ui.user().name(), "/me"),
                          Crumb.here(ui.t("notification.title")))));
            })
        .onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String id = ctx.request().getFormAttribute("id");
    List<Long> ids = id == null ? null : List.of(parseId(id));
    inbox
        .markRead(actor, ids)
        .onSuccess(n -> Redirect.seeOther(ctx, "/me/notifications"))
        .onFailure(ctx::fail);
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void settings(RoutingContext ctx) {
    if (loginFirst(ctx, "/me/notifications/settings")) {
      return;
    }
    CurrentUser actor = CurrentUser.of(ctx);
    var deliveries = inbox.deliveries(actor);
    var auto = watches.autoWatch(actor);
    var mine = watches.mine(actor);
    Future.all(deliveries, auto, mine)
        .onSuccess(
            all -> {
              Ui ui = templates.ui(ctx);
              templates.render(
                  ctx,
                  "notification/settings.jte",
                  Map.of(
                      "deliveries",
                      deliveries.result(),
                      "autoWatch",
                      auto.result(),
                      "watches",
                      mine.result(),
                      "saved",
                      ctx.request().getParam("saved") != null,
                      "crumbs",
                      Crumb.of(
                          new Crumb(ui.t("nav.home"), "/"),
                          new Crumb(ui.t("notification.title"), "/me/notifications"),
                          Crumb.here(ui.t("notification.settings")))));
            })
        .onFailure(ctx::fail);
  }

  private void choose(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    Map<NotificationKind, Delivery> choices = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      String value = ctx.request().getFormAttribute("delivery." + kind.code());
      if (value != null) {
        Delivery.of(value).ifPresent(d -> choices.put(kind, d));
      }
    }
    boolean auto = ctx.request().getFormAttribute("autoWatch") != null;
    watches
        .setAutoWatch(actor, auto)
        .compose(v -> inbox.choose(actor, choices))
        .onSuccess(v -> Redirect.seeOther(ctx, "/me/notifications/settings?saved"))
        .onFailure(ctx::fail);
  }

  private void watch(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String community = ctx.request().getFormAttribute("community");
    String slug = blankToNull(ctx.request().getFormAttribute("slug"));
    watches
        .watch(actor, community == null ? "" : community, slug)
        .onSuccess(v -> Redirect.seeOther(ctx, back(ctx)))
        .onFailure(ctx::fail);
  }

  private void unwatch(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String community = ctx.request().getFormAttribute("community");
    String slug = blankToNull(ctx.request().getFormAttribute("slug"));
    watches
        .unwatch(actor, community == null ? "" : community, slug)
        .onSuccess(v -> Redirect.seeOther(ctx, back(ctx)))
        .onFailure(ctx::fail);
  }

  private static String back(RoutingContext ctx) {
    return Templates.localPath(
        ctx.request().getFormAttribute("back"), "/me/notifications/settings");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private void unsubscribePage(RoutingContext ctx) {
    String token = ctx.request().getParam("token");
    var scope = inbox.scopeOf(token);
    templates.render(
        ctx,
        scope.isPresent() ? 200 : 404,
        "notification/unsubscribe.jte",
        Map.of(
            "token",
            token == null ? "" : token,
            "scope",
            scope.orElse(""),
            "valid",
            scope.isPresent(),
            "done",
            false));
  }

  private void unsubscribe(RoutingContext ctx) {
    String token = ctx.request().getFormAttribute("token");
    inbox
        .unsubscribe(token)
        .onSuccess(
            user ->
                templates.render(
                    ctx,
                    user.isPresent() ? 200 : 404,
                    "notification/unsubscribe.jte",
                    Map.of(
                        "token",
                        "",
                        "scope",
                        inbox.scopeOf(token).orElse(""),
                        "valid",
                        user.isPresent(),
                        "done",
                        user.isPresent())))
        .onFailure(ctx::fail);
  }
}
