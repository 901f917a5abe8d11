package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.Slugs;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.error.AppError;
import ru.metodichka.notification.event.Notifications;
import ru.metodichka.render.MarkdownRenderer;

/**
 * Changes to pages: saving (with a three-way merge when the author started from an older revision),
 * reverting, publishing. Each act is one transaction; revision numbers are assigned under the
 * page's row lock.
 */
public final class PageService {
  private final Pool pool;
  private final CommunityService communities;
  private final PageRepository pages = new PageRepository();
  private final RevisionRepository revisions = new RevisionRepository();
  private final IdempotencyRepository idempotency = new IdempotencyRepository();
  private final OldAddresses oldAddresses = new OldAddresses();
  private final RevisionHidings hidings = new RevisionHidings();
  private final ReviewRepository reviews = new ReviewRepository();
  private final IndexWake wake = new IndexWake();
  private final RevisionWriter writer;
  private final PageViewCache viewCache;

  /**
   * @param markdown the workers that read a text's wiki links (flexmark may take up to the
   *     renderer's time budget on a hostile text)
   * @param notifications told of each new revision, in its transaction (watchers hear of it)
   */
  public PageService(
      Pool pool,
      CommunityService communities,
      ContributionRepository contributions,
      MarkdownRenderer renderer,
      WorkerExecutor markdown,
      PageViewCache viewCache,
      Notifications notifications) {
    this.pool = pool;
    this.viewCache = viewCache;
    this.communities = communities;
    this.writer =
        new RevisionWriter(
            pages,
            revisions,
            new LinkRepository(),
            contributions,
            notifications,
            renderer,
            markdown);
  }

  /** Saves a page (members, moderators, administrators); see {@link SaveMerge} for stale saves. */
  public Future<SaveResult> save(
      CurrentUser actor, String community, String slug, SaveRequest request, IdempotencyKey key) {
    if (!Slugs.isValid(slug)) {
      throw AppError.badRequest("invalid_slug", slug);
    }
    return writer
        .links(request.markdown(), community)
        .compose(
            links ->
                pool.withTransaction(tx -> saveIn(tx, actor, community, slug, request, key, links)))
        .onSuccess(
            saved -> {
              viewCache.pageChanged(community, slug);
              if (!saved.unchanged()) {
                wake.send(pool);
              }
            });
  }

  /**
   * The save's transaction, which wakes the search indexers after its commit ({@link IndexWake}).
   */
  private Future<SaveResult> saveIn(
      SqlClient tx,
      CurrentUser actor,
      String community,
      String slug,
      SaveRequest request,
      IdempotencyKey key,
      RevisionWriter.ParsedLinks links) {
    Future<Void> promised = wake.promise(tx); // sent along with the first question, not waited for
    return communities
        .access(tx, actor, community)
        .map(Access::requireEditor)
        .compose(
            access ->
                key == null
                    ? saveLocked(tx, access, slug, request, links)
                    : saveOnce(tx, access, slug, request, key, links))
        .compose(saved -> promised.map(saved));
  }

  /** Forgets stored answers to idempotent saves older than a day. */
  public Future<Integer> purgeIdempotencyKeys() {
    return idempotency.purge(pool);
  }

  /** A save with an idempotency key: a key seen before gets the answer it got then. */
  private Future<SaveResult> saveOnce(
      SqlClient tx,
      Access access,
      String slug,
      SaveRequest request,
      IdempotencyKey key,
      RevisionWriter.ParsedLinks links) {
    long userId = access.user().id();
    return idempotency
        .claim(tx, userId, key)
        .compose(
            stored ->
                stored.isPresent()
                    ? Future.succeededFuture(stored.get())
                    : saveLocked(tx, access, slug, request, links)
                        .compose(result -> idempotency.store(tx, userId, key, result).map(result)));
  }

  private Future<SaveResult> saveLocked(
      SqlClient tx,
      Access access,
      String slug,
      SaveRequest request,
      RevisionWriter.ParsedLinks links) {
    Integer base = basedOn(request);
    Future<Locked> lockedPage = lockOrCreate(tx, access, slug, request);
    // Sent right behind the lock, not after its answer (RevisionRepository.FIND_HEAD says why).
    Future<Optional<Revision>> head = revisions.head(tx, access.community().id(), slug);
    return lockedPage.compose(
        locked ->
            head.compose(h -> decide(tx, locked.page(), request, h))
                .compose(
                    content ->
                        append(tx, access, locked, content, request.summary(), base, links)));
  }

  /**
   * The revision the saved text was written on: a text assembled from choices is written on the
   * revision it settles the conflict with.
   */
  private static Integer basedOn(SaveRequest request) {
    SaveRequest.Resolution resolution = request.resolution();
    if (resolution != null && resolution.choices() != null) {
      return resolution.conflictWith();
    }
    return request.baseRevision() == 0 ? null : request.baseRevision();
  }

