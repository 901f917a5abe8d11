package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.notification.event.Event;
import ru.metodichka.notification.event.Notifications;

/**
 * The review workflow of published materials (§4.8: moderators prepare them for the teaching
 * community). A member asks for a review (a draft then waits «на проверке»); a moderator reviews a
 * revision — the public reads it from then on, and publishing is reviewing the latest — or returns
 * the page with a note; unpublishing withdraws it from the public. Edits saved to a published page
 * wait, unseen by the public, for the next review. Every act is one transaction under the page's
 * row lock and is recorded (who, when, which revision); in the same transaction a request is told
 * to the community's moderators and a decision to the page's authors.
 */
public final class ReviewService {
  static final int MAX_NOTE = 2000;
  private final Pool pool;
  private final CommunityService communities;
  private final PageViewCache viewCache;
  private final Notifications notifications;
  private final PageRepository pages = new PageRepository();
  private final ReviewRepository reviews = new ReviewRepository();
  private final OldAddresses oldAddresses = new OldAddresses();

  public ReviewService(
      Pool pool,
      CommunityService communities,
      PageViewCache viewCache,
      Notifications notifications) {
    this.pool = pool;
    this.communities = communities;
    this.viewCache = viewCache;
    this.notifications = notifications;
  }

  /** Reviews the latest revision (moderators): the page is published as it stands now. */
  public Future<ReviewState> publish(CurrentUser actor, String community, String slug) {
    return review(actor, community, slug, null);
  }

  /**
   * Marks a revision reviewed (moderators): the public reads it from now on; the page is published
   * if it was not. {@code revision} null means the latest; 422 when there is no such revision.
   */
  public Future<ReviewState> review(
      CurrentUser actor, String community, String slug, Integer revision) {
    return review(actor, community, slug, revision, null);
  }

  /**
   * {@link #review(CurrentUser, String, String, Integer)} with the moderator's note, recorded with
   * the review (why a page that lacks something on its checklist was published anyway).
   */
  public Future<ReviewState> review(
      CurrentUser actor, String community, String slug, Integer revision, String note) {
    String text = note(note, false);
    return act(
            actor,
            community,
            slug,
            Access::requireModerator,
            (tx, page) -> {
              if (page.status() == PageStatus.ARCHIVED) {
                throw AppError.conflict("page_archived", slug);
              }
              int number = revision == null ? page.currentRevision() : revision;
              if (number < 1 || number > page.currentRevision()) {
                throw AppError.invalid("revision", "no_such_revision", page.currentRevision());
              }
              if (page.published() && Integer.valueOf(number).equals(page.reviewedRevision())) {
                return Future.succeededFuture(ReviewState.of(page));
              }
              Event.ReviewStep step =
                  page.published() ? Event.ReviewStep.EDITS_PUBLISHED : Event.ReviewStep.PUBLISHED;
              return pages
                  .reviewed(tx, page, number, actor.id())
                  .compose(
                      v ->
                          reviews.record(
                              tx, page.id(), number, ReviewEvent.Kind.REVIEWED, actor.id(), text))
                  .compose(v -> told(tx, page, actor, step))
                  .compose(v -> state(tx, page));
            })
        .onSuccess(state -> viewCache.statusChanged());
  }

  /** Withdraws the page from the public (moderators); its history and reviews stay. */
  public Future<ReviewState> unpublish(CurrentUser actor, String community, String slug) {
    return act(
            actor,
            community,
            slug,
            Access::requireModerator,
            (tx, page) ->
                page.published()
                    ? pages
                        .setStatus(tx, page.id(), PageStatus.DRAFT, actor.id())
                        .compose(v -> told(tx, page, actor, Event.ReviewStep.UNPUBLISHED))
                        .compose(v -> state(tx, page))
                    : Future.succeededFuture(ReviewState.of(page)))
        .onSuccess(state -> viewCache.statusChanged());
  }

