package ru.metodichka.meeting;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.changes.FeedTokens;
import ru.metodichka.web.PersonalFeed;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * The personal calendar: every meeting of the user's communities, links included, at a secret
 * address ({@code /meetings/calendar.ics?token=}) a calendar program subscribes to, made and
 * revoked on {@code /me} ({@link FeedTokens} over {@code calendar_tokens}: only the token's hash is
 * kept, a new one replaces the old, a disabled user's opens nothing).
 */
final class CalendarFeedScreens {
  static final String FEED = "/meetings/calendar.ics";
  private final Templates templates;
  private final MeetingReader reader;
  private final PublicUrl publicUrl;
  private final FeedTokens tokens;

  CalendarFeedScreens(Templates templates, MeetingReader reader, PublicUrl publicUrl) {
    this.templates = templates;
    this.reader = reader;
    this.publicUrl = publicUrl;
    this.tokens = reader.calendarTokens();
  }

  void mount(Router router) {
    router.get(FEED).handler(this::feed);
    router.post("/me/calendar-token").handler(this::issue);
    router.post("/me/calendar-token/revoke").handler(this::revoke);
  }

  private void feed(RoutingContext ctx) {
    Ui ui = templates.ui(ctx);
    tokens
        .reader(ctx.request().getParam("token"))
        .compose(
            user ->
                reader.personalCalendar(
                    user, ui.t("meeting.feed.name", user.name()), publicUrl.base(ctx), ui::t))
        .onSuccess(ics -> PersonalFeed.send(ctx, MeetingScreens.ICS, ics))
        .onFailure(ctx::fail);
  }

  /** Makes a new token and shows the calendar's address once (only its hash is kept). */
  private void issue(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    tokens
        .issue(actor)
        .onSuccess(
            token ->
                PersonalFeed.showAddress(
                    ctx,
                    templates,
                    "meeting/token.jte",
                    publicUrl.of(ctx, FEED + "?token=" + token),
                    "meeting.feed.title"))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    tokens
        .revoke(actor)
        .onSuccess(v -> Redirect.seeOther(ctx, "/me?calendar=revoked#calendar"))
        .onFailure(ctx::fail);
  }
}
