package ru.metodichka.changes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Community;
import ru.metodichka.community.CommunityService;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.PersonalFeed;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * Recent changes for people: {@code /changes} (every community; «только мои сообщества» for a
 * member) and {@code /c/{community}/changes}, filtered and paged without JavaScript; the personal
 * Atom feed ({@code /changes/feed.atom?token=}) and the forms on {@code /me} that make and revoke
 * its token. Mounted before the page screen, whose {@code /c/{c}/{slug}} would take {@code
 * /c/{c}/changes}.
 */
public final class ChangesScreens implements Screens {
  private static final String ATOM = "application/atom+xml; charset=utf-8";
  private final Templates templates;
  private final ChangesService changes;
  private final CommunityService communities;
  private final FeedTokens tokens;
  private final PublicUrl publicUrl;
  private final ZoneId zone;

  public ChangesScreens(
      Templates templates,
      ChangesService changes,
      CommunityService communities,
      FeedTokens tokens,
      PublicUrl publicUrl,
      ZoneId zone) {
    this.templates = templates;
    this.changes = changes;
    this.communities = communities;
    this.tokens = tokens;
    this.publicUrl = publicUrl;
    this.zone = zone;
  }

  @Override
  public void mount(Router router) {
    router.get("/changes").handler(this::everywhere);
    router.get("/changes/feed.atom").handler(this::feed);
    router.get("/c/:community/changes").handler(this::inCommunity);
    router.post("/me/feed-token").handler(this::issue);
    router.post("/me/feed-token/revoke").handler(this::revoke);
  }

  private void everywhere(RoutingContext ctx) {
    ChangeFilter filter = ChangeQuery.parse(ctx.queryParams(), zone);
    changes
        .list(CurrentUser.of(ctx), filter)
        .onSuccess(slice -> show(ctx, null, filter, slice))
        .onFailure(ctx::fail);
  }

  private void inCommunity(RoutingContext ctx) {
    ChangeFilter asked = ChangeQuery.parse(ctx.queryParams(), zone);
    CurrentUser actor = CurrentUser.of(ctx);
    communities
        .access(actor, ctx.pathParam("community"))
        .compose(
            access -> {
              Community c = access.community();
              ChangeFilter filter =
                  new ChangeFilter(
                      c.slug(),
                      asked.author(),
                      asked.kind(),
                      asked.since(),
                      false,
                      asked.before(),
                      asked.limit());
              return changes.list(actor, filter).map(slice -> new Shown(c, filter, slice));
            })
        .onSuccess(shown -> show(ctx, shown.community(), shown.filter(), shown.slice()))
        .onFailure(ctx::fail);
  }

  private record Shown(Community community, ChangeFilter filter, ChangeSlice slice) {}

  private void show(RoutingContext ctx, Community community, ChangeFilter filter, ChangeSlice s) {
    Ui ui = templates.ui(ctx);
    String here = community == null ? "/changes" : "/c/" + community.slug() + "/changes";
    Map<String, Object> model = new HashMap<>();
    model.put("community", community);
    model.put("filter", filter);
    model.put("slice", s);
    model.put("action", here);
    model.put("next", s.next() == null ? null : next(ctx, here, s.next()));
    model.put("crumbs", crumbs(ui, community));
    templates.render(ctx, "changes/changes.jte", model);
  }

  private static List<Crumb> crumbs(Ui ui, Community community) {
    Crumb home = new Crumb(ui.t("nav.home"), "/");
    return community == null
        ? Crumb.of(home, Crumb.here(ui.t("changes.title")))
        : Crumb.of(
            home,
            new Crumb(community.name(), "/c/" + community.slug()),
            Crumb.here(ui.t("changes.title")));
  }

  /** The address of the following slice: the same filters, the new cursor. */
  private static String next(RoutingContext ctx, String here, long cursor) {
    StringBuilder query = new StringBuilder();
    ctx.queryParams()
        .forEach(
            (name, value) -> {
              if (!name.equals("cursor") && !value.isBlank()) {
                query.append(encode(name)).append('=').append(encode(value)).append('&');
              }
            });
    return Redirect.encoded(here) + "?" + query + "cursor=" + cursor;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The feed of what the token's user may see; 404 for a token unknown or revoked. */
  private void feed(RoutingContext ctx) {
    tokens
        .reader(ctx.request().getParam("token"))
        .compose(
            reader ->
                changes
                    .list(reader, ChangeFilter.all(ChangeQuery.DEFAULT_LIMIT))
                    .map(
                        slice ->
                            ChangesFeed.xml(
                                publicUrl.base(ctx), reader.name(), slice, OffsetDateTime.now())))
        .onSuccess(xml -> PersonalFeed.send(ctx, ATOM, xml))
        .onFailure(ctx::fail);
  }

  /** Makes a new token and shows the feed's address once (only its hash is kept). */
  private void issue(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    tokens
        .issue(actor)
        .onSuccess(
            token ->
                PersonalFeed.showAddress(
                    ctx,
                    templates,
                    "changes/token.jte",
                    publicUrl.of(ctx, "/changes/feed.atom?token=" + token),
                    "changes.feed.title"))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    tokens
        .revoke(actor)
        .onSuccess(v -> Redirect.seeOther(ctx, "/me?feed=revoked"))
        .onFailure(ctx::fail);
  }
}
