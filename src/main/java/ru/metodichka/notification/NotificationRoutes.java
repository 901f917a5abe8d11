package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.RequestParams;

/**
 * {@code /api/watch} (watching a page or a community), {@code /api/notifications} (one's
 * notifications, marking read, the e-mail choices) and {@code /api/unsubscribe} (the one-click
 * unsubscribe of e-mails, RFC 8058: no login, the token is the authority).
 */
public final class NotificationRoutes implements ApiRoutes {
  private static final int MAX_IDS = 500;
  private final WatchService watches;
  private final Inbox inbox;

  public NotificationRoutes(WatchService watches, Inbox inbox) {
    this.watches = watches;
    this.inbox = inbox;
  }

  @Override
  public void mount(Router api) {
    api.put("/watch").consumes("application/json").handler(this::watch);
    api.delete("/watch").consumes("application/json").handler(this::unwatch);
    api.get("/watch").respond(this::watching);
    api.get("/notifications").respond(this::list);
    api.post("/notifications/read").consumes("application/json").respond(this::read);
    api.get("/notifications/settings").respond(ctx -> settings(CurrentUser.of(ctx)));
    api.put("/notifications/settings").consumes("application/json").respond(this::choose);
    api.post("/unsubscribe").handler(this::unsubscribe);
  }

  private void watch(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    Target t = target(ctx);
    watches
        .watch(actor, t.community(), t.slug())
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void unwatch(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    Target t = target(ctx);
    watches
        .unwatch(actor, t.community(), t.slug())
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static Target target(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String community = in.requiredText("community", 100);
    String slug = in.optionalText("slug", 100, null);
    in.validate();
    return new Target(community, slug);
  }

  private Future<JsonObject> watching(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    var mine = watches.mine(actor);
    var auto = watches.autoWatch(actor);
    return Future.all(mine, auto)
        .map(
            all -> {
              JsonArray items = new JsonArray();
              for (Watch w : mine.result()) {
                items.add(
                    new JsonObject()
                        .put("community", w.community())
                        .put("communityName", w.communityName())
                        .put("slug", w.page())
                        .put("title", w.title())
                        .put("auto", w.auto()));
              }
              return new JsonObject().put("items", items).put("autoWatch", auto.result());
            });
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long before = RequestParams.optionalInt(ctx, "before", 1, Integer.MAX_VALUE, 0);
    int limit = RequestParams.optionalInt(ctx, "limit", 1, 100, Inbox.PAGE);
    var page = inbox.list(actor, before, limit);
    var unread = inbox.unread(actor);
    return Future.all(page, unread)
        .map(
            all -> {
              JsonArray items = new JsonArray();
              page.result().forEach(n -> items.add(json(n)));
              List<Notification> got = page.result();
              Long next = got.size() == limit ? got.getLast().id() : null;
              return new JsonObject()
                  .put("items", items)
                  .put("unread", unread.result())
                  .put("next", next);
            });
  }

  private Future<JsonObject> read(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    boolean all = in.optionalBool("all", false);
    JsonArray given = in.optionalArray("ids");
    List<Long> ids = new ArrayList<>();
    if (given != null) {
      for (Object id : given) {
        if (!(id instanceof Number n) || n.longValue() < 1) {
          in.reject("ids", "notification_ids");
          break;
        }
        ids.add(n.longValue());
      }
      if (ids.size() > MAX_IDS) {
        in.reject("ids", "too_many_items", MAX_IDS);
      }
    }
    if (!all && given == null) {
      in.reject("ids", "notification_ids");
    }
    in.validate();
    return inbox
        .markRead(actor, all ? null : ids)
        .compose(
            marked ->
                inbox
                    .unread(actor)
                    .map(left -> new JsonObject().put("marked", marked).put("unread", left)));
  }

  private Future<JsonObject> settings(CurrentUser actor) {
    actor.requireLoggedIn();
    var deliveries = inbox.deliveries(actor);
    var auto = watches.autoWatch(actor);
    return Future.all(deliveries, auto)
        .map(
            all -> {
              JsonObject delivery = new JsonObject();
              deliveries.result().forEach((k, d) -> delivery.put(k.code(), d.code()));
              return new JsonObject().put("autoWatch", auto.result()).put("delivery", delivery);
            });
  }

  private Future<JsonObject> choose(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    JsonObject body = ctx.body().asJsonObject();
    Boolean auto = body.containsKey("autoWatch") ? in.optionalBool("autoWatch", true) : null;
    JsonObject given = in.optionalObject("delivery");
    Map<NotificationKind, Delivery> choices = new EnumMap<>(NotificationKind.class);
    if (given != null) {
      for (String key : given.fieldNames()) {
        var kind = NotificationKind.of(key);
        Optional<Delivery> delivery =
            given.getValue(key) instanceof String s ? Delivery.of(s) : Optional.empty();
        if (kind.isEmpty() || delivery.isEmpty()) {
          in.reject("delivery." + key, "one_of", "immediate, digest, off");
        } else {
          choices.put(kind.get(), delivery.get());
        }
      }
    }
    in.validate();
    Future<Void> autoSaved =
        auto == null ? Future.succeededFuture() : watches.setAutoWatch(actor, auto);
    return autoSaved.compose(v -> inbox.choose(actor, choices)).compose(v -> settings(actor));
  }

  private void unsubscribe(RoutingContext ctx) {
    String token = ctx.request().getParam("token");
    inbox
        .unsubscribe(token)
        .onSuccess(
            user -> {
              if (user.isEmpty()) {
                ctx.fail(AppError.notFound("unsubscribe_token_invalid"));
                return;
              }
              ctx.json(new JsonObject().put("unsubscribed", true));
            })
        .onFailure(ctx::fail);
  }

  static JsonObject json(Notification n) {
    return new JsonObject()
        .put("id", n.id())
        .put("kind", n.kind().code())
        .put("title", n.title())
        .put("detail", n.detail())
        .put("link", n.link())
        .put("actor", n.actorName())
        .put("community", n.community())
        .put("at", Rows.time(n.at()))
        .put("createdAt", Rows.time(n.createdAt()))
        .put("read", n.read());
  }

  private record Target(String community, String slug) {}
}
