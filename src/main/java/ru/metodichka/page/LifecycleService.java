package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.function.Function;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.Slugs;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.db.DatabaseErrors;
import ru.metodichka.error.AppError;
import ru.metodichka.notification.event.Notifications;
import ru.metodichka.render.MarkdownRenderer;

/**
 * A page's life after it is written, without a broken link: renamed (a new title, a new address or
 * both), moved to another community with its history, retired to the archive (kept and readable by
 * its community, out of the bank and search) and restored. Nothing is deleted. Old addresses
 * redirect for ever and wiki links to an old title keep leading to the page ({@link OldAddresses});
 * every act is one transaction under the page's row lock and is recorded for the history.
 *
 * <p>Who may: members rename the pages the public does not read; a published page's address and
 * title are the bank's, so its moderators rename it; moving needs a moderator of both communities;
 * retiring and restoring are the moderators'.
 */
public final class LifecycleService {
  private final Pool pool;
  private final CommunityService communities;
  private final PageViewCache viewCache;
  private final PageRepository pages = new PageRepository();
  private final RevisionRepository revisions = new RevisionRepository();
  private final ReviewRepository reviews = new ReviewRepository();
  private final LifecycleRepository lifecycle = new LifecycleRepository();
  private final OldAddresses oldAddresses = new OldAddresses();
  private final RevisionWriter writer;

  /**
   * @param markdown the workers that read a text's wiki links (a new title is a new revision)
   */
  public LifecycleService(
      Pool pool,
      CommunityService communities,
      ContributionRepository contributions,
      MarkdownRenderer renderer,
      WorkerExecutor markdown,
      PageViewCache viewCache) {
    this.pool = pool;
    this.communities = communities;
    this.viewCache = viewCache;
    this.writer =
        new RevisionWriter(
            pages,
            revisions,
            new LinkRepository(),
            contributions,
            Notifications.NONE, // a rename's new revision tells no watcher, as it never did
            renderer,
            markdown);
  }

  /**
   * Gives the page a new title, a new address or both; null keeps what it has. A new title is a new
   * revision with the same text (of a published page with no unreviewed edits, reviewed at once:
   * the moderator who renames it is the reviewer). 409 when another page has or had the address.
   */
  public Future<Placed> rename(
      CurrentUser actor, String community, String slug, String title, String newSlug) {
    return act(
        actor,
        community,
        slug,
        Access::requireEditor,
        (tx, access, page) -> {
          if (page.published()) {
            access.requireModerator();
          }
          String toTitle = title(title);
          String toSlug = slug(newSlug);
          if (toTitle == null && toSlug == null) {
            throw AppError.invalid("title", "required");
          }
          return renameLocked(tx, access, page, toTitle, toSlug);
        });
  }

  private Future<Placed> renameLocked(
      SqlClient tx, Access access, Page page, String title, String slug) {
    requireNotRetired(page);
    String toTitle = title == null ? page.title() : title;
    String toSlug = slug == null ? page.slug() : slug;
    boolean readdressed = !toSlug.equals(page.slug());
    if (!readdressed && toTitle.equals(page.title())) {
      return Future.succeededFuture(Placed.of(access, page));
    }
    long communityId = access.community().id();
    Future<Void> address =
        readdressed ? readdress(tx, page, communityId, toSlug) : Future.succeededFuture();
    return address
        .compose(v -> retitle(tx, access, page, toTitle))
        .compose(
            revision ->
                lifecycle
                    .recordChange(
                        tx,
                        LifecycleEvent.Kind.RENAMED,
                        page,
                        revision,
                        communityId,
                        toSlug,
                        toTitle,
                        access.user().id())
                    .compose(v -> pages.findById(tx, page.id()))
                    .map(renamed -> Placed.of(access, renamed)));
  }

  /**
   * A new title as a new revision (the text, kind and metadata as they are); returns the page's
   * latest revision after it.
   */
  private Future<Integer> retitle(SqlClient tx, Access access, Page page, String title) {
    if (title.equals(page.title())) {
      return Future.succeededFuture(page.currentRevision());
    }
    return revisions
        .find(tx, page.id(), page.currentRevision())
        .map(found -> found.orElseThrow())
        .compose(
            current ->
                writer.append(
                    tx,
                    access,
                    page,
                    NewContent.retitled(current, title),
                    "",
                    current.number(),
                    false,
                    null))
        .compose(
            number ->
                page.published() && page.unreviewed() == 0
                    ? pages
                        .reviewed(tx, page, number, access.user().id())
                        .compose(
                            v ->
                                reviews.record(
                                    tx,
                                    page.id(),
                                    number,
                                    ReviewEvent.Kind.REVIEWED,
                                    access.user().id(),
                                    null))
                        .map(number)
                    : Future.succeededFuture(number));
  }

  /**
   * Moves the page and its whole history to another community (moderators of both), keeping its
   * address there unless {@code newSlug} gives another; the old address redirects. The page leaves
   * its place in the old community's tree (its children there stay, at the top).
   */
  public Future<Placed> move(
      CurrentUser actor, String community, String slug, String target, String newSlug) {
    return act(
        actor,
        community,
        slug,
        Access::requireModerator,
        (tx, access, page) -> {
          if (target == null || target.isBlank()) {
            throw AppError.invalid("community", "required");
          }
          String toSlug = slug(newSlug);
          return communities
              .access(tx, actor, target.strip())
              .map(Access::requireModerator)
              .compose(to -> moveLocked(tx, access, to, page, toSlug));
        });
  }

