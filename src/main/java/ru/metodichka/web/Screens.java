package ru.metodichka.web;

import io.vertx.ext.web.Router;

/**
 * The HTML screens of one feature. Mounted on the main router after the body, session and CSRF
 * handlers, so a screen's handler sees the user and may trust a POST.
 */
public interface Screens {
  void mount(Router router);

  /**
   * Routes tried before any screen's own ({@link #mount}), right after the session and CSRF
   * handlers. The router tries routes in the order they were added, and each route with path
   * parameters is a regular expression run over the path: a request that the hundredth route
   * answers first fails ninety-nine of them (three quarters of the CPU time of a cached page view
   * went there). Only for answers that do not depend on that order: one a screen's own route gave
   * before, kept in memory (the anonymous page view). Most screens have none.
   */
  default void mountFirst(Router router) {}
}
