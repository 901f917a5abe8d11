package ru.metodichka.home;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Profile;
import ru.metodichka.auth.UserMembership;
import ru.metodichka.auth.UserService;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.JoinRequestService;
import ru.metodichka.meeting.MeetingReader;
import ru.metodichka.order.OrderService;
import ru.metodichka.page.ListedPage;
import ru.metodichka.page.PageCursor;
import ru.metodichka.page.PageReader;
import ru.metodichka.page.PageSlice;
import ru.metodichka.page.PageTree;
import ru.metodichka.page.WorkingPage;
import ru.metodichka.plan.PlanReader;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/**
 * The front page ({@code /}) and each community's page ({@code /c/{community}}), which gathers what
 * the community is: its task, moderators, the composition with the order that confirmed it, the
 * plan's completion and next items, the next meetings, the structure of its pages (those outside it
 * last), recent changes, and joining.
 */
public final class HomeScreens implements Screens {
  private static final int RECENT_ON_HOME = 12;
  private static final int NEWEST_ON_HOME = 8;
  private static final int RECENT_IN_COMMUNITY = 10;
  private static final int WORKING_ON_HOME = 10;
  private static final int MEETINGS_ON_HOME = 5;
  private static final int MEETINGS_IN_COMMUNITY = 3;

  /**
   * Pages listed on one screen: the whole tree of a small community, a readable part of a large one
   * (the benchmark's has 100,000), with a link to the next part.
   */
  private static final int PAGES_ON_SCREEN = 100;

  private final Templates templates;
  private final CommunityService communities;
  private final PageReader pages;
  private final UserService users;
  private final JoinRequestService joinRequests;
  private final OrderService orders;
  private final PlanReader plans;
  private final MeetingReader meetings;

  public HomeScreens(
      Templates templates,
      CommunityService communities,
      PageReader pages,
      UserService users,
      JoinRequestService joinRequests,
      OrderService orders,
      PlanReader plans,
      MeetingReader meetings) {
    this.templates = templates;
    this.communities = communities;
    this.pages = pages;
    this.users = users;
    this.joinRequests = joinRequests;
    this.orders = orders;
    this.plans = plans;
    this.meetings = meetings;
  }

  @Override
  public void mount(Router router) {
    router.get("/").handler(this::home);
    router.get("/c/:community").handler(this::community);
  }

  /**
   * What the site is, its communities, the newest materials; for a logged-in teacher also their
   * communities, the drafts they work on, and the recent changes in their communities (the whole
   * site's for a visitor or someone in no community yet).
   */
  private void home(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    var list = communities.list();
    var newest = pages.newestPublished(NEWEST_ON_HOME);
    var mine =
        actor.anonymous()
            ? Future.succeededFuture(List.<UserMembership>of())
            : users.me(actor).map(Profile::memberships);
    var working =
        actor.anonymous()
            ? Future.succeededFuture(List.<WorkingPage>of())
            : pages.workingOn(actor, WORKING_ON_HOME);
    var recent =
        mine.compose(
            own ->
                own.isEmpty() && !actor.admin()
                    ? pages.recentChanges(actor, RECENT_ON_HOME)
                    : pages.recentInOwnCommunities(actor, RECENT_ON_HOME));
    var next = meetings.upcomingEverywhere(actor, MEETINGS_ON_HOME);
    Future.all(List.of(list, newest, mine, working, recent, next))
        .onSuccess(
            v -> {
              Map<String, Object> model = new HashMap<>();
              model.put("communities", list.result());
              model.put("newest", newest.result());
              model.put("mine", mine.result());
              model.put("working", working.result());
              model.put("recent", recent.result());
              model.put("ownRecent", !mine.result().isEmpty() || actor.admin());
              model.put("meetings", next.result());
              templates.render(ctx, "community/home.jte", model);
            })
        .onFailure(ctx::fail);
  }

  private void community(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    String slug = ctx.pathParam("community");
    PageCursor after = PageCursor.parse(ctx.queryParams().get("after"));
    communities
        .access(actor, slug)
        .compose(
            access -> {
              // The community is found once; everything else is read side by side.
              var about = communities.describe(access.community());
              var members = communities.members(access.community());
              var list = pages.list(access, after, PAGES_ON_SCREEN);
              var recent = pages.recentChanges(access, RECENT_IN_COMMUNITY);
              var request = joinRequests.latest(access);
              var order = orders.latestFor(access.community().id());
              var plan = plans.summary(access);
              var next = meetings.upcoming(access, MEETINGS_IN_COMMUNITY);
              return Future.all(List.of(about, members, list, recent, request, order, plan, next))
                  .map(
                      v -> {
                        Map<String, Object> model = new HashMap<>();
                        List<ListedPage> listed = list.result().items();
                        model.put("profile", about.result());
                        model.put("members", members.result());
                        model.put("tree", PageTree.of(placed(listed, true)));
                        model.put("unplaced", placed(listed, false));
                        model.put("order", order.result().orElse(null));
                        model.put("plan", plan.result());
                        model.put("meetings", next.result());
                        model.put("canArrange", access.canModerate());
                        model.put("next", nextLink(access.community().slug(), list.result()));
                        model.put("continued", !after.equals(PageCursor.START));
                        model.put("recent", recent.result());
                        model.put("canEdit", access.canEdit());
                        model.put("canEvaluate", access.moderator());
                        model.put("join", JoinBox.of(access, request.result()));
                        model.put("notice", joinNotice(ctx));
                        model.put(
                            "crumbs",
                            Crumb.of(
                                new Crumb(templates.ui(ctx).t("nav.home"), "/"),
                                Crumb.here(access.community().name())));
                        return model;
                      });
            })
        .onSuccess(model -> templates.render(ctx, "community/community.jte", model))
        .onFailure(ctx::fail);
  }

  /** The pages of the list placed in the structure, or those outside it. */
  private static List<ListedPage> placed(List<ListedPage> pages, boolean placed) {
    return pages.stream().filter(p -> p.placed() == placed).toList();
  }

  /** The notice after the join form ({@code ?joined=requested}), or "". */
  private static String joinNotice(RoutingContext ctx) {
    String done = ctx.request().getParam("joined");
    return "requested".equals(done) ? "join.done.requested" : "";
  }

  /** The address of the list's next part, back at the list's heading; empty at the end. */
  private static String nextLink(String community, PageSlice slice) {
    return slice.next() == null
        ? ""
        : "/c/" + community + "?after=" + slice.next().token() + "#pages-heading";
  }
}
