package ru.metodichka.auth;

import io.vertx.ext.web.RoutingContext;
import ru.metodichka.error.AppError;

/**
 * Who is making the request. Anonymous visitors are {@link #ANONYMOUS} (id 0), so code never has to
 * handle null.
 */
public record CurrentUser(long id, String login, String name, boolean admin) {
  public static final CurrentUser ANONYMOUS = new CurrentUser(0, "", "", false);
  public static final String CONTEXT_KEY = "currentUser";

  public boolean anonymous() {
    return id == 0;
  }

  /** This user, or 401 for an anonymous visitor. */
  public CurrentUser requireLoggedIn() {
    if (anonymous()) {
      throw AppError.unauthorized("authentication_required");
    }
    return this;
  }

  /** This user if an administrator; 401 for anonymous, 403 for others. */
  public CurrentUser requireAdmin() {
    requireLoggedIn();
    if (!admin) {
      throw AppError.forbidden("admin_only");
    }
    return this;
  }

  /** The user the web layer's {@code AuthHandler} found for this request. */
  public static CurrentUser of(RoutingContext ctx) {
    CurrentUser user = ctx.get(CONTEXT_KEY);
    return user != null ? user : ANONYMOUS;
  }
}
