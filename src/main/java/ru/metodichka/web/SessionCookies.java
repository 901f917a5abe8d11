package ru.metodichka.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. */
public final class SessionCookies {
  private SessionCookies() {}

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
