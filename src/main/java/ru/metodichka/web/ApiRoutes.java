package ru.metodichka.web;

import io.vertx.ext.web.Router;
import java.util.List;

/**
 * The JSON API of one feature, mounted under {@code /api} after the body, session and CSRF
 * handlers: a route sees the user and may trust a state-changing call.
 */
public interface ApiRoutes {
  void mount(Router api);

  /**
   * Paths (regular expressions over the whole request path, {@code /api} included) whose POST
   * bodies these routes read as a stream themselves, with a limit of their own: the body handler
   * (and its {@code http.body-limit}) leaves them alone. None by default.
   */
  default List<String> streamedBodies() {
    return List.of();
  }
}
