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

  private static final String HTTPS = "metodichka.https";
  private final ClientAddress proxies;

  SecurityHeaders(ClientAddress proxies) {
    this.proxies = proxies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // X-Forwarded-Proto is believed from the trusted proxies only (http.trusted-proxies): anyone
    // else could claim https and get cookies marked Secure, HSTS, https links.
    boolean https =
        ctx.request().isSSL()
            || (proxies.fromTrustedProxy(ctx)
                && "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto")));
    ctx.put(HTTPS, https);
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

  /** Direct TLS, or TLS ended at a trusted proxy that says so (decided by this handler). */
  public static boolean isHttps(RoutingContext ctx) {
    Boolean decided = ctx.get(HTTPS);
    return decided != null ? decided : ctx.request().isSSL();
  }

  private static boolean carriesCredentials(RoutingContext ctx) {
    return ctx.request().getHeader("Authorization") != null
        || ctx.request().getHeader("Cookie") != null
        || ctx.response().headers().contains("Set-Cookie");
  }
}
