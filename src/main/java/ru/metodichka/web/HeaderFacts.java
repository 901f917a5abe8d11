package ru.metodichka.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import ru.metodichka.auth.CurrentUser;

/**
 * Before every screen a logged-in user sees: every {@link HeaderFact} looked up at once, the screen
 * going on when all have answered (or failed). None for visitors, whose pages are cached.
 */
final class HeaderFacts implements Handler<RoutingContext> {
  private final List<HeaderFact> facts;

  HeaderFacts(List<HeaderFact> facts) {
    this.facts = List.copyOf(facts);
  }

  @Override
  public void handle(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    if (user.anonymous() || facts.isEmpty()) {
      ctx.next();
      return;
    }
    List<Future<?>> asked = facts.stream().<Future<?>>map(f -> f.lookUp(user, ctx)).toList();
    Future.join(asked).onComplete(all -> ctx.next());
  }
}
