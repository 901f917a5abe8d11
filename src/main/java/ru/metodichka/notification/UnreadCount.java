package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.HeaderFact;
import ru.metodichka.web.Ui;

/** The header's count of the user's unread notifications: one query on a partial index. */
public final class UnreadCount implements HeaderFact {
  private final Inbox inbox;

  public UnreadCount(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public Future<?> lookUp(CurrentUser user, RoutingContext ctx) {
    return inbox.unread(user).onSuccess(count -> ctx.put(Ui.UNREAD, count));
  }
}
