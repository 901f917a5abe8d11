package ru.metodichka.notification;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.Ui;

/**
 * Before every screen a logged-in user sees: how many of their notifications are unread, for the
 * header. One query on a partial index of unread rows; none for visitors. A failure shows no count
 * rather than failing the screen.
 */
public final class UnreadHandler implements Handler<RoutingContext> {
  private final Inbox inbox;

  public UnreadHandler(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public void handle(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    if (user.anonymous()) {
      ctx.next();
      return;
    }
    inbox
        .unread(user)
        .onComplete(
            counted -> {
              if (counted.succeeded()) {
                ctx.put(Ui.UNREAD, counted.result());
              }
              ctx.next();
            });
  }
}
