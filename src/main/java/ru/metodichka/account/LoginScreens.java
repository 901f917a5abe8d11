package ru.metodichka.account;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import ru.metodichka.auth.AuthService;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.AuthHandler;
import ru.metodichka.web.ClientAddress;
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
  private final LoginRequests logins;
  private final SignInChoices choices;

  public LoginScreens(Templates templates, AuthService auth, ClientAddress clientAddress) {
    this(templates, auth, clientAddress, SignInChoices.LOCAL);
  }

  public LoginScreens(
      Templates templates, AuthService auth, ClientAddress clientAddress, SignInChoices choices) {
    this.templates = templates;
    this.auth = auth;
    this.logins = new LoginRequests(auth, clientAddress, choices.localLogin());
    this.choices = choices;
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
    boolean oidcFailed = "failed".equals(ctx.request().getParam("oidc"));
    show(ctx, 200, "", back, oidcFailed ? "login.oidc.failed" : null);
  }

  private void login(RoutingContext ctx) {
    String login = ctx.request().getFormAttribute("login");
    String password = ctx.request().getFormAttribute("password");
    String back = back(ctx.request().getFormAttribute("back"));
    if (login == null || login.isBlank() || password == null || password.isEmpty()) {
      show(ctx, 422, login, back, "login.required");
      return;
    }
    logins
        .login(ctx, login.strip(), password)
        // 303: the browser follows with a GET, so a reload does not post the password again.
        .onSuccess(session -> Redirect.seeOther(ctx, back))
        .onFailure(failure -> refused(ctx, failure, login, back));
  }

  /**
   * Wrong credentials, a disabled account or a spent budget: the form again, saying which (and how
   * long to wait); anything else (local login turned off: 403 local_login_disabled) is an error
   * page.
   */
  private void refused(RoutingContext ctx, Throwable failure, String login, String back) {
    if (failure instanceof AppError error && error.status() == 401) {
      show(ctx, 401, login, back, "login.failed");
    } else if (failure instanceof AppError error && error.code().equals("account_disabled")) {
      show(ctx, 403, login, back, "login.disabled");
    } else if (failure instanceof AppError error && error.status() == 429) {
      long seconds = error.extras().getLong(AppError.RETRY_AFTER);
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
      show(ctx, 429, login, back, "login.tooMany", error.args());
    } else {
      ctx.fail(failure);
    }
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

  private void show(
      RoutingContext ctx, int status, String login, String back, String error, Object... args) {
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
            error == null ? "" : ui.t(error, args),
            "localLogin",
            choices.localLogin(),
            "oidcLabel",
            choices.oidcLabel().orElse(""),
            "oidcHref",
            "/auth/oidc/login?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8),
            "crumbs",
            Crumb.of(new Crumb(ui.t("nav.home"), "/"), Crumb.here(ui.t("login.title")))));
  }

  private static String back(String candidate) {
    String back = Templates.localPath(candidate, "/");
    return back.startsWith("/login") ? "/" : back;
  }
}
