package ru.metodichka.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.comment.CommentService;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.notification.event.Event;
import ru.metodichka.notification.event.Notifications;
import ru.metodichka.page.PageReader;
import ru.metodichka.page.PageService;
import ru.metodichka.page.VisiblePage;

/**
 * Ethics reports (§3): any logged-in user reports a page, a revision or a comment they may see; the
 * community's moderators (administrators: every community's) resolve it — dismiss it, hide the
 * comment or the revision, or revert the page to the revision before — with a note the reporter
 * reads among their reports. Resolving is one transaction with what it does.
 *
 * <p>Hiding a revision is {@link PageService#hideRevision}: when it is the revision the page shows,
 * the page goes back to the newest revision before it that is not hidden first. Reverting a report
 * on a page goes back to the revision before the current one; on a revision, to the one before the
 * reported revision (later edits stay in the history).
 */
public final class ReportService {
  static final int MAX_LIST = 200;
  private final Pool pool;
  private final CommunityService communities;
  private final PageReader reader;
  private final PageService pages;
  private final CommentService comments;
  private final ReportRepository reports = new ReportRepository();

  private final Notifications notifications;

  public ReportService(
      Pool pool,
      CommunityService communities,
      PageReader reader,
      PageService pages,
      CommentService comments,
      Notifications notifications) {
    this.notifications = notifications;
    this.pool = pool;
    this.communities = communities;
    this.reader = reader;
    this.pages = pages;
    this.comments = comments;
  }

  /**
   * Files a report; 401 anonymous, 404 when the reporter may not see the target (a page they may
   * not see, a revision they may not read, a deleted comment or one hidden from them).
   */
  public Future<Report> report(CurrentUser actor, NewReport report) {
    actor.requireLoggedIn();
    ReportTarget target = report.target();
    return reader
        .visible(actor, target.community(), target.slug())
        .compose(v -> seen(v, target).map(v))
        .compose(
            v ->
                reports.insert(
                    pool,
                    actor.id(),
                    v.community().id(),
                    v.page().id(),
                    target,
                    report.reason(),
                    report.text()))
        .compose(id -> reports.find(pool, id))
        .map(found -> found.orElseThrow());
  }

  private Future<Void> seen(VisiblePage v, ReportTarget target) {
    return switch (target.kind()) {
      case "revision" -> reader.revision(v, target.revision()).mapEmpty();
      case "comment" -> comments.readable(v, target.comment()).mapEmpty();
      default -> Future.succeededFuture();
    };
  }

  /**
   * The reports of the communities the actor moderates (administrators: all), newest first; {@code
   * status} {@code open}, {@code resolved} or null for both. Empty for those who moderate nothing.
   */
  public Future<List<Report>> queue(CurrentUser actor, String status) {
    actor.requireLoggedIn();
    return reports.queue(pool, actor.admin(), actor.id(), status, MAX_LIST);
  }

  /** The actor's own reports and their outcomes, newest first. */
  public Future<List<Report>> mine(CurrentUser actor) {
    actor.requireLoggedIn();
    return reports.mine(pool, actor.id(), MAX_LIST);
  }

  /**
   * Resolves an open report (the community's moderators); 404 when there is none, 401/403 for those
   * who may not, 409 when resolved already, 422 when the action does not fit the target ({@code
   * hidden} for a page: unpublish or retire it instead; {@code reverted} for a comment).
   */
  public Future<Report> resolve(CurrentUser actor, long id, NewReport.Resolution resolution) {
    actor.requireLoggedIn();
    return pool.withTransaction(
            tx ->
                reports
                    .lock(tx, id)
                    .compose(
                        exists -> {
                          if (!exists) {
                            throw AppError.notFound("report_not_found", id);
                          }
                          return reports.find(tx, id).map(found -> found.orElseThrow());
                        })
                    .compose(
                        report ->
                            communities
                                .access(tx, actor, report.community())
                                .map(Access::requireModerator)
                                .compose(access -> act(tx, access, report, resolution))
                                .compose(
                                    x ->
                                        reports.resolve(
                                            tx,
                                            id,
                                            resolution.action(),
                                            resolution.note(),
                                            actor.id()))
                                .compose(x -> reports.find(tx, id))
                                .map(found -> found.orElseThrow())
                                .compose(resolved -> told(tx, resolved, actor.id()))))
        .onSuccess(this::forget);
  }

  /** The reporter learns the outcome (in the resolution's transaction). */
  private Future<Report> told(SqlClient tx, Report resolved, long actorId) {
    return notifications
        .emit(
            tx,
            new Event.ReportResolved(
                resolved.id(),
                resolved.reporterId(),
                actorId,
                resolved.action(),
                resolved.communityId(),
                resolved.pageId(),
                resolved.pageTitle(),
                resolved.path()))
        .map(resolved);
  }

  private Future<Void> act(
      SqlClient tx, Access access, Report report, NewReport.Resolution resolution) {
    if (!report.open()) {
      throw AppError.conflict("report_resolved", report.id());
    }
    String kind = report.targetKind();
    return switch (resolution.action()) {
      case "hidden" ->
          switch (kind) {
            case "comment" ->
                comments.hide(tx, access, report.pageId(), report.commentId(), note(resolution));
            case "revision" ->
                pages
                    .hideRevision(tx, access, report.pageId(), report.revision(), note(resolution))
                    .mapEmpty();
            default -> throw notFor(kind);
          };
      case "reverted" ->
          switch (kind) {
            case "page" ->
                pages.revertBefore(tx, access, report.pageId(), Integer.MAX_VALUE).mapEmpty();
            case "revision" ->
                pages.revertBefore(tx, access, report.pageId(), report.revision()).mapEmpty();
            default -> throw notFor(kind);
          };
      default -> Future.succeededFuture();
    };
  }

  private static String note(NewReport.Resolution resolution) {
    return resolution.note().isEmpty() ? "Жалоба" : resolution.note();
  }

  private static AppError notFor(String kind) {
    return AppError.invalid("action", "report_not_for_target", kind);
  }

  /** After the commit: the cached public views that may show what changed. */
  private void forget(Report report) {
    switch (report.action()) {
      case "hidden", "reverted" -> {
        if ("comment".equals(report.targetKind())) {
          pages.discussionChanged(report.community(), report.slug());
        } else {
          pages.revisionHidden();
        }
      }
      default -> {}
    }
  }
}
