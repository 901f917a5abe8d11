package ru.metodichka.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.UserService;
import ru.metodichka.community.CommunityProfile;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.CommunityService.MembershipChange;
import ru.metodichka.community.MemberRole;
import ru.metodichka.error.AppError;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /admin/communities/{c}}: one community's members and roles, with the order of the centre
 * that confirmed each (§4.4), adding and ending memberships, and the whole membership history.
 */
final class MemberAdmin {
  private static final String[] ROLE_FIELDS = {"role", "order-number", "order-date"};
  private static final Map<String, String> ROLE_NAMES =
      Map.of("order.number", "order-number", "order.date", "order-date");
  private final Templates templates;
  private final CommunityService communities;
  private final UserService users;

  MemberAdmin(Templates templates, CommunityService communities, UserService users) {
    this.templates = templates;
    this.communities = communities;
    this.users = users;
  }

  void mount(Router router) {
    router
        .get("/admin/communities/:community")
        .handler(ctx -> show(ctx, 200, Form.blank("member"), noRowForm()));
    router.post("/admin/communities/:community/members").handler(this::add);
    router.post("/admin/communities/:community/members/:login/role").handler(this::changeRole);
    router.post("/admin/communities/:community/members/:login/end").handler(this::end);
  }

  private static Form noRowForm() {
    return Form.blank("role", "");
  }

  private void show(RoutingContext ctx, int status, Form memberForm, Form rowForm) {
    CurrentUser actor = CurrentUser.of(ctx);
    String slug = ctx.pathParam("community");
    var about = communities.describe(slug);
    var members = communities.members(slug);
    var history = communities.history(actor, slug);
    var people = users.list(actor);
    Future.all(about, members, history, people)
        .onSuccess(
            v -> {
              Ui ui = templates.ui(ctx);
              CommunityProfile community = about.result();
              templates.render(
                  ctx,
                  status,
                  "admin/community.jte",
                  Map.of(
                      "community", community,
                      "members", members.result(),
                      "history", history.result(),
                      "users", people.result(),
                      "form", memberForm,
                      "rowForm", rowForm,
                      "notice", AdminScreens.notice(ctx),
                      "crumbs",
                          AdminScreens.crumbs(
                              ui,
                              community.community().name(),
                              new Crumb(ui.t("admin.communities"), "/admin/communities"))));
            })
        .onFailure(ctx::fail);
  }

  private void add(RoutingContext ctx) {
    Form form = Form.read(ctx, "member", "member", "login", "role", "order-number", "order-date");
    String login = form.value("login").strip();
    if (login.isEmpty()) {
      form.reject("login");
    }
    MemberRole role = role(form);
    if (!form.valid()) {
      show(ctx, 422, form, noRowForm());
      return;
    }
    communities
        .setRole(CurrentUser.of(ctx), ctx.pathParam("community"), login, role)
        .onSuccess(change -> done(ctx, change))
        .onFailure(
            failure -> {
              if (failure instanceof AppError e && e.code().equals("user_not_found")) {
                show(ctx, 422, form.reject("login", "admin.member.login.unknown"), noRowForm());
              } else {
                ctx.fail(failure);
              }
            });
  }

  private void changeRole(RoutingContext ctx) {
    String login = ctx.pathParam("login");
    Form form = Form.read(ctx, "role", "role-" + login, ROLE_FIELDS);
    MemberRole role = role(form);
    if (role == null) {
      show(ctx, 422, Form.blank("member"), form);
      return;
    }
    communities
        .setRole(CurrentUser.of(ctx), ctx.pathParam("community"), login, role)
        .onSuccess(change -> done(ctx, change))
        .onFailure(ctx::fail);
  }

  private void end(RoutingContext ctx) {
    String slug = ctx.pathParam("community");
    communities
        .endMembership(
            CurrentUser.of(ctx),
            slug,
            ctx.pathParam("login"),
            ctx.request().getFormAttribute("reason"),
            ctx.request().getFormAttribute("note"))
        .onSuccess(
            v -> AdminScreens.seeOther(ctx, AdminScreens.communityPath(slug), "member_ended"))
        .onFailure(ctx::fail);
  }

  /** The role and order the form asks for, checked by the community's own rules; null if wrong. */
  private static MemberRole role(Form form) {
    JsonObject body = new JsonObject().put("role", form.value("role"));
    String number = form.optional("order-number");
    String date = form.optional("order-date");
    // The order is optional, but half an order (a number without its date) is a mistake.
    if (number != null || date != null) {
      body.put("order", new JsonObject().put("number", number).put("date", date));
    }
    return form.validate(body, MemberRole::withExpert, ROLE_NAMES);
  }

  private static void done(RoutingContext ctx, MembershipChange change) {
    String notice =
        switch (change) {
          case STARTED -> "member_added";
          case CHANGED -> "role_changed";
          case UNCHANGED -> "role_unchanged";
        };
    AdminScreens.seeOther(ctx, AdminScreens.communityPath(ctx.pathParam("community")), notice);
  }
}
