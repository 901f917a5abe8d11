package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/**
 * Reading pages and their history. A draft is visible only to the community's members and
 * moderators and to administrators; to everyone else it does not exist (404).
 */
public final class PageReader {
  private final Pool pool;
  private final CommunityService communities;
  private final PageRepository pages = new PageRepository();
  private final RevisionRepository revisions = new RevisionRepository();
  private final LinkRepository links = new LinkRepository();
  private final ActivityRepository activity = new ActivityRepository();
  private final PageRendering rendering;
  private final ViewCounter views;

  public PageReader(
      Pool pool, CommunityService communities, PageRendering rendering, ViewCounter views) {
    this.pool = pool;
    this.communities = communities;
    this.rendering = rendering;
    this.views = views;
  }

  /** Up to {@code limit} of the community's pages from after {@code after}, in the list's order. */
  public Future<PageSlice> list(CurrentUser actor, String community, PageCursor after, int limit) {
    return communities.access(pool, actor, community).compose(a -> list(a, after, limit));
  }

  /**
   * Up to {@code limit} of the pages its reader may see (drafts for members) after {@code after}.
   */
  public Future<PageSlice> list(Access access, PageCursor after, int limit) {
    return pages.list(pool, access.community().id(), access.canSeeDrafts(), after, limit);
  }

  /** The current revision with its HTML. */
  public Future<JsonObject> page(CurrentUser actor, String community, String slug) {
    return visible(actor, community, slug)
        .compose(v -> rendered(v, v.page().currentRevision()).map(r -> pageJson(v, r)));
  }

  /**
   * Everything the page screen shows: the current revision with its HTML, the authors from the
   * history, the backlinks, and what the reader may do with it.
   */
  public Future<JsonObject> view(CurrentUser actor, String community, String slug) {
    return visible(actor, community, slug).compose(this::view);
  }

  /** The current revision, its authors and backlinks, read side by side; a view is counted. */
  private Future<JsonObject> view(Visible v) {
    if (v.page().published()) {
      views.viewed(v.page().id());
    }
    var current = rendered(v, v.page().currentRevision());
    var authors = activity.authors(pool, v.page().id());
    var backlinks = backlinks(v);
    return Future.all(current, authors, backlinks)
        .map(
            all ->
                pageJson(v, current.result())
                    .put("id", v.page().id())
                    .put("authors", authors.result())
                    .put("backlinks", backlinks.result())
                    .put("canEdit", v.access().canEdit())
                    .put("canModerate", v.access().canModerate()));
  }

  /** The newest revisions the actor may see across the site. */
  public Future<JsonArray> recentChanges(CurrentUser actor, int limit) {
    return activity.recent(pool, actor.admin(), actor.id(), null, limit);
  }

  /** The newest revisions in one community its reader may see. */
  public Future<JsonArray> recentChanges(Access access, int limit) {
    CurrentUser actor = access.user();
    return activity.recent(pool, actor.admin(), actor.id(), access.community().id(), limit);
  }

  /** The latest pages published to the bank, across communities. */
  public Future<JsonArray> newestPublished(int limit) {
    return activity.newestPublished(pool, limit);
  }

  public Future<Rendered> rendered(Visible v, int number) {
    return revision(v, number)
        .compose(
            r ->
                rendering.html(pool, v.access().community(), r).map(html -> new Rendered(r, html)));
  }

  private static JsonObject pageJson(Visible v, Rendered rendered) {
    Revision r = rendered.revision();
    Page page = v.page();
    return new JsonObject()
        .put("community", v.access().community().slug())
        .put("communityName", v.access().community().name())
        .put("slug", page.slug())
        .put("title", r.title())
        .put("kind", r.kind())
        .put("status", page.status())
        .put("revision", r.number())
        .put("markdown", r.markdown())
        .put("metadata", r.metadata().toJson())
        .put("html", rendered.html())
        .put("author", r.author())
        .put("createdAt", Rows.time(page.createdAt()))
        .put("updatedAt", Rows.time(r.createdAt()))
        .put("publishedAt", Rows.time(page.publishedAt()));
  }

  public static JsonObject revisionJson(Rendered rendered) {
    Revision r = rendered.revision();
    return new JsonObject()
        .put("revision", r.number())
        .put("title", r.title())
        .put("kind", r.kind())
        .put("author", r.author())
        .put("createdAt", Rows.time(r.createdAt()))
        .put("summary", r.summary())
        .put("baseRevision", r.baseNumber())
        .put("merged", r.merged())
        .put("revertedFrom", r.revertedFrom())
        .put("markdown", r.markdown())
        .put("metadata", r.metadata().toJson())
        .put("html", rendered.html());
  }

  public Future<JsonArray> backlinks(CurrentUser actor, String community, String slug) {
    return visible(actor, community, slug).compose(this::backlinks);
  }

  private Future<JsonArray> backlinks(Visible v) {
    return links.backlinks(
        pool,
        v.page().id(),
        v.access().user().admin(),
        v.access().canSeeDrafts() ? v.access().community().id() : 0);
  }

  public Future<Visible> visible(CurrentUser actor, String community, String slug) {
    return communities
        .access(pool, actor, community)
        .compose(
            access ->
                pages
                    .find(pool, access.community().id(), slug)
                    .map(
                        found ->
                            found
                                .filter(p -> p.published() || access.canSeeDrafts())
                                .map(p -> new Visible(access, p))
                                .orElseThrow(() -> AppError.notFound("page_not_found", slug))));
  }

  public Future<Revision> revision(Visible v, int number) {
    return revisions
        .find(pool, v.page().id(), number)
        .map(found -> found.orElseThrow(() -> AppError.notFound("revision_not_found", number)));
  }

  /** A page the actor may see, with what they may do in its community. */
  public record Visible(Access access, Page page) {}

  public record Rendered(Revision revision, String html) {}
}
