package ru.metodichka.admin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.UserService;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.institution.InstitutionService;
import ru.metodichka.search.SearchService;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /admin}: the centre's administration of communities, their members, users and
 * institutions. Every path under it is for administrators only; the sections live in their own
 * small classes and share the helpers here.
 */
public final class AdminScreens implements Screens {
  /** The one-time notices a redirect may ask for; anything else in {@code ?done=} is ignored. */
  private static final Set<String> NOTICES =
      Set.of(
          "community_created",
          "community_archived",
          "community_unarchived",
          "member_added",
          "role_changed",
          "role_unchanged",
          "member_ended",
          "user_created",
          "institution_created",
          "reindex_started");

  private final Templates templates;
  private final CommunityService communities;
  private final UserService users;
  private final InstitutionService institutions;
  private final SearchService search;

  public AdminScreens(
      Templates templates,
      CommunityService communities,
      UserService users,
      InstitutionService institutions,
      SearchService search) {
    this.templates = templates;
    this.search = search;
    this.communities = communities;
    this.users = users;
    this.institutions = institutions;
  }

  @Override
  public void mount(Router router) {
    // First, for every method: nothing below runs for anyone but an administrator (401 page with a
    // login link for visitors, 403 for other users, both from the global failure handler).
    router.routeWithRegex("^/admin(/.*)?$").handler(AdminScreens::requireAdmin);
    router.get("/admin").handler(this::overview);
    new CommunityAdmin(templates, communities).mount(router);
    new MemberAdmin(templates, communities, users).mount(router);
    new UserAdmin(templates, users, institutions).mount(router);
    new InstitutionAdmin(templates, institutions).mount(router);
    new SearchAdmin(templates, search).mount(router);
  }

  private static void requireAdmin(RoutingContext ctx) {
    CurrentUser.of(ctx).requireAdmin();
    ctx.next();
  }

  private void overview(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    var communityList = communities.list();
    var userList = users.list(actor);
    var institutionList = institutions.list();
    Future.all(communityList, userList, institutionList)
        .onSuccess(
            v -> {
              long archived =
                  communityList.result().stream().filter(c -> c.community().archived()).count();
              Ui ui = templates.ui(ctx);
              templates.render(
                  ctx,
                  "admin/overview.jte",
                  Map.of(
                      "communities", communityList.result().size(),
                      "archived", archived,
                      "users", userList.result().size(),
                      "institutions", institutionList.result().size(),
                      "crumbs", crumbs(ui, null)));
            })
        .onFailure(ctx::fail);
  }

  /** Home › Administration › {@code here} (or Home › Administration on the overview). */
  static List<Crumb> crumbs(Ui ui, String here, Crumb... between) {
    List<Crumb> crumbs = new ArrayList<>();
    crumbs.add(new Crumb(ui.t("nav.home"), "/"));
    if (here == null) {
      crumbs.add(Crumb.here(ui.t("admin.title")));
      return List.copyOf(crumbs);
    }
    crumbs.add(new Crumb(ui.t("admin.title"), "/admin"));
    crumbs.addAll(List.of(between));
    crumbs.add(Crumb.here(here));
    return List.copyOf(crumbs);
  }

  /** The notice the previous POST asked for, as a message key, or "" for none. */
  static String notice(RoutingContext ctx) {
    String done = ctx.request().getParam("done");
    return done != null && NOTICES.contains(done) ? "admin.done." + done : "";
  }

  /** 303 to a screen after a successful POST, with its notice, so a reload does not post again. */
  static void seeOther(RoutingContext ctx, String path, String done) {
    Redirect.seeOther(ctx, path + "?done=" + done);
  }

  /** A name already taken (409) shows the form again with a message; anything else fails. */
  static Handler<Throwable> takenOr(RoutingContext ctx, Runnable showTaken) {
    return failure -> {
      if (failure instanceof AppError e && e.status() == 409) {
        showTaken.run();
      } else {
        ctx.fail(failure);
      }
    };
  }

  static String communityPath(String slug) {
    return Redirect.encoded("/admin/communities/" + slug);
  }
}
