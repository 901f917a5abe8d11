package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.Slugs;
import ru.metodichka.error.AppError;

/**
 * Watching a page or a whole community (logged-in users): only what the user may see, by the one
 * rule — a page they may not see is 404, as everywhere. A community is open to every logged-in
 * user; what they hear about its pages is still decided page by page when something happens.
 */
public final class WatchService {
  private final Pool pool;
  private final CommunityService communities;
  private final WatchRepository watches = new WatchRepository();

  public WatchService(Pool pool, CommunityService communities) {
    this.pool = pool;
    this.communities = communities;
  }

  /** Starts watching; watching twice is watching once. */
  public Future<Void> watch(CurrentUser actor, String community, String slug) {
    actor.requireLoggedIn();
    return target(actor, community, slug)
        .compose(t -> watches.watch(pool, actor.id(), t.communityId(), t.pageId()));
  }

  /** Stops watching; 404 when the thing was not watched (or may not be seen). */
  public Future<Void> unwatch(CurrentUser actor, String community, String slug) {
    actor.requireLoggedIn();
    return target(actor, community, slug)
        .compose(t -> watches.unwatch(pool, actor.id(), t.communityId(), t.pageId()))
        .map(
            removed -> {
              if (!removed) {
                throw AppError.notFound("watch_not_found", slug == null ? community : slug);
              }
              return null;
            });
  }

  /** What the user watches (pages they may no longer see are left out). */
  public Future<List<Watch>> mine(CurrentUser actor) {
    actor.requireLoggedIn();
    return watches.mine(pool, actor.id(), actor.admin());
  }

  public Future<Boolean> autoWatch(CurrentUser actor) {
    actor.requireLoggedIn();
    return watches.autoWatch(pool, actor.id());
  }

  public Future<Void> setAutoWatch(CurrentUser actor, boolean on) {
    actor.requireLoggedIn();
    return watches.setAutoWatch(pool, actor.id(), on);
  }

  private Future<Target> target(CurrentUser actor, String community, String slug) {
    return communities
        .access(pool, actor, community)
        .compose(access -> slug == null ? whole(access) : page(access, slug));
  }

  private static Future<Target> whole(Access access) {
    return Future.succeededFuture(new Target(access.community().id(), null));
  }

  private Future<Target> page(Access access, String slug) {
    if (!Slugs.isValid(slug)) {
      throw AppError.notFound("page_not_found", slug);
    }
    CurrentUser user = access.user();
    return watches
        .visiblePage(pool, access.community().id(), Slugs.key(slug), user.admin(), user.id())
        .map(
            id ->
                new Target(
                    access.community().id(),
                    id.orElseThrow(() -> AppError.notFound("page_not_found", slug))));
  }

  private record Target(long communityId, Long pageId) {}
}