  /**
   * Appends the content as the next revision, unless it repeats the current one; a retired page
   * changes no more (409) until a moderator restores it.
   */
  private Future<SaveResult> append(
      SqlClient tx,
      Access access,
      Locked locked,
      NewContent content,
      String summary,
      Integer base,
      RevisionWriter.ParsedLinks links) {
    if (locked.page().status() == PageStatus.ARCHIVED) {
      return Future.failedFuture(AppError.conflict("page_archived", locked.page().slug()));
    }
    if (content.sameAs(content.replaced())) {
      return Future.succeededFuture(SaveResult.unchanged(locked.page().currentRevision()));
    }
    return writer
        .append(tx, access, locked.page(), content, summary, base, locked.created(), links)
        .map(number -> SaveResult.saved(number, content.merged(), locked.created()));
  }

  private Future<Locked> lockOrCreate(
      SqlClient tx, Access access, String slug, SaveRequest request) {
    long communityId = access.community().id();
    return pages
        .lock(tx, communityId, slug)
        .compose(
            found -> {
              if (found.isPresent()) {
                return Future.succeededFuture(new Locked(found.get(), false));
              }
              if (request.baseRevision() > 0) {
                return oldAddresses.missing(tx, access, slug);
              }
              return oldAddresses
                  .requireFree(tx, communityId, slug, 0)
                  .compose(v -> create(tx, communityId, slug, request));
            });
  }

  /** Inserts the page; if someone created it a moment ago, theirs is locked and merged with. */
  private Future<Locked> create(SqlClient tx, long communityId, String slug, SaveRequest request) {
    String kind = request.kind() != null ? request.kind() : ResultKind.ARTICLE.code();
    return pages
        .insertIfAbsent(tx, communityId, slug, request.title(), kind)
        .compose(
            inserted ->
                inserted.isPresent()
                    ? Future.succeededFuture(new Locked(inserted.get(), true))
                    : pages
                        .lock(tx, communityId, slug)
                        .map(page -> new Locked(page.orElseThrow(), false)));
  }

  /**
   * What the save becomes: the text as sent, or merged with what was saved meanwhile.
   *
   * @param head the page's current revision if it was read along with the lock
   */
  private Future<NewContent> decide(
      SqlClient tx, Page page, SaveRequest request, Optional<Revision> head) {
    SaveRequest.Resolution resolution = request.resolution();
    if (resolution != null && resolution.conflictWith() > page.currentRevision()) {
      throw AppError.invalid(
          "resolvesConflictWith", "no_such_revision", Math.max(page.currentRevision(), 0));
    }
    if (resolution != null && resolution.choices() != null) {
      return settle(tx, page, request);
    }
    if (page.currentRevision() == 0) {
      return Future.succeededFuture(NewContent.as(request, Revision.nothing(page.id())));
    }
    Future<Revision> current =
        head.filter(h -> h.number() == page.currentRevision())
            .map(Future::succeededFuture)
            .orElseGet(() -> revision(tx, page, page.currentRevision()));
    return current
        .compose(c -> decideAgainst(tx, page, c, request))
        .map(
            content -> resolution == null ? content : content.resolving(resolution.conflictWith()));
  }

  /**
   * A resolution by choices: the text is assembled against the revision the author conflicted with,
   * then saved on top of it like any save (merged, or a new conflict, when someone saved again
   * meanwhile).
   */
  private Future<NewContent> settle(SqlClient tx, Page page, SaveRequest request) {
    int base = request.baseRevision();
    Future<Revision> baseRevision =
        base == 0 ? Future.succeededFuture(Revision.nothing(page.id())) : revision(tx, page, base);
    return baseRevision.compose(
        b ->
            revision(tx, page, request.resolution().conflictWith())
                .compose(
                    conflict ->
                        decide(
                            tx, page, SaveMerge.settle(b, conflict, request), Optional.empty())));
  }

  private Future<NewContent> decideAgainst(
      SqlClient tx, Page page, Revision current, SaveRequest request) {
    int base = request.baseRevision();
    if (base > current.number()) {
      throw AppError.invalid("baseRevision", "no_such_revision", current.number());
    }
    if (base == current.number()) {
      return Future.succeededFuture(NewContent.as(request, current));
    }
    Future<Revision> baseRevision =
        base == 0 ? Future.succeededFuture(Revision.nothing(page.id())) : revision(tx, page, base);
    return baseRevision.map(b -> SaveMerge.merge(b, current, request));
  }

  /** Appends a revision with the text of revision {@code number} (members and moderators). */
  public Future<SaveResult> revert(CurrentUser actor, String community, String slug, int number) {
    return pool.withTransaction(
            tx ->
                communities
                    .access(tx, actor, community)
                    .map(Access::requireEditor)
                    .compose(
                        access ->
                            locked(tx, access, slug)
                                .compose(page -> revertLocked(tx, access, page, number))))
        .onSuccess(reverted -> viewCache.pageChanged(community, slug));
  }

  private Future<SaveResult> revertLocked(SqlClient tx, Access access, Page page, int number) {
    return hidings
        .isHidden(tx, page.id(), number)
        .compose(
            hidden ->
                hidden && !Visibility.mayReadRevision(access, page, number, true)
                    ? Future.failedFuture(AppError.notFound("revision_hidden", number))
                    : revertTo(tx, access, page, number, "Откат к версии " + number));
  }

