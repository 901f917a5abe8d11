package ru.metodichka.meeting;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.error.AppError;
import ru.metodichka.notification.event.Event;
import ru.metodichka.notification.event.Notifications;

/**
 * Changes to a community's meetings (§4.3), one transaction per act. Moderators (and
 * administrators) create, change and cancel meetings; every change is a new version made from the
 * current one under the meeting's row lock (cancelling too: nothing is deleted). Insiders answer
 * whether they will come. Once a meeting has started a moderator records who came: the list is kept
 * as a record of changes, and each attendee gets one {@code meeting} row in the ledger.
 *
 * <p>Each meeting created, changed or cancelled is told to the community's members ({@link
 * Notifications}) in the act's own transaction.
 */
public final class MeetingService {
  private final Pool pool;
  private final CommunityService communities;
  private final ContributionRepository contributions;
  private final Notifications notifications;
  private final MeetingRepository meetings = new MeetingRepository();

  public MeetingService(
      Pool pool,
      CommunityService communities,
      ContributionRepository contributions,
      Notifications notifications) {
    this.pool = pool;
    this.communities = communities;
    this.contributions = contributions;
    this.notifications = notifications;
  }

  /** A new meeting (moderators, administrators). */
  public Future<Meeting> create(CurrentUser actor, String community, MeetingPatch draft) {
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .map(Access::requireModerator)
                .compose(access -> create(tx, access, draft)));
  }

  private Future<Meeting> create(SqlClient tx, Access access, MeetingPatch draft) {
    long communityId = access.community().id();
    return resolve(tx, communityId, null, draft)
        .compose(
            content ->
                meetings
                    .insertMeeting(tx, communityId, access.user().id())
                    .compose(
                        id ->
                            meetings
                                .insertVersion(tx, id, 1, access.user().id(), content)
                                .compose(
                                    v -> told(tx, access, id, Event.MeetingChange.CREATED, content))
                                .compose(v -> read(tx, access, id))));
  }

  /** Changes a meeting's fields (moderators, administrators); a cancelled meeting stays so. */
  public Future<Meeting> edit(CurrentUser actor, String community, long id, MeetingPatch change) {
    return locked(
        actor,
        community,
        id,
        (tx, access, current) -> {
          requireNotCancelled(current.content(), id);
          return resolve(tx, access.community().id(), current.content(), change)
              .compose(next -> save(tx, access, id, current, next));
        });
  }

  /** Cancels a meeting that has not started: a new version, the meeting stays listed. */
  public Future<Meeting> cancel(CurrentUser actor, String community, long id) {
    return locked(
        actor,
        community,
        id,
        (tx, access, current) -> {
          Content content = current.content();
          if (content.cancelled()) {
            return read(tx, access, id);
          }
          if (!content.startsAt().isAfter(OffsetDateTime.now())) {
            throw AppError.conflict("meeting_started", id);
          }
          return save(tx, access, id, current, content.cancel());
        });
  }

  /** The reader's answer (active members, moderators, administrators) to a meeting to come. */
  public Future<Meeting> answer(CurrentUser actor, String community, long id, String answer) {
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .map(Access::requireEditor)
                .compose(access -> found(tx, access, id))
                .compose(
                    found -> {
                      Meeting m = found.meeting();
                      requireNotCancelled(m.cancelled(), id);
                      if (m.over(OffsetDateTime.now())) {
                        throw AppError.conflict("meeting_over", id);
                      }
                      return meetings
                          .answer(tx, id, found.access().user().id(), answer)
                          .compose(v -> read(tx, found.access(), id));
                    }));
  }

  /**
   * Sets who came (moderators, administrators; once the meeting has started): people added get
   * their ledger row (one per meeting, dated at its start), people taken off keep it, and
   * evaluation stops counting it; both are recorded. Returns the attendance now.
   */
  public Future<List<Attendee>> attendance(
      CurrentUser actor, String community, long id, List<String> logins) {
    return locked(
        actor,
        community,
        id,
        (tx, access, current) -> {
          Content content = current.content();
          requireNotCancelled(content, id);
          if (content.startsAt().isAfter(OffsetDateTime.now())) {
            throw AppError.conflict("meeting_not_started", id);
          }
          return meetings
              .users(tx, logins)
              .compose(found -> record(tx, access, id, content, logins, found))
              .compose(v -> meetings.attendees(tx, id))
              .map(now -> List.copyOf(now.values()));
        });
  }

  private Future<Void> record(
      SqlClient tx,
      Access access,
      long id,
      Content content,
      List<String> logins,
      Map<String, Long> found) {
    List<String> unknown = logins.stream().filter(l -> !found.containsKey(l)).toList();
    if (!unknown.isEmpty()) {
      throw AppError.invalid("logins", "meeting_unknown_login", String.join(", ", unknown));
    }
    List<Long> wanted = logins.stream().map(found::get).toList();
    long by = access.user().id();
    long communityId = access.community().id();
    return meetings
        .attendees(tx, id)
        .compose(
            now -> {
              List<Long> added = new ArrayList<>(wanted);
              added.removeAll(now.keySet());
              List<Long> removed = new ArrayList<>(now.keySet());
              removed.removeAll(wanted);
              return meetings
                  .changeAttendance(tx, id, removed, false, by)
                  .compose(v -> meetings.changeAttendance(tx, id, added, true, by))
                  .compose(
                      v ->
                          added.isEmpty()
                              ? Future.<Void>succeededFuture()
                              : contributions.recordMeeting(
                                  tx, communityId, id, content.startsAt(), added));
            });
  }

  /** A moderator's act on a meeting, under its row lock; 404 when the community has none. */
  private <T> Future<T> locked(CurrentUser actor, String community, long id, LockedAct<T> act) {
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .map(Access::requireModerator)
                .compose(
                    access ->
                        meetings
                            .lock(tx, id, access.community().id())
                            .compose(
                                exists -> {
                                  if (!exists) {
                                    throw notFound(id);
                                  }
                                  return meetings.current(tx, id);
                                })
                            .compose(current -> act.apply(tx, access, current))));
  }

  @FunctionalInterface
  private interface LockedAct<T> {
    Future<T> apply(SqlClient tx, Access access, MeetingRepository.Current current);
  }

  /** Writes the next version unless nothing changed; returns the meeting. */
  private Future<Meeting> save(
      SqlClient tx, Access access, long id, MeetingRepository.Current current, Content next) {
    if (next.equals(current.content())) {
      return read(tx, access, id);
    }
    return meetings
        .insertVersion(tx, id, current.version() + 1, access.user().id(), next)
        .compose(
            v ->
                told(
                    tx,
                    access,
                    id,
                    next.cancelled() ? Event.MeetingChange.CANCELLED : Event.MeetingChange.CHANGED,
                    next))
        .compose(v -> read(tx, access, id));
  }

  /** The community's members hear of it (the remote link goes into their e-mail only). */
  private Future<Void> told(
      SqlClient tx, Access access, long id, Event.MeetingChange change, Content content) {
    return notifications.emit(
        tx,
        new Event.MeetingChanged(
            access.community().id(),
            id,
            access.user().id(),
            change,
            content.title(),
            content.startsAt(),
            content.form() == MeetingForm.REMOTE ? content.link() : null));
  }

  /** The content after a change: the patch over {@code base} (null for a new meeting), checked. */
  private Future<Content> resolve(SqlClient tx, long communityId, Content base, MeetingPatch p) {
    Future<Long> planItem = planItem(tx, communityId, base, p);
    Future<Long> minutes = minutes(tx, communityId, base, p);
    return Future.join(planItem, minutes)
        .transform(v -> bothChecked(planItem, minutes))
        .map(
            v -> {
              Content next =
                  new Content(
                      p.title() != null ? p.title() : base.title(),
                      p.startsAt() != null ? p.startsAt() : base.startsAt(),
                      p.endsAt() != null ? p.endsAt() : base.endsAt(),
                      p.form() != null ? p.form() : base.form(),
                      p.place() != null ? p.place() : base.place(),
                      p.link() != null ? p.link() : base.link(),
                      p.agenda() != null ? p.agenda() : base.agenda(),
                      planItem.result(),
                      minutes.result(),
                      base != null && base.cancelled());
              MeetingInput.check(next);
              return next;
            });
  }

  /** Both references checked: every bad field named at once, or the first other failure. */
  private static Future<Void> bothChecked(Future<Long> planItem, Future<Long> minutes) {
    List<AppError.FieldError> errors = new ArrayList<>();
    for (Future<Long> f : List.of(planItem, minutes)) {
      if (f.failed()) {
        if (!(f.cause() instanceof AppError e) || e.fieldErrors().isEmpty()) {
          return Future.failedFuture(f.cause());
        }
        errors.addAll(e.fieldErrors());
      }
    }
    return errors.isEmpty()
        ? Future.succeededFuture()
        : Future.failedFuture(AppError.invalid(errors));
  }

  private Future<Long> planItem(SqlClient tx, long communityId, Content base, MeetingPatch p) {
    if (p.planItem() == null) {
      return Future.succeededFuture(p.clearPlanItem() || base == null ? null : base.planItem());
    }
    return meetings
        .planItemExists(tx, communityId, p.planItem())
        .map(
            exists -> {
              if (!exists) {
                throw AppError.invalid("planItem", "meeting_unknown_plan_item", p.planItem());
              }
              return p.planItem();
            });
  }

  private Future<Long> minutes(SqlClient tx, long communityId, Content base, MeetingPatch p) {
    if (p.minutesPage() == null) {
      return Future.succeededFuture(base == null ? null : base.minutesPage());
    }
    if (p.minutesPage().isEmpty()) {
      return Future.succeededFuture(null);
    }
    return meetings
        .page(tx, communityId, p.minutesPage())
        .map(
            page ->
                page.orElseThrow(
                    () ->
                        AppError.invalid("minutesPage", "meeting_unknown_page", p.minutesPage())));
  }

  private record Found(Access access, Meeting meeting) {}

  private Future<Found> found(SqlClient tx, Access access, long id) {
    return meetings
        .one(tx, access.user(), access.community().id(), id)
        .map(m -> new Found(access, m.orElseThrow(() -> notFound(id))));
  }

  private Future<Meeting> read(SqlClient tx, Access access, long id) {
    return meetings
        .one(tx, access.user(), access.community().id(), id)
        .map(m -> m.orElseThrow(() -> notFound(id)));
  }

  private static void requireNotCancelled(Content content, long id) {
    requireNotCancelled(content.cancelled(), id);
  }

  private static void requireNotCancelled(boolean cancelled, long id) {
    if (cancelled) {
      throw AppError.conflict("meeting_cancelled", id);
    }
  }

  static AppError notFound(long id) {
    return AppError.notFound("meeting_not_found", id);
  }
}
