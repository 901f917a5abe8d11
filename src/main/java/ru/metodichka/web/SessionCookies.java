package ru.metodichka.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. Also the
 * device cookie, which marks a browser a login has succeeded in (for login throttling).
 */
public final class SessionCookies {
  public static final String DEVICE = "mtd_device";
  private static final Duration DEVICE_LIFETIME = Duration.ofDays(365);

  private SessionCookies() {}

  /** The device cookie: only ever sent back to this site's own pages (SameSite=Strict). */
  public static Cookie device(RoutingContext ctx, String value) {
    return Cookie.cookie(DEVICE, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(SecurityHeaders.isHttps(ctx))
        .setMaxAge(DEVICE_LIFETIME.toSeconds());
  }

  public static Cookie live(RoutingContext ctx, String token, Duration ttl) {
    return base(ctx, token).setMaxAge(ttl.toSeconds());
  }

  public static Cookie expired(RoutingContext ctx) {
    return base(ctx, "").setMaxAge(0);
  }

  private static Cookie base(RoutingContext ctx, String value) {
    boolean https = SecurityHeaders.isHttps(ctx);
    return Cookie.cookie(AuthHandler.COOKIE, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX)
        .setSecure(https);
  }
}
