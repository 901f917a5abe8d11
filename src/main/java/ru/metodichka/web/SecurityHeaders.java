package ru.metodichka.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
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

  // Names and values as ASCII bytes made once (Vert.x's "optimized" headers): every response
  // carries them, and a cached page view is little more than these and its body.
  private static final CharSequence CSP_NAME = optimized("Content-Security-Policy");
  private static final CharSequence CSP_VALUE = optimized(CSP);
  private static final CharSequence NOSNIFF_NAME = optimized("X-Content-Type-Options");
  private static final CharSequence NOSNIFF = optimized("nosniff");
  private static final CharSequence REFERRER_NAME = optimized("Referrer-Policy");
  private static final CharSequence REFERRER = optimized("strict-origin-when-cross-origin");
  private static final CharSequence FRAME_NAME = optimized("X-Frame-Options");
  private static final CharSequence DENY = optimized("DENY");
  private static final CharSequence HSTS_NAME = optimized("Strict-Transport-Security");
  private static final CharSequence ONE_YEAR_HSTS =
      optimized("max-age=31536000; includeSubDomains");
  private static final CharSequence CACHE_CONTROL = optimized("Cache-Control");
  private static final CharSequence NO_STORE = optimized("no-store");

  private static final String HTTPS = "metodichka.https";
  private final ClientAddress proxies;

  SecurityHeaders(ClientAddress proxies) {
    this.proxies = proxies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean https = https(ctx.request(), proxies);
    ctx.put(HTTPS, https);
    ctx.addHeadersEndHandler(
        v ->
            set(
                ctx.response().headers(),
                https,
                carriesCredentials(ctx.request(), ctx.response())));
    ctx.next();
  }

  /**
   * Whether the request came over TLS: directly, or ended at a trusted proxy that says so.
   * X-Forwarded-Proto is believed from the trusted proxies only ({@code http.trusted-proxies}):
   * anyone else could claim https and get cookies marked Secure, HSTS, https links.
   */
  static boolean https(HttpServerRequest request, ClientAddress proxies) {
    return request.isSSL()
        || (proxies.fromTrustedProxy(request)
            && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
  }

  /**
   * The headers every response carries; {@code credentials}: the request or the response carries a
   * cookie or credentials, so no cache may keep the answer.
   */
  static void set(MultiMap headers, boolean https, boolean credentials) {
    // A response with a stricter policy of its own (a file download's sandbox) keeps it.
    if (!headers.contains(CSP_NAME)) {
      headers.set(CSP_NAME, CSP_VALUE);
    }
    headers.set(NOSNIFF_NAME, NOSNIFF);
    headers.set(REFERRER_NAME, REFERRER);
    headers.set(FRAME_NAME, DENY);
    if (https) {
      headers.set(HSTS_NAME, ONE_YEAR_HSTS);
    }
    if (credentials && !headers.contains(CACHE_CONTROL)) {
      headers.set(CACHE_CONTROL, NO_STORE);
    }
  }

  private static CharSequence optimized(String text) {
    return HttpHeaders.createOptimized(text);
  }

  /** Direct TLS, or TLS ended at a trusted proxy that says so (decided by this handler). */
  public static boolean isHttps(RoutingContext ctx) {
    Boolean decided = ctx.get(HTTPS);
    return decided != null ? decided : ctx.request().isSSL();
  }

  static boolean carriesCredentials(HttpServerRequest request, HttpServerResponse response) {
    return request.getHeader("Authorization") != null
        || request.getHeader("Cookie") != null
        || response.headers().contains("Set-Cookie");
  }
}
