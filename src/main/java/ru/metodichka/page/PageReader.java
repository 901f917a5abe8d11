package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;

/**
 * Reading pages. Every method answers only with what its reader may see ({@link Visibility}): a
 * page the reader may not see does not exist for them (404), and lists leave it out.
 */
public final class PageReader {
  private final Pool pool;
  private final CommunityService communities;
  private final PageRepository pages = new PageRepository();
  private final RevisionRepository revisions = new RevisionRepository();
  private final RevisionHidings hidings = new RevisionHidings();
  private final LinkRepository links = new LinkRepository();
  private final OldAddresses oldAddresses = new OldAddresses();
  private final ActivityRepository activity = new ActivityRepository();
  private final PlacementRepository placements = new PlacementRepository();
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

  /** Up to {@code limit} of the pages its reader may see after {@code after}. */
  public Future<PageSlice> list(Access access, PageCursor after, int limit) {
    return pages.list(pool, access.community().id(), access.insider(), after, limit);
  }

  /**
   * The revision its reader reads (the latest for insiders, the reviewed one for everyone else)
   * with its HTML; no authors or backlinks: the API's page.
   */
  public Future<PageView> page(CurrentUser actor, String community, String slug) {
    return visible(actor, community, slug)
        .compose(
            v ->
                rendered(v, shown(v))
                    .map(r -> new PageView(v, r, List.of(), List.of(), Placement.NONE)));
  }

  /**
   * Everything the page screen shows: the current revision with its HTML, the authors from the
   * history, the backlinks and the page's place in the structure, read side by side. A view of a
   * published page is counted.
   */
  public Future<PageView> view(CurrentUser actor, String community, String slug) {
    return visible(actor, community, slug).compose(this::view);
  }

  private Future<PageView> view(VisiblePage v) {
    if (v.page().published()) {
      views.viewed(v.page().id());
    }
    var current = rendered(v, shown(v));
    var authors = activity.authors(pool, v.page().id(), shown(v));
    var backlinks = backlinks(v);
    var placement = placements.of(pool, v.page(), v.access().insider());
    return Future.all(current, authors, backlinks, placement)
        .map(
            all ->
                new PageView(
                    v, current.result(), authors.result(), backlinks.result(), placement.result()));
  }

  /**
   * Who wrote a visible page up to revision {@code upTo} (one its reader may read), with their
   * institutions, in the order they first wrote: for citations and exports of old revisions.
   */
  public Future<List<Author>> authors(VisiblePage v, int upTo) {
    return activity.authors(pool, v.page().id(), Math.min(upTo, shown(v)));
  }

  /** The newest revisions the actor may see across the site. */
  public Future<List<Change>> recentChanges(CurrentUser actor, int limit) {
    return activity.recent(pool, actor, null, limit);
  }

  /** The newest revisions in one community its reader may see. */
  public Future<List<Change>> recentChanges(Access access, int limit) {
    return activity.recent(pool, access.user(), access.community().id(), limit);
  }

  /** The newest revisions in the communities the actor is an insider of (logged in). */
  public Future<List<Change>> recentInOwnCommunities(CurrentUser actor, int limit) {
    return activity.recentInOwn(pool, actor, limit);
  }

  /** Unpublished pages the actor wrote and may still see, last changed first. */
  public Future<List<WorkingPage>> workingOn(CurrentUser actor, int limit) {
    return activity.working(pool, actor, limit);
  }

  /** The latest pages published to the bank, across communities. */
  public Future<List<PublishedPage>> newestPublished(int limit) {
    return activity.newestPublished(pool, limit);
  }

  public Future<List<Backlink>> backlinks(CurrentUser actor, String community, String slug) {
    return visible(actor, community, slug).compose(this::backlinks);
  }

  private Future<List<Backlink>> backlinks(VisiblePage v) {
    return links.backlinks(pool, v.page().id(), v.access().user());
  }

  /**
   * The page if its reader may see it, with what they may do; a redirect from an old address of a
   * page they may see ({@link OldAddresses}); 404 otherwise.
   */
  public Future<VisiblePage> visible(CurrentUser actor, String community, String slug) {
    return communities
        .access(pool, actor, community)
        .compose(
            access ->
                pages
                    .find(pool, access.community().id(), slug)
                    .compose(
                        found -> {
                          if (found.isEmpty()) {
                            return oldAddresses.missing(pool, access, slug);
                          }
                          if (!Visibility.maySee(access, found.get().status())) {
                            throw AppError.notFound("page_not_found", slug);
                          }
                          return Future.succeededFuture(new VisiblePage(access, found.get()));
                        }));
  }

  /** One revision of a visible page, with its HTML as its reader sees the links. */
  public Future<RenderedRevision> rendered(VisiblePage v, int number) {
    return revision(v, number)
        .compose(r -> rendering.html(pool, v, r).map(html -> new RenderedRevision(r, html)));
  }

  /** The revision the reader reads of this page ({@link Visibility#shownRevision}). */
  static int shown(VisiblePage v) {
    return Visibility.shownRevision(v.access(), v.page());
  }

  /**
   * One revision of a visible page; 404 when there is no such number, or when it is a revision the
   * reader may not read (one saved after the review, for anyone but an insider).
   */
  public Future<Revision> revision(VisiblePage v, int number) {
    if (!Visibility.mayRead(v.access(), v.page(), number)) {
      return Future.failedFuture(AppError.notFound("revision_not_found", number));
    }
    return revisions
        .find(pool, v.page().id(), number)
        .map(found -> found.orElseThrow(() -> AppError.notFound("revision_not_found", number)))
        .compose(
            r ->
                hidings
                    .isHidden(pool, v.page().id(), number)
                    .map(
                        hidden -> {
                          if (!Visibility.mayReadRevision(v.access(), v.page(), number, hidden)) {
                            throw AppError.notFound("revision_hidden", number);
                          }
                          return r;
                        }));
  }

  /** The numbers of the page's hidden revisions (for the history's marks). */
  public Future<java.util.Set<Integer>> hiddenRevisions(VisiblePage v) {
    return hidings.ofPage(pool, v.page().id());
  }
}
