package ru.metodichka.web;

import io.vertx.ext.web.Router;

/**
 * The HTML screens of one feature. Mounted on the main router after the body, session and CSRF
 * handlers, so a screen's handler sees the user and may trust a POST.
 */
public interface Screens {
  void mount(Router router);
}
