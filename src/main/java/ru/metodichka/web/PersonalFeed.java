package ru.metodichka.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * A feed made for one person at a secret address ({@code ?token=}): the recent changes' Atom feed,
 * the meetings' calendar. The address is the only key, so the feed is sent for no shared cache to
 * keep, no search engine to index and no link in it to pass on in a {@code Referer}; the page that
 * makes a token shows the address once (only the token's hash is kept).
 */
public final class PersonalFeed {
  private PersonalFeed() {}

  /** Sends the feed's {@code body} as {@code contentType}. */
  public static void send(RoutingContext ctx, String contentType, String body) {
    ctx.response()
        .putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "private, no-store")
        .putHeader("X-Robots-Tag", "noindex")
        .putHeader("Referrer-Policy", "no-referrer")
        .end(body);
  }

  /**
   * The page showing a new token's {@code address} once ({@code template}), under «Главная › {name}
   * › {the title}» ({@code titleKey}).
   */
  public static void showAddress(
      RoutingContext ctx, Templates templates, String template, String address, String titleKey) {
    Ui ui = templates.ui(ctx);
    templates.render(
        ctx,
        template,
        Map.of(
            "address",
            address,
            "crumbs",
            Crumb.of(
                new Crumb(ui.t("nav.home"), "/"),
                new Crumb(ui.t("history.me.title"), "/me"),
                Crumb.here(ui.t(titleKey)))));
  }
}
