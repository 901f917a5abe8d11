package ru.metodichka.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.metodichka.account.AccountService;
import ru.metodichka.account.ImportPreview;
import ru.metodichka.account.ImportedInstitution;
import ru.metodichka.account.ImportedUser;
import ru.metodichka.account.ResetLink;
import ru.metodichka.account.UserChange;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;
import ru.metodichka.institution.InstitutionService;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Locales;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * The centre's management of one account ({@code /admin/users/{login}}: edit, disable or enable, a
 * one-time link to set a password, the record of changes) and the CSV imports of users and
 * institutions ({@code /admin/users/import}, {@code /admin/institutions/import}: upload, preview,
 * confirm).
 */
public final class AccountAdmin implements Screens {
  private static final Set<String> NOTICES = Set.of("saved");
  private static final String[] TEXT_FIELDS = {"name", "email", "institution", "position"};
  private final Templates templates;
  private final AccountService accounts;
  private final InstitutionService institutions;
  private final PublicUrl publicUrl;

  public AccountAdmin(
      Templates templates,
      AccountService accounts,
      InstitutionService institutions,
      PublicUrl publicUrl) {
    this.templates = templates;
    this.accounts = accounts;
    this.institutions = institutions;
    this.publicUrl = publicUrl;
  }

  @Override
  public void mount(Router router) {
    // Also guarded by AdminScreens; repeated so that the order of mounting never matters.
    router.routeWithRegex("^/admin/(users|institutions)/.+$").handler(AccountAdmin::requireAdmin);
    router.get("/admin/users/import").handler(ctx -> importScreen(ctx, "users", 200, "", null));
    router.post("/admin/users/import").handler(ctx -> importPost(ctx, "users"));
    router
        .get("/admin/institutions/import")
        .handler(ctx -> importScreen(ctx, "institutions", 200, "", null));
    router.post("/admin/institutions/import").handler(ctx -> importPost(ctx, "institutions"));
    router.get("/admin/users/:login").handler(ctx -> edit(ctx, 200, null, null));
    router.post("/admin/users/:login").handler(this::save);
    router.post("/admin/users/:login/reset").handler(this::reset);
  }

  private static void requireAdmin(RoutingContext ctx) {
    CurrentUser.of(ctx).requireAdmin();
    ctx.next();
  }

  private void edit(RoutingContext ctx, int status, Form submitted, ResetLink link) {
    CurrentUser actor = CurrentUser.of(ctx);
    String login = ctx.pathParam("login");
    var user = accounts.get(actor, login);
    var events = accounts.events(actor, login);
    var places = institutions.list();
    Future.all(user, events, places)
        .onSuccess(
            v -> {
              User u = user.result();
              Form form = submitted != null ? submitted : formOf(u);
              Ui ui = templates.ui(ctx);
              String done = ctx.request().getParam("done");
              Map<String, Object> params = new HashMap<>();
              params.put("user", u);
              params.put("form", form);
              params.put("institutions", places.result());
              params.put("events", events.result());
              params.put("self", u.id() == actor.id());
              params.put(
                  "notice",
                  done != null && NOTICES.contains(done) ? "accounts.admin.done." + done : "");
              params.put("resetUrl", link == null ? "" : publicUrl.of(ctx, link.path()));
              params.put("resetExpires", link == null ? "" : ui.dateTime(link.expiresAt()));
              params.put(
                  "crumbs",
                  AdminScreens.crumbs(
                      ui, u.login(), new Crumb(ui.t("admin.users"), "/admin/users")));
              if (link != null) {
                ctx.response().putHeader("Cache-Control", "no-store");
              }
              templates.render(ctx, status, "admin/user.jte", params);
            })
        .onFailure(ctx::fail);
  }

  private static Form formOf(User u) {
    Form form = Form.blank("account");
    form.set("name", u.name())
        .set("email", nz(u.email()))
        .set("institution", nz(u.institution()))
        .set("position", nz(u.position()))
        .set("methodist", u.methodist() ? "on" : "")
        .set("admin", u.admin() ? "on" : "")
        .set("disabled", u.disabled() ? "on" : "");
    return form;
  }

  private void save(RoutingContext ctx) {
    Form form = Form.read(ctx, "account", "account", TEXT_FIELDS);
    for (String flag : new String[] {"methodist", "admin", "disabled"}) {
      form.set(flag, ctx.request().getFormAttribute(flag) != null ? "on" : "");
    }
    JsonObject body = new JsonObject();
    for (String field : TEXT_FIELDS) {
      body.put(field, form.value(field));
    }
    body.put("methodist", form.checked("methodist"))
        .put("admin", form.checked("admin"))
        .put("disabled", form.checked("disabled"));
    UserChange change;
    try {
      change = UserChange.from(body);
    } catch (AppError e) {
      if (e.status() != 422) {
        throw e;
      }
      e.fieldErrors().forEach(f -> form.reject(f.field()));
      edit(ctx, 422, form, null);
      return;
    }
    String login = ctx.pathParam("login");
    accounts
        .update(CurrentUser.of(ctx), login, change)
        .onSuccess(
            u ->
                Redirect.seeOther(
                    ctx, Redirect.encoded("/admin/users/" + u.login()) + "?done=saved"))
        .onFailure(
            e -> {
              if (e instanceof AppError error && error.status() == 409) {
                String field =
                    switch (error.code()) {
                      case "cannot_demote_self" -> "admin";
                      case "cannot_disable_self" -> "disabled";
                      default -> "methodist";
                    };
                form.reject(field, "accounts.admin.refused." + error.code());
                edit(ctx, 409, form, null);
              } else if (e instanceof AppError error
                  && error.status() == 422
                  && !error.fieldErrors().isEmpty()) {
                error.fieldErrors().forEach(f -> form.reject(f.field()));
                edit(ctx, 422, form, null);
              } else {
                ctx.fail(e);
              }
            });
  }

