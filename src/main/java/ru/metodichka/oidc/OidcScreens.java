package ru.metodichka.oidc;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.AuthHandler;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.SessionCookies;
import ru.metodichka.web.Templates;

/**
 * Sign-in through the OpenID Connect provider: {@code GET /auth/oidc/login} sends the browser to
 * it, {@code GET /auth/oidc/callback} takes it back and starts the session, {@code POST
 * /auth/oidc/backchannel-logout} is where the provider ends sessions, and {@code POST /logout} of a
 * session started through the provider also ends the provider's session (RP-initiated logout).
 * Mounted before the login screens, whose {@code POST /logout} handles the other sessions.
 */
public final class OidcScreens implements Screens {
  static final String CALLBACK = "/auth/oidc/callback";
  private final OidcService oidc;
  private final PublicUrl publicUrl;
  private final Templates templates;

  public OidcScreens(Templates templates, OidcService oidc, PublicUrl publicUrl) {
    this.templates = templates;
    this.oidc = oidc;
    this.publicUrl = publicUrl;
  }

  @Override
  public void mount(Router router) {
    router.get("/auth/oidc/login").handler(this::begin);
    router.get(CALLBACK).handler(this::callback);
    router.post("/auth/oidc/backchannel-logout").handler(this::backChannelLogout);
    router.post("/logout").handler(this::logout);
    router.get("/admin/identities").handler(this::identities);
    router.post("/admin/identities").handler(this::link);
  }

  /** The administrator's form linking a provider's identity to an existing account. */
  private void identities(RoutingContext ctx) {
    CurrentUser.of(ctx).requireAdmin();
    String notice = "linked".equals(ctx.request().getParam("done")) ? "identities.linked" : "";
    showIdentities(ctx, 200, "", defaultIssuer(), "", "", notice);
  }

  private void link(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    String login = field(ctx, "login");
    String issuer = field(ctx, "issuer");
    String subject = field(ctx, "subject");
    if (login.isEmpty()
        || issuer.isEmpty()
        || subject.isEmpty()
        || login.length() > 64
        || issuer.length() > 500
        || subject.length() > 255) {
      showIdentities(ctx, 422, login, issuer, subject, "identities.error.required", "");
      return;
    }
    oidc.link(actor, login, issuer, subject)
        .onSuccess(linked -> Redirect.seeOther(ctx, "/admin/identities?done=linked"))
        .onFailure(
            failure -> {
              if (failure instanceof AppError error
                  && (error.status() == 404 || error.status() == 409)) {
                showIdentities(
                    ctx,
                    error.status(),
                    login,
                    issuer,
                    subject,
                    "identities.error." + error.code(),
                    "");
              } else {
                ctx.fail(failure);
              }
            });
  }

  private String defaultIssuer() {
    return oidc.provider() == null ? "" : oidc.provider().config().issuer();
  }

  private static String field(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value.strip();
  }

  private void showIdentities(
      RoutingContext ctx,
      int status,
      String login,
      String issuer,
      String subject,
      String error,
      String notice) {
    var ui = templates.ui(ctx);
    templates.render(
        ctx,
        status,
        "oidc/identities.jte",
        Map.of(
            "login",
            login,
            "issuer",
            issuer,
            "subject",
            subject,
            "error",
            error.isEmpty() ? "" : ui.t(error),
            "notice",
            notice,
            "crumbs",
            Crumb.of(
                new Crumb(ui.t("nav.home"), "/"),
                new Crumb(ui.t("admin.title"), "/admin"),
                Crumb.here(ui.t("identities.title")))));
  }

  private void begin(RoutingContext ctx) {
    String back = back(ctx.request().getParam("back"));
    oidc.begin(publicUrl.of(ctx, CALLBACK), back)
        .onSuccess(
            url -> {
              ctx.response().putHeader("Cache-Control", "no-store");
              ctx.redirect(url);
            })
        .onFailure(ctx::fail);
  }

  private void callback(RoutingContext ctx) {
    String error = ctx.request().getParam("error");
    if (error != null) {
      // The visitor cancelled at the provider, or it refused: the login page again, nothing kept.
      ctx.redirect("/login?oidc=failed");
      return;
    }
    oidc.finish(
            ctx.request().getParam("state"), ctx.request().getParam("code"), AuthHandler.token(ctx))
        .onSuccess(
            done -> {
              ctx.response()
                  .addCookie(SessionCookies.live(ctx, done.login().token(), done.login().ttl()));
              ctx.redirect(Redirect.encoded(done.back()));
            })
        .onFailure(ctx::fail);
  }

  private void backChannelLogout(RoutingContext ctx) {
    oidc.backChannelLogout(ctx.request().getFormAttribute("logout_token"))
        .onSuccess(
            ended -> ctx.response().putHeader("Cache-Control", "no-store").setStatusCode(200).end())
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    String token = AuthHandler.token(ctx);
    oidc.endSessionUrl(token, publicUrl.of(ctx, "/"))
        .onSuccess(
            url -> {
              if (url.isEmpty()) {
                ctx.next();
                return;
              }
              oidc.endLocal(token)
                  .onSuccess(
                      v -> {
                        ctx.response().addCookie(SessionCookies.expired(ctx));
                        // A page that moves on by itself, not a redirect: the CSP's form-action
                        // 'self' forbids a form's POST to end at another site.
                        templates.render(ctx, "oidc/logout.jte", Map.of("url", url.get()));
                      })
                  .onFailure(ctx::fail);
            })
        .onFailure(ctx::fail);
  }

  private static String back(String candidate) {
    String back = Templates.localPath(candidate, "/");
    return back.startsWith("/login") || back.startsWith("/auth/") ? "/" : back;
  }
}
