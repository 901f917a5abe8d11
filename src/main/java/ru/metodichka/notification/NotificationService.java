package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ru.metodichka.notification.event.Event;
import ru.metodichka.notification.event.Notifications;

/**
 * Turns events into notifications, inside the transaction of the act: who hears about each
 * (watchers, moderators, members, a page's authors, those responsible, the reporter), each
 * recipient only if the one visibility rule lets them see what it is about, never the actor; then
 * the e-mails of those who want them at once go into the outbox in the same transaction ({@link
 * MailOutbox}). Saving a page also makes its author watch it, unless they turned that off.
 */
public final class NotificationService implements Notifications {
  private static final int EXCERPT = 300;
  private final NotificationRepository repository = new NotificationRepository();
  private final MailOutbox outbox;

  public NotificationService(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Future<Void> emit(SqlClient tx, Event event) {
    // The author's watch goes out with the first questions, not after the answers: it changes none
    // of them (the actor is never told of their own act), and a save waits for fewer round trips.
    Future<Void> watching =
        event instanceof Event.PageChanged changed
            ? repository.autoWatch(tx, changed.actorId(), changed.pageId())
            : Future.succeededFuture();
    Future<Void> stored = notices(tx, event).compose(notices -> store(tx, notices));
    return Future.all(watching, stored).mapEmpty();
  }

  private Future<Void> store(SqlClient tx, List<Notice> notices) {
    Future<Void> done = Future.succeededFuture();
    for (Notice notice : notices) {
      if (!notice.recipients().isEmpty()) {
        done =
            done.compose(
                v ->
                    repository
                        .insert(tx, notice)
                        .compose(ids -> outbox.enqueue(tx, ids, notice.mailExtra())));
      }
    }
    return done;
  }

  private Future<List<Notice>> notices(SqlClient tx, Event event) {
    return switch (event) {
      case Event.PageChanged e -> pageChanged(tx, e);
      case Event.CommentPosted e -> commentPosted(tx, e);
      case Event.PageReview e -> pageReview(tx, e);
      case Event.JoinRequested e ->
          about(
              repository.community(tx, e.communityId()),
              c ->
                  repository
                      .moderators(tx, e.communityId(), e.userId())
                      .map(
                          ids ->
                              notice(
                                  NotificationKind.JOIN_REQUEST,
                                  ids,
                                  e.communityId(),
                                  e.userId(),
                                  c.getString("name"),
                                  "",
                                  "/moderation")));
      case Event.JoinDecided e ->
          about(
              repository.joinRequest(tx, e.requestId()),
              r ->
                  repository
                      .activeUsers(tx, List.of(e.userId()), 0)
                      .map(
                          ids ->
                              notice(
                                  NotificationKind.JOIN_DECISION,
                                  ids,
                                  r.getLong("community_id"),
                                  null,
                                  r.getString("name"),
                                  e.approved() ? "approved" : "rejected",
                                  "/c/" + r.getString("slug"))));
      case Event.MeetingChanged e -> meetingChanged(tx, e);
      case Event.PlanItemAssigned e ->
          planItem(tx, e.itemId(), e.assigneeIds(), e.actorId(), NotificationKind.PLAN_ASSIGNED);
      case Event.PlanItemOverdue e ->
          planItem(tx, e.itemId(), e.assigneeIds(), 0, NotificationKind.PLAN_OVERDUE);
      case Event.ReportResolved e -> reportResolved(tx, e);
    };
  }

  private Future<List<Notice>> pageChanged(SqlClient tx, Event.PageChanged e) {
    // Both questions go out at once; the save waits for one answer, not two.
    Future<Optional<Row>> page = repository.page(tx, e.pageId());
    Future<List<Long>> watchers =
        repository.pageWatchers(tx, e.pageId(), e.actorId(), e.revision());
    return about(
        Future.all(page, watchers).compose(both -> page),
        p ->
            watchers.map(
                ids ->
                    new Notice(
                        NotificationKind.PAGE_CHANGED,
                        ids,
                        p.getLong("community_id"),
                        e.pageId(),
                        e.actorId(),
                        p.getString("title"),
                        String.valueOf(e.revision()),
                        pagePath(p),
                        null,
                        null)));
  }

  /** A review asked for reaches the community's moderators; a decision, the page's authors. */
  private Future<List<Notice>> pageReview(SqlClient tx, Event.PageReview e) {
    boolean asked = e.step() == Event.ReviewStep.REQUESTED;
    return about(
        repository.page(tx, e.pageId()),
        p ->
            (asked
                    ? repository.moderators(tx, p.getLong("community_id"), e.actorId())
                    : repository.pageAuthors(tx, e.pageId(), e.actorId()))
                .map(
                    ids ->
                        new Notice(
                            asked
                                ? NotificationKind.REVIEW_REQUEST
                                : NotificationKind.REVIEW_DECISION,
                            ids,
                            p.getLong("community_id"),
                            e.pageId(),
                            e.actorId(),
                            p.getString("title"),
                            asked ? "" : e.step().code(),
                            pagePath(p),
                            null,
                            null)));
  }

  private Future<List<Notice>> commentPosted(SqlClient tx, Event.CommentPosted e) {
    List<Long> parent = e.parentAuthorId() == null ? List.of() : List.of(e.parentAuthorId());
    return about(
        repository.page(tx, e.pageId()),
        p ->
            repository
                .pageReaders(tx, e.pageId(), e.actorId(), parent)
                .map(
                    ids -> {
                      List<Long> watchers = new ArrayList<>(ids);
                      List<Long> replied = ids.stream().filter(parent::contains).toList();
                      watchers.removeAll(replied);
                      Notice comment =
                          new Notice(
                              NotificationKind.COMMENT,
                              watchers,
                              p.getLong("community_id"),
                              e.pageId(),
                              e.actorId(),
                              p.getString("title"),
                              excerpt(e.excerpt()),
                              pagePath(p) + "#comment-" + e.commentId(),
                              null,
                              null);
                      return List.of(comment, comment.to(replied, NotificationKind.REPLY));
                    }));
  }

  private Future<List<Notice>> meetingChanged(SqlClient tx, Event.MeetingChanged e) {
    return about(
        repository.community(tx, e.communityId()),
        c ->
            repository
                .insiders(tx, e.communityId(), e.actorId())
                .map(
                    ids ->
                        new Notice(
                            NotificationKind.MEETING,
                            ids,
                            e.communityId(),
                            null,
                            e.actorId(),
                            e.title(),
                            e.change().name().toLowerCase(java.util.Locale.ROOT),
                            "/c/" + c.getString("slug") + "/meetings/" + e.meetingId(),
                            e.startsAt(),
                            e.remoteLink())));
  }

  private Future<List<Notice>> planItem(
      SqlClient tx, long itemId, List<Long> assignees, long actorId, NotificationKind kind) {
    return about(
        repository.planItem(tx, itemId),
        item ->
            repository
                .activeUsers(tx, assignees, actorId)
                .map(
                    ids ->
                        new Notice(
                            kind,
                            ids,
                            item.getLong("community_id"),
                            null,
                            actorId == 0 ? null : actorId,
                            item.getString("title"),
                            "",
                            "/c/" + item.getString("slug") + "/plan/items/" + itemId,
                            noon(item.getLocalDate("due")),
                            null)));
  }

  private Future<List<Notice>> reportResolved(SqlClient tx, Event.ReportResolved e) {
    Future<List<Long>> recipients =
        e.pageId() == null
            ? repository.activeUsers(tx, List.of(e.reporterId()), e.actorId())
            : repository
                .pageReaders(tx, e.pageId(), e.actorId(), List.of(e.reporterId()))
                .map(ids -> ids.stream().filter(id -> id == e.reporterId()).toList());
    return recipients.map(
        ids ->
            List.of(
                new Notice(
                    NotificationKind.REPORT_RESOLVED,
                    ids,
                    e.communityId(),
                    e.pageId(),
                    e.actorId(),
                    e.title(),
                    e.outcome(),
                    e.link(),
                    null,
                    null)));
  }

  /** The notices made from a row that was found; none when it was not. */
  private static Future<List<Notice>> about(
      Future<Optional<Row>> found, Function<Row, Future<?>> make) {
    return found.compose(
        row -> {
          if (row.isEmpty()) {
            return Future.succeededFuture(List.of());
          }
          return make.apply(row.get())
              .map(
                  made ->
                      made instanceof Notice one ? List.of(one) : NotificationService.cast(made));
        });
  }

  @SuppressWarnings("unchecked")
  private static List<Notice> cast(Object made) {
    return (List<Notice>) made;
  }

  private static Notice notice(
      NotificationKind kind,
      List<Long> ids,
      long communityId,
      Long actorId,
      String title,
      String detail,
      String link) {
    return new Notice(kind, ids, communityId, null, actorId, title, detail, link, null, null);
  }

  private static String pagePath(Row page) {
    return "/c/" + page.getString("community") + "/" + page.getString("slug");
  }

  private static String excerpt(String text) {
    String plain = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return plain.length() <= EXCERPT ? plain : plain.substring(0, EXCERPT - 1) + "…";
  }

  private static OffsetDateTime noon(LocalDate date) {
    return date == null ? null : date.atTime(12, 0).atOffset(ZoneOffset.UTC);
  }
}