  private Future<SaveResult> revertTo(
      SqlClient tx, Access access, Page page, int number, String summary) {
    return revision(tx, page, number)
        .compose(
            target ->
                revision(tx, page, page.currentRevision())
                    .compose(
                        current ->
                            append(
                                tx,
                                access,
                                new Locked(page, false),
                                NewContent.revertTo(target, current),
                                summary,
                                current.number(),
                                null)));
  }

  /**
   * Hides revision {@code number} from everyone but the community's moderators and administrators
   * (an ethics report's resolution), inside the caller's transaction; the hiding is recorded, the
   * revision stays. When the revision is the one the page shows — its current one, or the reviewed
   * one the public reads — the page is first reverted to the newest revision before it that is not
   * hidden (and, if the public read the hidden one, that revert is the reviewed revision from now
   * on: the moderator's act), so no reader, search index or export holds hidden text; 409 when
   * there is no such revision (hiding a page's only text: unpublish or retire it instead). The
   * caller invalidates the page's cached view ({@link #pageChanged}) after the commit.
   *
   * @return the revision the page was reverted to, or 0 when the page did not change
   */
  public Future<Integer> hideRevision(
      SqlClient tx, Access access, long pageId, int number, String reason) {
    access.requireModerator();
    return pages
        .findById(tx, pageId)
        .compose(p -> locked(tx, access, p.slug()))
        .compose(
            page -> {
              if (number < 1 || number > page.currentRevision()) {
                throw AppError.notFound("revision_not_found", number);
              }
              boolean shown =
                  number == page.currentRevision()
                      || Integer.valueOf(number).equals(page.reviewedRevision());
              Future<Integer> revert =
                  shown ? revertBeforeHiding(tx, access, page, number) : Future.succeededFuture(0);
              return revert.compose(
                  to -> hidings.hide(tx, page.id(), number, access.user().id(), reason).map(to));
            });
  }

  /**
   * Reverts the page to the newest revision before {@code number} that is not hidden, inside the
   * caller's transaction (an ethics report's resolution «откатить»; moderators); 409 when there is
   * none. The caller forgets the cached views after the commit ({@link #revisionHidden}).
   *
   * @return the revision the page went back to
   */
  public Future<Integer> revertBefore(SqlClient tx, Access access, long pageId, int number) {
    access.requireModerator();
    return pages
        .findById(tx, pageId)
        .compose(p -> locked(tx, access, p.slug()))
        .compose(
            page ->
                hidings
                    .visibleBefore(tx, page.id(), Math.min(number, page.currentRevision()))
                    .compose(
                        before -> {
                          if (before.isEmpty()) {
                            throw AppError.conflict("revision_hide_only", number);
                          }
                          int target = before.get();
                          return revertTo(
                                  tx,
                                  access,
                                  page,
                                  target,
                                  "Откат к версии " + target + " по жалобе")
                              .map(target);
                        }));
  }

  private Future<Integer> revertBeforeHiding(SqlClient tx, Access access, Page page, int number) {
    return hidings
        .visibleBefore(tx, page.id(), number)
        .compose(
            before -> {
              if (before.isEmpty()) {
                throw AppError.conflict("revision_hide_only", number);
              }
              int target = before.get();
              return revertTo(
                      tx,
                      access,
                      page,
                      target,
                      "Версия " + number + " скрыта модератором: откат к версии " + target)
                  .compose(
                      saved ->
                          Integer.valueOf(number).equals(page.reviewedRevision())
                                  && page.published()
                              ? pages
                                  .findById(tx, page.id())
                                  .compose(
                                      now ->
                                          pages
                                              .reviewed(
                                                  tx,
                                                  now,
                                                  now.currentRevision(),
                                                  access.user().id())
                                              .compose(
                                                  v ->
                                                      reviews.record(
                                                          tx,
                                                          page.id(),
                                                          now.currentRevision(),
                                                          ReviewEvent.Kind.REVIEWED,
                                                          access.user().id(),
                                                          null)))
                                  .map(target)
                              : Future.succeededFuture(target));
            });
  }

  /**
   * Forgets this server's cached public view of a page whose discussion changed (call after the
   * commit); other servers learn it from their indexers (a trigger on {@code comments} queues the
   * page like a save).
   */
  public void discussionChanged(String community, String slug) {
    viewCache.pageChanged(community, slug);
  }

  /** Forgets every cached public view after a revision was hidden (call after the commit). */
  public void revisionHidden() {
    viewCache.statusChanged();
  }

  private Future<Page> locked(SqlClient tx, Access access, String slug) {
    return pages
        .lock(tx, access.community().id(), slug)
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(found.get())
                    : oldAddresses.missing(tx, access, slug));
  }

  private Future<Revision> revision(SqlClient tx, Page page, int number) {
    return revisions
        .find(tx, page.id(), number)
        .map(found -> found.orElseThrow(() -> AppError.notFound("revision_not_found", number)));
  }

  private record Locked(Page page, boolean created) {}
}