  private void reset(RoutingContext ctx) {
    accounts
        .issueReset(CurrentUser.of(ctx), ctx.pathParam("login"))
        .onSuccess(link -> edit(ctx, 200, null, link))
        .onFailure(
            e -> {
              if (e instanceof AppError error && error.status() == 409) {
                Form form = Form.blank("account");
                edit(
                    ctx, 409, form.reject("reset", "accounts.admin.refused." + error.code()), null);
              } else {
                ctx.fail(e);
              }
            });
  }

  private void importPost(RoutingContext ctx, String kind) {
    String csv = ctx.request().getFormAttribute("csv");
    csv = csv == null ? "" : csv;
    boolean confirm = "import".equals(ctx.request().getFormAttribute("action"));
    CurrentUser actor = CurrentUser.of(ctx);
    String text = csv;
    if (!confirm) {
      Future<? extends ImportPreview<?>> preview =
          kind.equals("users")
              ? accounts.previewUsers(actor, text)
              : accounts.previewInstitutions(actor, text);
      preview
          .onSuccess(p -> importScreen(ctx, kind, p.valid() ? 200 : 422, text, p))
          .onFailure(ctx::fail);
      return;
    }
    if (kind.equals("users")) {
      accounts
          .importUsers(actor, text)
          .onSuccess(links -> imported(ctx, kind, links, links.size()))
          .onFailure(e -> importRefused(ctx, kind, text, e));
    } else {
      accounts
          .importInstitutions(actor, text)
          .onSuccess(n -> imported(ctx, kind, List.of(), n))
          .onFailure(e -> importRefused(ctx, kind, text, e));
    }
  }

  /** Something changed between preview and import: the preview again, with its problems. */
  private void importRefused(RoutingContext ctx, String kind, String text, Throwable e) {
    if (e instanceof AppError error && error.status() == 422) {
      Future<? extends ImportPreview<?>> preview =
          kind.equals("users")
              ? accounts.previewUsers(CurrentUser.of(ctx), text)
              : accounts.previewInstitutions(CurrentUser.of(ctx), text);
      preview.onSuccess(p -> importScreen(ctx, kind, 422, text, p)).onFailure(ctx::fail);
    } else {
      ctx.fail(e);
    }
  }

  private void imported(RoutingContext ctx, String kind, List<ResetLink> links, int count) {
    Ui ui = templates.ui(ctx);
    List<List<String>> created = new ArrayList<>();
    for (ResetLink link : links) {
      created.add(
          List.of(
              link.login(),
              link.name(),
              publicUrl.of(ctx, link.path()),
              ui.dateTime(link.expiresAt())));
    }
    ctx.response().putHeader("Cache-Control", "no-store");
    render(ctx, kind, 201, "", null, created, ui.t("accounts.import.done", count));
  }

  private void importScreen(
      RoutingContext ctx, String kind, int status, String csv, ImportPreview<?> preview) {
    render(ctx, kind, status, csv, preview, List.of(), "");
  }

  private void render(
      RoutingContext ctx,
      String kind,
      int status,
      String csv,
      ImportPreview<?> preview,
      List<List<String>> created,
      String notice) {
    Ui ui = templates.ui(ctx);
    List<String> columns =
        kind.equals("users")
            ? List.of("line", "login", "name", "email", "institution", "position", "methodist")
            : List.of("line", "name", "shortName", "kind");
    List<List<String>> rows = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    if (preview != null) {
      for (Object row : preview.rows()) {
        rows.add(cells(ui, row));
      }
      var locale = Locales.of(ctx);
      for (AppError.FieldError e : preview.errors()) {
        errors.add(e.field() + ": " + Problems.fieldMessage(e, locale));
      }
    }
    String title = ui.t("accounts.import." + kind + ".title");
    Map<String, Object> params = new HashMap<>();
    params.put("kind", kind);
    params.put("title", title);
    params.put("csv", csv);
    params.put("columns", columns);
    params.put("rows", rows);
    params.put("errors", errors);
    params.put("previewed", preview != null);
    params.put("valid", preview != null && preview.valid());
    params.put("created", created);
    params.put("notice", notice);
    params.put(
        "crumbs",
        AdminScreens.crumbs(
            ui,
            title,
            kind.equals("users")
                ? new Crumb(ui.t("admin.users"), "/admin/users")
                : new Crumb(ui.t("admin.institutions"), "/admin/institutions")));
    templates.render(ctx, status, "admin/import.jte", params);
  }

  private static List<String> cells(Ui ui, Object row) {
    if (row instanceof ImportedUser u) {
      return List.of(
          Integer.toString(u.line()),
          u.login(),
          u.name(),
          nz(u.email()),
          nz(u.institution()),
          nz(u.position()),
          u.methodist() ? ui.t("accounts.yes") : "");
    }
    ImportedInstitution i = (ImportedInstitution) row;
    return List.of(Integer.toString(i.line()), i.name(), nz(i.shortName()), i.kind());
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
