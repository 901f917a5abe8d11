package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /admin/experts}: who holds the expert right (grant, withdraw), the invitation form with
 * conflict-of-interest refusals explained, and every invitation. Administrators only (the admin
 * screens' guard, and the service again). The rubric editor is {@link RubricScreens}.
 */
public final class ExpertAdminScreens implements Screens {
  static final String BASE = "/admin/experts";
  private static final Set<String> NOTICES = Set.of("granted", "withdrawn", "invited", "rubric");
  private final Templates templates;
  private final ExpertService experts;
  private final CommunityService communities;

  public ExpertAdminScreens(
      Templates templates, ExpertService experts, CommunityService communities) {
    this.templates = templates;
    this.experts = experts;
    this.communities = communities;
  }

  @Override
  public void mount(Router router) {
    router.get(BASE).handler(ctx -> show(ctx, 200, ExpertForm.blank("grant"), invitation()));
    router.post(BASE + "/grant").handler(ctx -> setRight(ctx, true));
    router.post(BASE + "/withdraw").handler(ctx -> setRight(ctx, false));
    router.post(BASE + "/invite").handler(this::invite);
  }

  /** A blank invitation for the last academic year, the usual subject of a review. */
  private ExpertForm invitation() {
    int year = java.time.LocalDate.now(experts.zone()).minusMonths(8).getYear();
    return ExpertForm.of("invite", Map.of("from", (year - 1) + "-09-01", "to", year + "-09-01"));
  }

  private void show(RoutingContext ctx, int status, ExpertForm grant, ExpertForm invite) {
    CurrentUser actor = CurrentUser.of(ctx);
    Ui ui = templates.ui(ctx);
    var people = experts.experts(actor);
    var all = experts.mine(actor);
    var places = communities.list();
    Future.all(people, all, places)
        .onSuccess(
            v ->
                templates.render(
                    ctx,
                    status,
                    "expert/admin.jte",
                    Map.of(
                        "experts", people.result(),
                        "assignments", all.result(),
                        "communities", places.result(),
                        "grant", grant,
                        "invite", invite,
                        "notice", notice(ctx),
                        "crumbs", crumbs(ui, ui.t("expert.admin.title")))))
        .onFailure(ctx::fail);
  }

  private void setRight(RoutingContext ctx, boolean granted) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    ExpertForm form = ExpertForm.read(ctx, "grant");
    String login = form.value("login").strip();
    experts
        .setExpert(actor, login, granted)
        .onSuccess(
            changed ->
                Redirect.seeOther(ctx, BASE + "?done=" + (granted ? "granted" : "withdrawn")))
        .onFailure(
            failure -> {
              if (failure instanceof AppError e && e.status() == 404) {
                String message = templates.ui(ctx).t("expert.admin.grant.unknown", login);
                show(
                    ctx,
                    422,
                    new ExpertForm("grant", form.values(), Map.of("login", message), null),
                    invitation());
              } else {
                ctx.fail(failure);
              }
            });
  }

  private void invite(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    ExpertForm form = ExpertForm.read(ctx, "invite");
    Future.<Long>succeededFuture()
        .compose(v -> experts.invite(actor, form.value("community"), invitation(form)))
        .onSuccess(id -> Redirect.seeOther(ctx, BASE + "?done=invited"))
        .onFailure(
            failure -> {
              if (failure instanceof AppError e && (e.status() == 422 || e.status() == 409)) {
                show(
                    ctx,
                    e.status(),
                    ExpertForm.blank("grant"),
                    form.with(e, templates.ui(ctx).locale()));
              } else {
                ctx.fail(failure);
              }
            });
  }

  /** The API's rules read the form: the pages one per line. */
  private Invitation invitation(ExpertForm form) {
    List<String> pages =
        Arrays.stream(form.value("pages").split("\\R"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    JsonObject body =
        new JsonObject()
            .put("expert", form.value("expert"))
            .put("from", form.value("from"))
            .put("to", form.value("to"))
            .put("pages", new JsonArray(pages));
    return Invitation.from(JsonInput.of(body), experts.zone());
  }

  /** Home › Administration › here. */
  static List<Crumb> crumbs(Ui ui, String here) {
    return List.of(
        new Crumb(ui.t("nav.home"), "/"),
        new Crumb(ui.t("admin.title"), "/admin"),
        Crumb.here(here));
  }

  /** The notice the previous POST asked for, as a message key, or "" for none. */
  static String notice(RoutingContext ctx) {
    String done = ctx.request().getParam("done");
    return done != null && NOTICES.contains(done) ? "expert.admin.done." + done : "";
  }
}
