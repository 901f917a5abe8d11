package ru.metodichka.moderation;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.JoinRequestService;
import ru.metodichka.web.Ui;

/**
 * Before every screen a logged-in user sees: how many things wait for their decision (join requests
 * and pages waiting for review in the communities they moderate; everything for an administrator),
 * for the count in the header. Two indexed queries per screen, side by side, and none for visitors
 * (whose pages are cached). A failure shows no count rather than failing the screen.
 */
public final class AttentionHandler implements Handler<RoutingContext> {
  private final JoinRequestService requests;
  private final ReviewQueue queue;

  public AttentionHandler(JoinRequestService requests, ReviewQueue queue) {
    this.requests = requests;
    this.queue = queue;
  }

  @Override
  public void handle(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    if (user.anonymous()) {
      ctx.next();
      return;
    }
    var joining = requests.waitingFor(user);
    var reviewing = queue.count(user);
    Future.all(joining, reviewing)
        .onComplete(
            counted -> {
              if (counted.succeeded()) {
                ctx.put(Ui.ATTENTION, joining.result() + reviewing.result());
              }
              ctx.next();
            });
  }
}
