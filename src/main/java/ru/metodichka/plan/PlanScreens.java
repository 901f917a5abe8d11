package ru.metodichka.plan;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.Role;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * The plan screens: {@code /c/{c}/plan} (the table with completion, overdue marks, filters by
 * status and by who is responsible, the plan as of a date, the Word table, and the new item's form
 * for moderators) and {@code /c/{c}/plan/items/{id}} (an item, its history, and the form its reader
 * may fill in). Everything works without JavaScript; the forms are {@link ItemFormScreens}'.
 */
public final class PlanScreens implements Screens {
  static final String PLAN = "/c/:community/plan";
  static final String ITEM = PLAN + "/items/:id";
  private static final Set<String> STATUSES =
      Set.of("planned", "in-progress", "done", "cancelled", "overdue");
  private final Templates templates;
  private final CommunityService communities;
  private final PlanReader reader;
  private final PlanDescriptions descriptions;
  private final ItemFormScreens forms;

  public PlanScreens(
      Templates templates,
      CommunityService communities,
      PlanReader reader,
      PlanService plans,
      PlanDescriptions descriptions) {
    this.templates = templates;
    this.communities = communities;
    this.reader = reader;
    this.descriptions = descriptions;
    this.forms = new ItemFormScreens(this, plans);
  }

  @Override
  public void mount(Router router) {
    router.get(PLAN).handler(ctx -> showPlan(ctx, 200, null, notice(ctx)));
    router.get(ITEM).handler(ctx -> showItem(ctx, 200, null, notice(ctx)));
    forms.mount(router);
  }

  /** The plan screen; with {@code form}, the new item's form as it was posted. */
  void showPlan(RoutingContext ctx, int status, ItemForm form, String notice) {
    String year = form != null ? form.value("year") : ctx.request().getParam("year");
    PlanScreen.Filter filter = filter(ctx);
    communities
        .access(CurrentUser.of(ctx), ctx.pathParam("community"))
        .compose(
            access ->
                reader
                    .plan(access, year, filter.asOf())
                    .compose(plan -> planScreen(access, plan, filter, form, notice)))
        .onSuccess(
            screen ->
                templates.render(
                    ctx,
                    status,
                    "plan/plan.jte",
                    Map.of("screen", screen, "crumbs", crumbs(ctx, screen.plan(), null))))
        .onFailure(ctx::fail);
  }

  private Future<PlanScreen> planScreen(
      Access access, Plan plan, PlanScreen.Filter filter, ItemForm form, String notice) {
    var html = descriptions.html(access, plan.items());
    var members = members(access);
    String reader = access.user().login();
    return Future.all(html, members)
        .map(
            v ->
                new PlanScreen(
                    plan,
                    PlanScreen.rows(plan, filter, html.result(), reader),
                    filter,
                    people(plan),
                    List.of(plan.year().previous(), plan.year().next()),
                    access.canModerate(),
                    form != null ? form : ItemForm.blank(plan.year()),
                    members.result(),
                    notice));
  }

  /** An item's screen; with {@code form}, its form as it was posted. */
  void showItem(RoutingContext ctx, int status, ItemForm form, String notice) {
    long id = ItemFormScreens.id(ctx);
    communities
        .access(CurrentUser.of(ctx), ctx.pathParam("community"))
        .compose(access -> itemScreen(access, id, form, notice))
        .onSuccess(
            screen ->
                templates.render(
                    ctx,
                    status,
                    "plan/item.jte",
                    Map.of("screen", screen, "crumbs", crumbs(ctx, null, screen))))
        .onFailure(ctx::fail);
  }

  private Future<ItemScreen> itemScreen(Access access, long id, ItemForm form, String notice) {
    var item = reader.item(access, id);
    var history = reader.history(access, id);
    var members = members(access);
    return Future.all(item, history, members)
        .compose(v -> descriptions.html(access, List.of(item.result())))
        .map(
            html ->
                itemScreen(
                    access,
                    item.result(),
                    html.get(id),
                    history.result(),
                    members.result(),
                    form,
                    notice));
  }

  private static ItemScreen itemScreen(
      Access access,
      PlanItem item,
      String html,
      List<ItemVersion> history,
      List<Person> members,
      ItemForm form,
      String notice) {
    boolean report =
        !access.canModerate() && access.canEdit() && item.hasResponsible(access.user().login());
    return new ItemScreen(
        access.community(),
        AcademicYear.containing(item.starts()),
        item,
        html,
        history.reversed(),
        access.canModerate(),
        report,
        form != null ? form : ItemForm.of(item),
        members,
        notice);
  }

  /** Who may be made responsible: the community's members and moderators (moderators' forms). */
  private Future<List<Person>> members(Access access) {
    if (!access.canModerate()) {
      return Future.succeededFuture(List.of());
    }
    return communities
        .members(access.community())
        .map(
            all ->
                all.stream()
                    .filter(m -> m.role() == Role.MEMBER || m.role() == Role.MODERATOR)
                    .map(m -> m.person())
                    .toList());
  }

  /** Everyone responsible for an item of the plan, once each, in the plan's order. */
  private static List<Person> people(Plan plan) {
    Map<String, Person> people = new LinkedHashMap<>();
    plan.items().forEach(item -> item.responsible().forEach(p -> people.putIfAbsent(p.login(), p)));
    return List.copyOf(people.values());
  }

  private static PlanScreen.Filter filter(RoutingContext ctx) {
    String status = param(ctx, "status");
    return new PlanScreen.Filter(
        STATUSES.contains(status) ? status : "", param(ctx, "responsible"), param(ctx, "asOf"));
  }

  private static String param(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return value == null ? "" : value.strip();
  }

  /** The notice after a form ({@code ?saved=created}), as a key of the plan bundle, or "". */
  private static String notice(RoutingContext ctx) {
    String saved = param(ctx, "saved");
    return Set.of("created", "changed", "unchanged").contains(saved) ? "plan.notice." + saved : "";
  }

  private List<Crumb> crumbs(RoutingContext ctx, Plan plan, ItemScreen item) {
    Ui ui = templates.ui(ctx);
    var community = plan != null ? plan.community() : item.community();
    var year = plan != null ? plan.year() : item.year();
    Crumb home = new Crumb(ui.t("nav.home"), "/");
    Crumb c = new Crumb(community.name(), "/c/" + community.slug());
    String title = ui.t("plan.heading", year.label());
    if (item == null) {
      return Crumb.of(home, c, Crumb.here(title));
    }
    String planPath = "/c/" + community.slug() + "/plan?year=" + year.label();
    return Crumb.of(home, c, new Crumb(title, planPath), Crumb.here(item.item().title()));
  }
}
