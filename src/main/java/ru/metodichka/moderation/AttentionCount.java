package ru.metodichka.moderation;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.JoinRequestService;
import ru.metodichka.web.HeaderFact;
import ru.metodichka.web.Ui;

/**
 * The header's count of what waits for the user's decision: join requests and pages waiting for
 * review in the communities they moderate (everything for an administrator). Two indexed queries,
 * side by side.
 */
public final class AttentionCount implements HeaderFact {
  private final JoinRequestService requests;
  private final ReviewQueue queue;

  public AttentionCount(JoinRequestService requests, ReviewQueue queue) {
    this.requests = requests;
    this.queue = queue;
  }

  @Override
  public Future<?> lookUp(CurrentUser user, RoutingContext ctx) {
    var joining = requests.waitingFor(user);
    var reviewing = queue.count(user);
    return Future.all(joining, reviewing)
        .onSuccess(both -> ctx.put(Ui.ATTENTION, joining.result() + reviewing.result()));
  }
}
