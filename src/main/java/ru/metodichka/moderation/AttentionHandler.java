package ru.metodichka.moderation;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.JoinRequestService;
import ru.metodichka.web.Ui;

/**
 * Before every screen a logged-in user sees: how many things wait for their decision (join requests
 * in the communities they moderate; everything for an administrator), for the count in the header.
 * One indexed query per screen, and none for visitors (whose pages are cached). A failure shows no
 * count rather than failing the screen.
 */
public final class AttentionHandler implements Handler<RoutingContext> {
  private final JoinRequestService requests;

  public AttentionHandler(JoinRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void handle(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    if (user.anonymous()) {
      ctx.next();
      return;
    }
    requests
        .waitingFor(user)
        .onComplete(
            counted -> {
              if (counted.succeeded()) {
                ctx.put(Ui.ATTENTION, counted.result());
              }
              ctx.next();
            });
  }
}