  private Future<Placed> moveLocked(SqlClient tx, Access from, Access to, Page page, String slug) {
    if (to.community().id() == from.community().id()) {
      throw AppError.invalid("community", "same_community");
    }
    String toSlug = slug == null ? page.slug() : slug;
    return readdress(tx, page, to.community().id(), toSlug)
        .compose(
            v ->
                lifecycle.recordChange(
                    tx,
                    LifecycleEvent.Kind.MOVED,
                    page,
                    page.currentRevision(),
                    to.community().id(),
                    toSlug,
                    page.title(),
                    from.user().id()))
        .compose(v -> pages.findById(tx, page.id()))
        .map(moved -> Placed.of(to, moved));
  }

  /** A new address for the page, unless another page of that community has or had it (409). */
  private Future<Void> readdress(SqlClient tx, Page page, long communityId, String slug) {
    return pages
        .find(tx, communityId, slug)
        .compose(
            found -> {
              if (found.isPresent() && found.get().id() != page.id()) {
                throw AppError.conflict("page_slug_taken", slug);
              }
              return oldAddresses.requireFree(tx, communityId, slug, page.id());
            })
        .compose(v -> pages.readdress(tx, page.id(), communityId, slug))
        .recover(DatabaseErrors.uniqueViolation(() -> AppError.conflict("page_slug_taken", slug)));
  }

  /**
   * Retires the page (moderators): archived, it stays readable by its community with a banner, and
   * leaves the bank and search; it changes no more until restored. 409 when already retired.
   */
  public Future<Placed> retire(CurrentUser actor, String community, String slug) {
    return act(
        actor,
        community,
        slug,
        Access::requireModerator,
        (tx, access, page) -> {
          requireNotRetired(page);
          return pages
              .setStatus(tx, page.id(), PageStatus.ARCHIVED, actor.id())
              .compose(
                  v ->
                      lifecycle.recordStatus(
                          tx, LifecycleEvent.Kind.RETIRED, page, access.user().id()))
              .compose(v -> pages.findById(tx, page.id()))
              .map(retired -> Placed.of(access, retired));
        });
  }

  /**
   * Brings a retired page back (moderators) to the status it had: a published page returns to the
   * bank with the revision reviewed before. 409 when the page is not retired.
   */
  public Future<Placed> restore(CurrentUser actor, String community, String slug) {
    return act(
        actor,
        community,
        slug,
        Access::requireModerator,
        (tx, access, page) -> {
          if (page.status() != PageStatus.ARCHIVED) {
            throw AppError.conflict("page_not_archived", slug);
          }
          return pages
              .statusBeforeRetiring(tx, page.id())
              .map(
                  before ->
                      before == PageStatus.PUBLISHED && page.reviewedRevision() == null
                          ? PageStatus.DRAFT
                          : before)
              .compose(status -> pages.restore(tx, page.id(), status, access.user().id()))
              .compose(
                  v ->
                      lifecycle.recordStatus(
                          tx, LifecycleEvent.Kind.RESTORED, page, access.user().id()))
              .compose(v -> pages.findById(tx, page.id()))
              .map(restored -> Placed.of(access, restored));
        });
  }

  /** The lifecycle acts of a page its reader may see, done at the revisions they may read. */
  public Future<List<LifecycleEvent>> events(VisiblePage visible) {
    return lifecycle.ofPage(
        pool, visible.page().id(), Visibility.shownRevision(visible.access(), visible.page()));
  }

  /**
   * One act: the community's rule first, then the page locked (a redirect from an old address),
   * then the act, in a transaction; every cached rendering goes after the commit (the page's old
   * address, title or status may be on any page).
   */
  private Future<Placed> act(
      CurrentUser actor, String community, String slug, Function<Access, Access> rule, Act act) {
    actor.requireLoggedIn();
    return pool.withTransaction(
            tx ->
                communities
                    .access(tx, actor, community)
                    .map(rule)
                    .compose(access -> locked(tx, access, slug))
                    .compose(locked -> act.apply(tx, locked.access(), locked.page())))
        .onSuccess(placed -> viewCache.statusChanged());
  }

  private Future<LockedPage> locked(SqlClient tx, Access access, String slug) {
    return pages
        .lock(tx, access.community().id(), slug)
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(new LockedPage(access, found.get()))
                    : oldAddresses.missing(tx, access, slug));
  }

  private static void requireNotRetired(Page page) {
    if (page.status() == PageStatus.ARCHIVED) {
      throw AppError.conflict("page_archived", page.slug());
    }
  }

  /** A trimmed title of at most {@link SaveRequest#MAX_TITLE} characters; null for none. */
  private static String title(String value) {
    if (value == null) {
      return null;
    }
    String title = value.strip();
    if (title.isEmpty()) {
      throw AppError.invalid("title", "required");
    }
    if (title.length() > SaveRequest.MAX_TITLE) {
      throw AppError.invalid("title", "too_long", SaveRequest.MAX_TITLE);
    }
    if (title.indexOf('\u0000') >= 0) {
      throw AppError.invalid("title", "nul_character");
    }
    return title;
  }

  /** A trimmed address a page may have; null for none. */
  private static String slug(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String slug = value.strip();
    if (!Slugs.isValid(slug)) {
      throw AppError.invalid("slug", "slug");
    }
    return slug;
  }

  private record LockedPage(Access access, Page page) {}

  /** One lifecycle act on a locked page, inside the transaction. */
  @FunctionalInterface
  private interface Act {
    Future<Placed> apply(SqlClient tx, Access access, Page page);
  }

  /** Where a page is and how it stands after a lifecycle act. */
  public record Placed(String community, String slug, String title, PageStatus status) {
    static Placed of(Access access, Page page) {
      return new Placed(access.community().slug(), page.slug(), page.title(), page.status());
    }

    /** {@code /c/{community}/{slug}}. */
    public String path() {
      return "/c/" + community + "/" + slug;
    }
  }
}
