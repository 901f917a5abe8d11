package ru.metodichka.account;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;
import ru.metodichka.web.AuthHandler;
import ru.metodichka.web.ClientAddress;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Locales;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /me/password}: a person changes their own password (the old one required; their other
 * sessions end). {@code /password/reset/{token}}: a person sets a password through the one-time
 * link an administrator gave them (every session of theirs ends).
 */
public final class PasswordScreens implements Screens {
  private static final String TEMPLATE = "account/password.jte";
  private final Templates templates;
  private final AccountService accounts;
  private final ClientAddress clientAddress;

  public PasswordScreens(
      Templates templates, AccountService accounts, ClientAddress clientAddress) {
    this.templates = templates;
    this.accounts = accounts;
    this.clientAddress = clientAddress;
  }

  @Override
  public void mount(Router router) {
    router.get("/me/password").handler(this::ownForm);
    router.post("/me/password").handler(this::changeOwn);
    router.get("/password/reset/:token").handler(this::resetForm);
    router.post("/password/reset/:token").handler(this::reset);
  }

  private void ownForm(RoutingContext ctx) {
    if (CurrentUser.of(ctx).anonymous()) {
      ctx.redirect("/login?back=/me/password");
      return;
    }
    Ui ui = templates.ui(ctx);
    String notice =
        "changed".equals(ctx.request().getParam("done")) ? ui.t("accounts.password.changed") : "";
    own(ctx, 200, List.of(), notice);
  }

  private void own(RoutingContext ctx, int status, List<String> errors, String notice) {
    Ui ui = templates.ui(ctx);
    render(
        ctx,
        status,
        ui.t("accounts.password.own.title"),
        ui.t("accounts.password.own.intro"),
        "/me/password",
        true,
        true,
        errors,
        notice,
        Crumb.of(
            new Crumb(ui.t("nav.home"), "/"),
            new Crumb(ui.t("history.me.title"), "/me"),
            Crumb.here(ui.t("accounts.password.own.title"))));
  }

  private void changeOwn(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String old = form(ctx, "old");
    String fresh = form(ctx, "new");
    if (!fresh.equals(form(ctx, "repeat"))) {
      own(ctx, 422, List.of(templates.ui(ctx).t("accounts.password.mismatch")), "");
      return;
    }
    if (old.isEmpty()) {
      own(ctx, 422, List.of(templates.ui(ctx).t("accounts.password.oldRequired")), "");
      return;
    }
    Future.<Void>succeededFuture()
        .compose(
            v ->
                accounts.changeOwn(
                    actor, AuthHandler.token(ctx), clientAddress.of(ctx), old, fresh))
        .onSuccess(v -> Redirect.seeOther(ctx, "/me/password?done=changed"))
        .onFailure(e -> refused(ctx, e, errors -> own(ctx, status(e), errors, "")));
  }

  private void resetForm(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    accounts
        .resetFor(ctx.pathParam("token"))
        .onSuccess(link -> resetScreen(ctx, 200, link.name(), List.of(), "", true))
        .onFailure(e -> invalidLink(ctx, e));
  }

  private void reset(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    String token = ctx.pathParam("token");
    String fresh = form(ctx, "new");
    if (!fresh.equals(form(ctx, "repeat"))) {
      accounts
          .resetFor(token)
          .onSuccess(
              link ->
                  resetScreen(
                      ctx,
                      422,
                      link.name(),
                      List.of(templates.ui(ctx).t("accounts.password.mismatch")),
                      "",
                      true))
          .onFailure(e -> invalidLink(ctx, e));
      return;
    }
    Future.<Void>succeededFuture()
        .compose(v -> accounts.redeemReset(token, fresh))
        .onSuccess(
            login ->
                resetScreen(
                    ctx, 200, "", List.of(), templates.ui(ctx).t("accounts.reset.done"), false))
        .onFailure(
            e -> {
              if (e instanceof AppError error && error.status() == 404) {
                invalidLink(ctx, e);
              } else {
                refused(ctx, e, errors -> resetScreen(ctx, 422, "", errors, "", true));
              }
            });
  }

  private void invalidLink(RoutingContext ctx, Throwable e) {
    if (e instanceof AppError error && error.status() == 404) {
      resetScreen(ctx, 404, "", List.of(templates.ui(ctx).t("accounts.reset.invalid")), "", false);
    } else {
      ctx.fail(e);
    }
  }

  private void resetScreen(
      RoutingContext ctx,
      int status,
      String name,
      List<String> errors,
      String notice,
      boolean showForm) {
    Ui ui = templates.ui(ctx);
    render(
        ctx,
        status,
        ui.t("accounts.reset.title"),
        name.isEmpty() ? "" : ui.t("accounts.reset.intro", name),
        Redirect.encoded("/password/reset/" + ctx.pathParam("token")),
        false,
        showForm,
        errors,
        notice,
        Crumb.of(new Crumb(ui.t("nav.home"), "/"), Crumb.here(ui.t("accounts.reset.title"))));
  }

  /** A refusal the person can fix (422, 429) as messages on the form; anything else fails. */
  private void refused(
      RoutingContext ctx, Throwable e, java.util.function.Consumer<List<String>> show) {
    if (e instanceof AppError error && error.status() == 422) {
      show.accept(
          error.fieldErrors().stream()
              .map(f -> Problems.fieldMessage(f, Locales.of(ctx)))
              .toList());
    } else if (e instanceof AppError error && error.status() == 429) {
      long seconds = error.extras().getLong(AppError.RETRY_AFTER);
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
      show.accept(List.of(templates.ui(ctx).t("login.tooMany", error.args())));
    } else {
      ctx.fail(e);
    }
  }

  private static int status(Throwable e) {
    return e instanceof AppError error ? error.status() : 500;
  }

  private void render(
      RoutingContext ctx,
      int status,
      String title,
      String intro,
      String action,
      boolean askOld,
      boolean showForm,
      List<String> errors,
      String notice,
      List<Crumb> crumbs) {
    templates.render(
        ctx,
        status,
        TEMPLATE,
        Map.of(
            "title", title,
            "intro", intro,
            "action", action,
            "askOld", askOld,
            "showForm", showForm,
            "errors", errors,
            "notice", notice,
            "crumbs", crumbs));
  }

  private static String form(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value;
  }
}
