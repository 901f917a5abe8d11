package ru.metodichka.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import ru.metodichka.auth.AuthService;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;

/**
 * Finds the user behind a request: a bearer token or the session cookie. An unknown bearer token is
 * a 401 (an API client must learn its token is dead); an unknown cookie just means anonymous. It
 * records which of the two authenticated the request: only a bearer token exempts it from the CSRF
 * check ({@link #byBearerToken}).
 */
public final class AuthHandler implements Handler<RoutingContext> {
  public static final String COOKIE = "mtd_session";
  private static final String BEARER = "Bearer ";
  private static final String BY_BEARER = "authenticatedByBearerToken";
  private static final int MAX_TOKEN_LENGTH = 100;
  private final AuthService auth;

  public AuthHandler(AuthService auth) {
    this.auth = auth;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String bearer = bearerToken(ctx);
    Cookie cookie = ctx.request().getCookie(COOKIE);
    String token = bearer != null ? bearer : cookie != null ? cookie.getValue() : null;
    if (token == null || token.isEmpty()) {
      ctx.next();
      return;
    }
    // No real token is this long; it is not worth a query.
    Future<Optional<CurrentUser>> session =
        token.length() > MAX_TOKEN_LENGTH
            ? Future.succeededFuture(Optional.empty())
            : auth.resolve(token);
    session
        .onSuccess(
            user -> {
              if (user.isPresent()) {
                ctx.put(CurrentUser.CONTEXT_KEY, user.get());
                ctx.put(BY_BEARER, bearer != null);
                ctx.next();
              } else if (bearer != null) {
                ctx.fail(AppError.unauthorized("session_expired"));
              } else {
                ctx.response().addCookie(SessionCookies.expired(ctx));
                ctx.next();
              }
            })
        .onFailure(ctx::fail);
  }

  /**
   * Whether a bearer token in the Authorization header authenticated this request, as opposed to
   * the session cookie, which a browser sends by itself (with any Authorization header it adds by
   * itself, such as a proxy's Basic credentials).
   */
  static boolean byBearerToken(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(BY_BEARER));
  }

  /** The token this request carries, from the Authorization header or the cookie. */
  public static String token(RoutingContext ctx) {
    String bearer = bearerToken(ctx);
    if (bearer != null) {
      return bearer;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie != null ? cookie.getValue() : null;
  }

  /**
   * Whether the request carries a token to look up (a bearer token or a session cookie): one
   * without is anonymous whatever else it carries.
   */
  static boolean carriesToken(HttpServerRequest request) {
    if (bearerToken(request) != null) {
      return true;
    }
    Cookie cookie = request.getCookie(COOKIE);
    return cookie != null && !cookie.getValue().isEmpty();
  }

  private static String bearerToken(RoutingContext ctx) {
    return bearerToken(ctx.request());
  }

  private static String bearerToken(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return header.substring(BEARER.length()).trim();
    }
    return null;
  }
}
