package ru.metodichka.web;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;

/**
 * Something the header tells a logged-in user on every screen (a count of what waits for them, a
 * link only some have), looked up before the screen. {@link HeaderFacts} asks all of them side by
 * side, so the header costs one round trip to the database, not one per fact.
 */
@FunctionalInterface
public interface HeaderFact {
  /**
   * Looks the fact up for this logged-in user and puts it into the context for the templates. A
   * failure shows nothing rather than failing the screen.
   */
  Future<?> lookUp(CurrentUser user, RoutingContext ctx);
}
