package ru.metodichka.web;

import io.vertx.ext.web.Router;

/**
 * The JSON API of one feature, mounted under {@code /api} after the body, session and CSRF
 * handlers: a route sees the user and may trust a state-changing call.
 */
public interface ApiRoutes {
  void mount(Router api);
}
