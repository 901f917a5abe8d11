package ru.metodichka.account;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.AuthService;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.AuthHandler;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.SessionCookies;
import ru.metodichka.web.Templates;

/**
 * {@code /login} and {@code /logout} for people. Logging in always starts a new session (a new
 * cookie value), so a session id planted before login is worthless; logging out ends the session on
 * the server, not just in the browser.
 */
public final class LoginScreens implements Screens {
  private final Templates templates;
  private final AuthService auth;

  public LoginScreens(Templates templates, AuthService auth) {
    this.templates = templates;
    this.auth = auth;
  }

  @Override
  public void mount(Router router) {
    router.get("/login").handler(this::form);
    router.post("/login").handler(this::login);
    router.post("/logout").handler(this::logout);
  }

  private void form(RoutingContext ctx) {
    String back = back(ctx.request().getParam("back"));
    if (!CurrentUser.of(ctx).anonymous()) {
      ctx.redirect(Redirect.encoded(back));
      return;
    }
    show(ctx, 200, "", back, null);
  }

  private void login(RoutingContext ctx) {
    String login = ctx.request().getFormAttribute("login");
    String password = ctx.request().getFormAttribute("password");
    String back = back(ctx.request().getFormAttribute("back"));
    if (login == null || login.isBlank() || password == null || password.isEmpty()) {
      show(ctx, 422, login, back, "login.required");
      return;
    }
    auth.login(login.strip(), password, AuthHandler.token(ctx))
        .onSuccess(
            session -> {
              ctx.response().addCookie(SessionCookies.live(ctx, session.token(), session.ttl()));
              // 303: the browser follows with a GET, so a reload does not post the password again.
              Redirect.seeOther(ctx, back);
            })
        .onFailure(
            failure -> {
              if (failure instanceof AppError error && error.status() == 401) {
                show(ctx, 401, login, back, "login.failed");
              } else {
                ctx.fail(failure);
              }
            });
  }

  private void logout(RoutingContext ctx) {
    auth.logout(AuthHandler.token(ctx))
        .onSuccess(
            v -> {
              ctx.response().addCookie(SessionCookies.expired(ctx));
              Redirect.seeOther(ctx, "/");
            })
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx, int status, String login, String back, String error) {
    var ui = templates.ui(ctx);
    templates.render(
        ctx,
        status,
        "auth/login.jte",
        Map.of(
            "login",
            login == null ? "" : login,
            "back",
            back,
            "error",
            error == null ? "" : ui.t(error),
            "crumbs",
            Crumb.of(new Crumb(ui.t("nav.home"), "/"), Crumb.here(ui.t("login.title")))));
  }

  private static String back(String candidate) {
    String back = Templates.localPath(candidate, "/");
    return back.startsWith("/login") ? "/" : back;
  }
}
