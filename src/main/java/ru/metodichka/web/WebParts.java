package ru.metodichka.web;

import java.util.List;
import ru.metodichka.db.DatabaseHealth;

/**
 * Everything the HTTP server serves, built once by the application and shared by every {@link
 * HttpVerticle} instance: who the user is, CSRF protection, templates, the health check, the site's
 * public address, what the header tells a logged-in user on every screen, each feature's API routes
 * and screens (mounted in this order: a screen listed first wins a path that two could match), and
 * the screens kept in memory for anonymous readers ({@link FromMemory}).
 */
public record WebParts(
    AuthHandler auth,
    Csrf csrf,
    Templates templates,
    DatabaseHealth health,
    PublicUrl publicUrl,
    List<HeaderFact> header,
    List<ApiRoutes> api,
    List<Screens> screens,
    MemoryCopies copies) {
  public WebParts {
    header = List.copyOf(header);
    api = List.copyOf(api);
    screens = List.copyOf(screens);
  }
}
