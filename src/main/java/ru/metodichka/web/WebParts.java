package ru.metodichka.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import ru.metodichka.db.DatabaseHealth;

/**
 * Everything the HTTP server serves, built once by the application and shared by every {@link
 * HttpVerticle} instance: who the user is, CSRF protection, templates, the health check, handlers
 * that run before every screen (what the header needs to know about the user), and each feature's
 * API routes and screens (mounted in this order: a screen listed first wins a path that two could
 * match).
 */
public record WebParts(
    AuthHandler auth,
    Csrf csrf,
    Templates templates,
    DatabaseHealth health,
    List<Handler<RoutingContext>> beforeScreens,
    List<ApiRoutes> api,
    List<Screens> screens) {
  public WebParts {
    beforeScreens = List.copyOf(beforeScreens);
    api = List.copyOf(api);
    screens = List.copyOf(screens);
  }
}
