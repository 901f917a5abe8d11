package ru.metodichka.profile;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.changes.FeedTokens;
import ru.metodichka.meeting.MeetingReader;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.RequestParams;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /me}: the logged-in user's profile, the next meetings of their communities, "my
 * contributions", the personal feed of recent changes (its address is made and revoked by {@link
 * ru.metodichka.changes.ChangesScreens}) and the personal calendar of meetings (made and revoked by
 * the meeting screens).
 */
public final class ProfileScreens implements Screens {
  private static final int PAGE_SIZE = 50;
  private final Templates templates;
  private final ProfileService profiles;
  private static final int MEETINGS = 5;
  private final FeedTokens feedTokens;
  private final MeetingReader meetings;

  public ProfileScreens(
      Templates templates, ProfileService profiles, FeedTokens feedTokens, MeetingReader meetings) {
    this.templates = templates;
    this.profiles = profiles;
    this.feedTokens = feedTokens;
    this.meetings = meetings;
  }

  @Override
  public void mount(Router router) {
    router.get("/me").handler(this::me);
  }

  private void me(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    if (actor.anonymous()) {
      // A person who followed a link to their profile wants to log in, not read a 401 page.
      ctx.redirect("/login?back=/me");
      return;
    }
    int before = RequestParams.optionalInt(ctx, "before", 1, Integer.MAX_VALUE, Integer.MAX_VALUE);
    int limit = RequestParams.optionalInt(ctx, "limit", 1, 500, PAGE_SIZE);
    var profile = profiles.profile(actor, before, limit);
    var feed = feedTokens.issuedAt(actor);
    var next = meetings.upcomingMine(actor, MEETINGS);
    var calendar = meetings.calendarIssuedAt(actor);
    Future.all(profile, feed, next, calendar)
        .onSuccess(
            all -> {
              var me = profile.result();
              Ui ui = templates.ui(ctx);
              Long older = me.older();
              String list = "/me?" + (limit == PAGE_SIZE ? "" : "limit=" + limit + "&");
              templates.render(
                  ctx,
                  "profile/me.jte",
                  Map.of(
                      "meetings",
                      next.result(),
                      "calendarIssued",
                      calendar.result().map(ui::dateTime).orElse(""),
                      "me",
                      me,
                      "older",
                      older == null ? "" : list + "before=" + older,
                      "newer",
                      before == Integer.MAX_VALUE ? "" : list.substring(0, list.length() - 1),
                      "feedIssued",
                      feed.result().map(ui::dateTime).orElse(""),
                      "notice",
                      notice(ctx),
                      "crumbs",
                      Crumb.of(
                          new Crumb(ui.t("nav.home"), "/"), Crumb.here(ui.t("history.me.title")))));
            })
        .onFailure(ctx::fail);
  }

  private static String notice(RoutingContext ctx) {
    if ("withdrawn".equals(ctx.request().getParam("joined"))) {
      return "join.done.withdrawn";
    }
    if ("revoked".equals(ctx.request().getParam("calendar"))) {
      return "meeting.feed.revoked";
    }
    return "revoked".equals(ctx.request().getParam("feed")) ? "changes.feed.revoked" : "";
  }
}
