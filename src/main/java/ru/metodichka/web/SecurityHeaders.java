package ru.metodichka.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response, errors included (they are added when the headers are written,
 * whoever writes them).
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "frame-ancestors 'none'; form-action 'self'";
  private static final String ONE_YEAR_HSTS = "max-age=31536000; includeSubDomains";

  SecurityHeaders() {}

  @Override
  public void handle(RoutingContext ctx) {
    boolean https = isHttps(ctx);
    ctx.addHeadersEndHandler(
        v -> {
          MultiMap headers = ctx.response().headers();
          // A response with a stricter policy of its own (a file download's sandbox) keeps it.
          if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", CSP);
          }
          headers.set("X-Content-Type-Options", "nosniff");
          headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
          headers.set("X-Frame-Options", "DENY");
          if (https) {
            headers.set("Strict-Transport-Security", ONE_YEAR_HSTS);
          }
          if (!headers.contains("Cache-Control") && carriesCredentials(ctx)) {
            headers.set("Cache-Control", "no-store");
          }
        });
    ctx.next();
  }

  /** Direct TLS, or TLS ended at a proxy that says so. */
  public static boolean isHttps(RoutingContext ctx) {
    return ctx.request().isSSL()
        || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
  }

  private static boolean carriesCredentials(RoutingContext ctx) {
    return ctx.request().getHeader("Authorization") != null
        || ctx.request().getHeader("Cookie") != null
        || ctx.response().headers().contains("Set-Cookie");
  }
}