  /**
   * A member asks for a review: a draft goes «на проверку»; a published page's unreviewed edits get
   * the note. 409 when there is nothing to review or the page already waits.
   */
  public Future<ReviewState> requestReview(
      CurrentUser actor, String community, String slug, String note) {
    String text = note(note, false);
    return act(
        actor,
        community,
        slug,
        Access::requireEditor,
        (tx, page) -> {
          Future<Void> status =
              switch (page.status()) {
                case DRAFT -> pages.setStatus(tx, page.id(), PageStatus.REVIEW, actor.id());
                case PUBLISHED ->
                    page.unreviewed() > 0
                        ? Future.succeededFuture()
                        : Future.failedFuture(AppError.conflict("nothing_to_review", slug));
                case REVIEW -> Future.failedFuture(AppError.conflict("already_in_review", slug));
                case ARCHIVED -> Future.failedFuture(AppError.conflict("page_archived", slug));
              };
          return status
              .compose(
                  v ->
                      reviews.record(
                          tx,
                          page.id(),
                          page.currentRevision(),
                          ReviewEvent.Kind.REQUESTED,
                          actor.id(),
                          text))
              .compose(v -> told(tx, page, actor, Event.ReviewStep.REQUESTED))
              .compose(v -> state(tx, page));
        });
  }

  /**
   * A moderator returns the page for more work with a note the authors read: a page waiting «на
   * проверке» goes back to draft; a published page's edits stay unreviewed.
   */
  public Future<ReviewState> returnForWork(
      CurrentUser actor, String community, String slug, String note) {
    return act(
        actor,
        community,
        slug,
        Access::requireModerator,
        (tx, page) -> {
          String text = note(note, true);
          Future<Void> status =
              page.status() == PageStatus.REVIEW
                  ? pages.setStatus(tx, page.id(), PageStatus.DRAFT, actor.id())
                  : page.unreviewed() > 0
                      ? Future.succeededFuture()
                      : Future.failedFuture(AppError.conflict("nothing_to_review", slug));
          return status
              .compose(
                  v ->
                      reviews.record(
                          tx,
                          page.id(),
                          page.currentRevision(),
                          ReviewEvent.Kind.RETURNED,
                          actor.id(),
                          text))
              .compose(v -> told(tx, page, actor, Event.ReviewStep.RETURNED))
              .compose(v -> state(tx, page));
        });
  }

  /** The review events of a page its reader may see, about the revisions they may read. */
  public Future<List<ReviewEvent>> events(VisiblePage visible) {
    return reviews.ofPage(
        pool, visible.page().id(), Visibility.shownRevision(visible.access(), visible.page()));
  }

  /** One act: the community's rule first, then the page locked, then the act, in a transaction. */
  private Future<ReviewState> act(
      CurrentUser actor,
      String community,
      String slug,
      Function<Access, Access> rule,
      BiFunction<SqlClient, Page, Future<ReviewState>> act) {
    actor.requireLoggedIn();
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .map(rule)
                .compose(access -> locked(tx, access, slug))
                .compose(page -> act.apply(tx, page)));
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

  private Future<Void> told(SqlClient tx, Page page, CurrentUser actor, Event.ReviewStep step) {
    return notifications.emit(tx, new Event.PageReview(page.id(), actor.id(), step));
  }

  /** The page as the act left it (read again inside the transaction). */
  private Future<ReviewState> state(SqlClient tx, Page before) {
    return pages.findById(tx, before.id()).map(ReviewState::of);
  }

  /** A trimmed note of at most {@link #MAX_NOTE} characters; null when blank and not required. */
  private static String note(String value, boolean required) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      if (required) {
        throw AppError.invalid("note", "required");
      }
      return null;
    }
    if (text.length() > MAX_NOTE || text.indexOf('\u0000') >= 0) {
      throw AppError.invalid("note", "too_long", MAX_NOTE);
    }
    return text;
  }

  /** Where a page stands after an act of the workflow. */
  public record ReviewState(
      String slug, PageStatus status, int revision, Integer reviewedRevision) {
    static ReviewState of(Page page) {
      return new ReviewState(
          page.slug(), page.status(), page.currentRevision(), page.reviewedRevision());
    }
  }
}
