package ru.metodichka.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.NewCommunity;
import ru.metodichka.error.AppError;
import ru.metodichka.web.Templates;

/** {@code /admin/communities}: the list, creating a community, archiving and bringing one back. */
final class CommunityAdmin {
  private static final String[] FIELDS = {"slug", "name", "task", "description"};
  private final Templates templates;
  private final CommunityService communities;

  CommunityAdmin(Templates templates, CommunityService communities) {
    this.templates = templates;
    this.communities = communities;
  }

  void mount(Router router) {
    router.get("/admin/communities").handler(ctx -> show(ctx, 200, Form.blank("community")));
    router.post("/admin/communities").handler(this::create);
    router.post("/admin/communities/:community/status").handler(this::setStatus);
  }

  private void show(RoutingContext ctx, int status, Form form) {
    communities
        .list()
        .onSuccess(
            list ->
                templates.render(
                    ctx,
                    status,
                    "admin/communities.jte",
                    Map.of(
                        "communities",
                        list,
                        "form",
                        form,
                        "notice",
                        AdminScreens.notice(ctx),
                        "crumbs",
                        AdminScreens.crumbs(
                            templates.ui(ctx), templates.ui(ctx).t("admin.communities")))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Form form = Form.read(ctx, "community", "community", FIELDS);
    JsonObject body = new JsonObject();
    for (String field : FIELDS) {
      body.put(field, form.value(field));
    }
    NewCommunity community = form.validate(body, NewCommunity::from, Map.of());
    if (community == null) {
      show(ctx, 422, form);
      return;
    }
    communities
        .create(CurrentUser.of(ctx), community)
        .onSuccess(
            created ->
                AdminScreens.seeOther(
                    ctx, AdminScreens.communityPath(created.slug()), "community_created"))
        .onFailure(
            AdminScreens.takenOr(
                ctx, () -> show(ctx, 409, form.reject("slug", "admin.community.slug.taken"))));
  }

  private void setStatus(RoutingContext ctx) {
    String slug = ctx.pathParam("community");
    String status = ctx.request().getFormAttribute("status");
    if (!"archived".equals(status) && !"active".equals(status)) {
      ctx.fail(AppError.badRequest("bad_request"));
      return;
    }
    boolean archive = status.equals("archived");
    communities
        .setArchived(CurrentUser.of(ctx), slug, archive)
        .onSuccess(
            c ->
                AdminScreens.seeOther(
                    ctx,
                    AdminScreens.communityPath(c.slug()),
                    archive ? "community_archived" : "community_unarchived"))
        .onFailure(ctx::fail);
  }
}
