package ru.metodichka.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.AuthHandler;
import ru.metodichka.web.ClientAddress;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Locales;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.RequestParams;

/**
 * The API of managing accounts: listing, changing, disabling and the one-time links to set a
 * password (administrators), setting a password through such a link (anyone holding it), changing
 * one's own password, and the CSV imports of users and institutions (administrators).
 */
public final class AccountRoutes implements ApiRoutes {
  private final AccountService accounts;
  private final ClientAddress clientAddress;
  private final PublicUrl publicUrl;

  public AccountRoutes(AccountService accounts, ClientAddress clientAddress, PublicUrl publicUrl) {
    this.accounts = accounts;
    this.clientAddress = clientAddress;
    this.publicUrl = publicUrl;
  }

  @Override
  public void mount(Router api) {
    api.get("/users").respond(this::list);
    api.post("/users/import")
        .consumes("text/csv")
        .consumes("text/plain")
        .handler(this::importUsers);
    api.post("/institutions/import")
        .consumes("text/csv")
        .consumes("text/plain")
        .handler(this::importInstitutions);
    api.post("/me/password").consumes("application/json").handler(this::changeOwn);
    api.post("/password-resets/:token").consumes("application/json").handler(this::redeem);
    api.get("/users/:login")
        .respond(ctx -> accounts.get(CurrentUser.of(ctx), login(ctx)).map(AccountRoutes::json));
    api.patch("/users/:login").consumes("application/json").respond(this::update);
    api.get("/users/:login/events").respond(this::events);
    api.post("/users/:login/password-reset").respond(this::issueReset);
  }

  private static String login(RoutingContext ctx) {
    return ctx.pathParam("login");
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    int offset = RequestParams.optionalInt(ctx, "offset", 0, Integer.MAX_VALUE, 0);
    int limit = RequestParams.optionalInt(ctx, "limit", 1, 500, 50);
    return accounts
        .search(actor, ctx.request().getParam("q"), offset, limit)
        .map(
            page -> {
              JsonArray items = new JsonArray();
              page.users().forEach(u -> items.add(json(u)));
              return new JsonObject()
                  .put("items", items)
                  .put("total", page.total())
                  .put("offset", page.offset())
                  .put("limit", page.limit());
            });
  }

  private Future<JsonObject> update(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    JsonInput.of(ctx); // 400 for a body that is not a JSON object
    UserChange change = UserChange.from(ctx.body().asJsonObject());
    return accounts.update(actor, login(ctx), change).map(AccountRoutes::json);
  }

  private Future<JsonObject> events(RoutingContext ctx) {
    return accounts
        .events(CurrentUser.of(ctx), login(ctx))
        .map(
            list -> {
              JsonArray items = new JsonArray();
              for (AccountEvent e : list) {
                items.add(
                    new JsonObject()
                        .put("actor", e.actor())
                        .put("kind", e.kind())
                        .put("detail", e.detail())
                        .put("at", Rows.time(e.at())));
              }
              return new JsonObject().put("items", items);
            });
  }

  private Future<JsonObject> issueReset(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    return accounts
        .issueReset(actor, login(ctx))
        .map(
            link -> {
              ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
              return json(ctx, link);
            });
  }

  private JsonObject json(RoutingContext ctx, ResetLink link) {
    return new JsonObject()
        .put("login", link.login())
        .put("name", link.name())
        .put("url", publicUrl.of(ctx, link.path()))
        .put("expiresAt", Rows.time(link.expiresAt()));
  }

  private void redeem(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx);
    String password = in.rawText("password", AccountService.MAX_PASSWORD + 1);
    in.validate();
    accounts
        .redeemReset(ctx.pathParam("token"), password)
        .onSuccess(login -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void changeOwn(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    String old = in.rawText("old", AccountService.MAX_PASSWORD);
    if (old == null || old.isEmpty()) {
      in.reject("old", "required");
    }
    String fresh = in.rawText("new", AccountService.MAX_PASSWORD + 1);
    in.validate();
    accounts
        .changeOwn(actor, AuthHandler.token(ctx), clientAddress.of(ctx), old, fresh)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void importUsers(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    String csv = csv(ctx);
    if (dryRun(ctx)) {
      accounts
          .previewUsers(actor, csv)
          .onSuccess(p -> send(ctx, 200, preview(ctx, p, AccountRoutes::json)))
          .onFailure(ctx::fail);
      return;
    }
    accounts
        .importUsers(actor, csv)
        .onSuccess(
            links -> {
              JsonArray created = new JsonArray();
              links.forEach(link -> created.add(json(ctx, link)));
              ctx.response().putHeader("Cache-Control", "no-store");
              send(ctx, 201, new JsonObject().put("created", created));
            })
        .onFailure(ctx::fail);
  }

  private void importInstitutions(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    String csv = csv(ctx);
    if (dryRun(ctx)) {
      accounts
          .previewInstitutions(actor, csv)
          .onSuccess(p -> send(ctx, 200, preview(ctx, p, AccountRoutes::json)))
          .onFailure(ctx::fail);
      return;
    }
    accounts
        .importInstitutions(actor, csv)
        .onSuccess(n -> send(ctx, 201, new JsonObject().put("created", n)))
        .onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  /** {@code ?dryRun=true} (the default) previews; {@code false} imports. */
  private static boolean dryRun(RoutingContext ctx) {
    String value = ctx.request().getParam("dryRun");
    if (value == null || value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw AppError.badRequest("bad_choice", "dryRun", "true, false");
  }

  /** The CSV body, read as UTF-8 (a byte order mark is dropped by the reader). */
  private static String csv(RoutingContext ctx) {
    return ctx.body().buffer() == null ? "" : ctx.body().asString("UTF-8");
  }

  private static <T> JsonObject preview(
      RoutingContext ctx, ImportPreview<T> preview, java.util.function.Function<T, JsonObject> f) {
    Locale locale = Locales.of(ctx);
    JsonArray rows = new JsonArray();
    preview.rows().forEach(r -> rows.add(f.apply(r)));
    JsonArray errors = new JsonArray();
    preview
        .errors()
        .forEach(
            e ->
                errors.add(
                    new JsonObject()
                        .put("field", e.field())
                        .put("message", Problems.fieldMessage(e, locale))));
    return new JsonObject().put("valid", preview.valid()).put("rows", rows).put("errors", errors);
  }

  static JsonObject json(ImportedUser u) {
    return new JsonObject()
        .put("line", u.line())
        .put("login", u.login())
        .put("name", u.name())
        .put("email", u.email())
        .put("institution", u.institution())
        .put("position", u.position())
        .put("methodist", u.methodist());
  }

  static JsonObject json(ImportedInstitution i) {
    return new JsonObject()
        .put("line", i.line())
        .put("name", i.name())
        .put("shortName", i.shortName())
        .put("kind", i.kind());
  }

  /** An account as administrators see it: as everywhere, plus whether it is disabled. */
  public static JsonObject json(User user) {
    return UserRoutes.json(user)
        .put("disabled", user.disabled())
        .put("disabledAt", user.disabledAt() == null ? null : Rows.time(user.disabledAt()));
  }
}
