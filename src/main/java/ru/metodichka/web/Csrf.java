package ru.metodichka.web;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.AppStateRepository;
import ru.metodichka.error.AppError;

/**
 * Cross-site request forgery protection for forms and for API calls authenticated by the session
 * cookie. The token is an HMAC of the session cookie (or, before login, of a random pre-session
 * cookie) under a secret kept in PostgreSQL, so it is the same on every node and in every tab for
 * the life of the session, and changes when the session does. Nothing is stored per token, so two
 * tabs, a parallel autosave or a retried POST never invalidate each other.
 *
 * <p>Requests authenticated by a bearer token carry no ambient credential and are not checked. Any
 * other Authorization header is no reason to skip the check: a browser behind a proxy with HTTP
 * Basic authentication adds one to every request, forged ones included, while the session cookie
 * authenticates them.
 */
public final class Csrf {
  public static final String FIELD = "csrf";
  public static final String HEADER = "X-CSRF-Token";
  static final String PRE_SESSION_COOKIE = "mtd_csrf";
  static final String BACK_CHANNEL_LOGOUT = "/auth/oidc/backchannel-logout";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SECRET_KEY = "csrf_secret";
  private final SecretKeySpec key;

  public Csrf(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /**
   * The protection with the database's secret, made on its first start: every node of one
   * deployment reads the same secret, so a token from one node is good on all of them.
   */
  public static Future<Csrf> load(Pool pool, AppStateRepository state) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    return state
        .getOrCreate(pool, SECRET_KEY, HexFormat.of().formatHex(fresh))
        .map(secret -> new Csrf(HexFormat.of().parseHex(secret)));
  }

  /**
   * The token a form or script on this response must send back. Before login it sets the
   * pre-session cookie the token is bound to, when the browser has none yet.
   */
  public String token(RoutingContext ctx) {
    String expected = expectedToken(ctx);
    if (expected != null) {
      return expected;
    }
    String value = ctx.get(PRE_SESSION_COOKIE);
    if (value == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      ctx.put(PRE_SESSION_COOKIE, value);
      ctx.response()
          .addCookie(
              Cookie.cookie(PRE_SESSION_COOKIE, value)
                  .setPath("/")
                  .setHttpOnly(true)
                  .setSameSite(CookieSameSite.STRICT)
                  .setSecure(SecurityHeaders.isHttps(ctx)));
    }
    return sign("anonymous:" + value);
  }

  /**
   * Lets a request through when it is safe, authenticated by a bearer token (run {@link
   * AuthHandler} first), or carries the right token in the {@value #HEADER} header or the {@value
   * #FIELD} form field; fails it with 403 otherwise.
   */
  public void check(RoutingContext ctx) {
    if (!needsToken(ctx)) {
      ctx.next();
      return;
    }
    String expected = expectedToken(ctx);
    String actual = ctx.request().getHeader(HEADER);
    if (actual == null) {
      actual = ctx.request().getFormAttribute(FIELD);
    }
    if (expected != null && actual != null && constantTimeEquals(expected, actual)) {
      ctx.next();
    } else {
      ctx.fail(AppError.forbidden("csrf_rejected"));
    }
  }

  private static boolean needsToken(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      return false;
    }
    if (AuthHandler.byBearerToken(ctx)) {
      return false;
    }
    // Posted by the identity provider, server to server, with a signed logout token as its proof
    // and never with a browser's cookies (OIDC back-channel logout).
    if (BACK_CHANNEL_LOGOUT.equals(ctx.request().path())
        && ctx.request().getCookie(AuthHandler.COOKIE) == null) {
      return false;
    }
    // An API call without the session cookie has no ambient authority to abuse (log in, say).
    boolean api = ctx.request().path().startsWith("/api/");
    return !api || ctx.request().getCookie(AuthHandler.COOKIE) != null;
  }

  /** The token bound to the cookies this request came with; null before any is set. */
  private String expectedToken(RoutingContext ctx) {
    String session = liveSessionCookie(ctx);
    if (session != null) {
      return sign("session:" + session);
    }
    Cookie pre = ctx.request().getCookie(PRE_SESSION_COOKIE);
    return pre != null && !pre.getValue().isEmpty() ? sign("anonymous:" + pre.getValue()) : null;
  }

  /** The session cookie, when it belongs to a live session (a stale one is being cleared). */
  private static String liveSessionCookie(RoutingContext ctx) {
    Cookie session = ctx.request().getCookie(AuthHandler.COOKIE);
    boolean live = session != null && !CurrentUser.of(ctx).anonymous();
    return live ? session.getValue() : null;
  }

  private String sign(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
