package ru.metodichka.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.account.AccountService;
import ru.metodichka.account.NewUserInput;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.UserService;
import ru.metodichka.institution.InstitutionService;
import ru.metodichka.web.RequestParams;
import ru.metodichka.web.Templates;

/** {@code /admin/users}: every account, and creating a local one. */
final class UserAdmin {
  private static final String[] TEXT_FIELDS = {
    "login", "name", "email", "institution", "position", "password"
  };
  private static final int PAGE_SIZE = 50;
  private final Templates templates;
  private final UserService users;
  private final InstitutionService institutions;

  UserAdmin(Templates templates, UserService users, InstitutionService institutions) {
    this.templates = templates;
    this.users = users;
    this.institutions = institutions;
  }

  void mount(Router router) {
    router.get("/admin/users").handler(ctx -> show(ctx, 200, Form.blank("user")));
    router.post("/admin/users").handler(this::create);
  }

  private void show(RoutingContext ctx, int status, Form form) {
    // A password is never sent back to the browser, not even into its own form.
    form.set("password", "");
    String query = ctx.request().getParam("q");
    int offset = RequestParams.optionalInt(ctx, "offset", 0, Integer.MAX_VALUE, 0);
    var people =
        users
            .list(CurrentUser.of(ctx))
            .map(all -> AccountService.page(all, query, offset, PAGE_SIZE));
    var places = institutions.list();
    Future.all(people, places)
        .onSuccess(
            v ->
                templates.render(
                    ctx,
                    status,
                    "admin/users.jte",
                    Map.of(
                        "users", people.result().users(),
                        "query", query == null ? "" : query,
                        "total", people.result().total(),
                        "older", pageLink(query, offset + PAGE_SIZE, people.result().total()),
                        "newer",
                            offset == 0
                                ? ""
                                : pageLink(
                                    query, Math.max(0, offset - PAGE_SIZE), Integer.MAX_VALUE),
                        "institutions", places.result(),
                        "form", form,
                        "notice", AdminScreens.notice(ctx),
                        "crumbs",
                            AdminScreens.crumbs(
                                templates.ui(ctx), templates.ui(ctx).t("admin.users")))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Form form = Form.read(ctx, "user", "user", TEXT_FIELDS);
    form.set("admin", flag(ctx, "admin")).set("methodist", flag(ctx, "methodist"));
    JsonObject body = new JsonObject();
    for (String field : TEXT_FIELDS) {
      body.put(field, form.value(field));
    }
    body.put("admin", form.checked("admin")).put("methodist", form.checked("methodist"));
    NewUser user = form.validate(body, NewUserInput::from, Map.of());
    if (user == null) {
      show(ctx, 422, form);
      return;
    }
    users
        .create(CurrentUser.of(ctx), user)
        .onSuccess(created -> AdminScreens.seeOther(ctx, "/admin/users", "user_created"))
        .onFailure(
            AdminScreens.takenOr(
                ctx, () -> show(ctx, 409, form.reject("login", "admin.user.login.taken"))));
  }

  /** The list from {@code offset} on, or "" when there is nothing there. */
  private static String pageLink(String query, int offset, int total) {
    if (offset >= total) {
      return "";
    }
    String q =
        query == null || query.isBlank()
            ? ""
            : "q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
                + "&";
    return "/admin/users?" + q + "offset=" + offset;
  }

  /** A checkbox: "on" when ticked, "" when not (an unticked box is not sent at all). */
  private static String flag(RoutingContext ctx, String name) {
    return ctx.request().getFormAttribute(name) != null ? "on" : "";
  }
}
