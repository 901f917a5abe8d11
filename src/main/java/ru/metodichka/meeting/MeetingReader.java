package ru.metodichka.meeting;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.function.Function;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.changes.FeedTokens;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.page.PageRendering;

/**
 * Reading meetings: everyone reads a community's meetings (§3 openness) with what they may see of
 * them (the link for insiders only, the minutes if they may see the page, attendance for insiders);
 * the calendars as iCalendar text. Agendas go through the pages' renderer and sanitizer on the
 * Markdown workers; calendars are written on the same workers.
 */
public final class MeetingReader {
  /** Meetings in one list or calendar at most. */
  static final int LIMIT = 200;

  private final Pool pool;
  private final CommunityService communities;
  private final PageRendering rendering;
  private final WorkerExecutor workers;
  private final MeetingCalendar calendar;
  private final MeetingRepository meetings = new MeetingRepository();
  private final FeedTokens calendarTokens;

  public MeetingReader(
      Pool pool,
      CommunityService communities,
      PageRendering rendering,
      WorkerExecutor workers,
      java.time.ZoneId zone) {
    this.pool = pool;
    this.communities = communities;
    this.rendering = rendering;
    this.workers = workers;
    this.calendar = new MeetingCalendar(zone);
    this.calendarTokens = new FeedTokens(pool, "calendar_tokens");
  }

  /** The secrets of the personal calendars' addresses. */
  FeedTokens calendarTokens() {
    return calendarTokens;
  }

  /** When the user's personal calendar address was made, if they have one ({@code /me}). */
  public Future<java.util.Optional<java.time.OffsetDateTime>> calendarIssuedAt(CurrentUser user) {
    return calendarTokens.issuedAt(user);
  }

  /** A community's meetings to come (soonest first) and past ones (latest first). */
  public record Listing(Access access, List<Meeting> upcoming, List<Meeting> past) {}

  public Future<Listing> list(CurrentUser reader, String community) {
    return communities
        .access(reader, community)
        .compose(
            access -> {
              long id = access.community().id();
              var upcoming = meetings.upcoming(pool, reader, id, LIMIT);
              var past = meetings.past(pool, reader, id, LIMIT);
              return Future.all(upcoming, past)
                  .map(v -> new Listing(access, upcoming.result(), past.result()));
            });
  }

  /** The community's next meetings (its page). */
  public Future<List<Meeting>> upcoming(Access access, int limit) {
    return meetings.upcoming(pool, access.user(), access.community().id(), limit);
  }

  /** The next meetings of every community (the front page). */
  public Future<List<Meeting>> upcomingEverywhere(CurrentUser reader, int limit) {
    return meetings.upcomingEverywhere(pool, reader, limit);
  }

  /** The next meetings of the reader's own communities ({@code /me}). */
  public Future<List<Meeting>> upcomingMine(CurrentUser reader, int limit) {
    if (reader.anonymous()) {
      return Future.succeededFuture(List.of());
    }
    return meetings.upcomingMine(pool, reader, limit);
  }

  /** One meeting; 404 when the community has none with this id. */
  public Future<Meeting> one(CurrentUser reader, String community, long id) {
    return communities.access(reader, community).compose(access -> one(access, id));
  }

  private Future<Meeting> one(Access access, long id) {
    return meetings
        .one(pool, access.user(), access.community().id(), id)
        .map(m -> m.orElseThrow(() -> MeetingService.notFound(id)));
  }

  /**
   * One meeting for its page: the agenda as HTML, attendance for insiders, its record for
   * moderators.
   */
  public Future<MeetingView> view(CurrentUser reader, String community, long id) {
    return communities
        .access(reader, community)
        .compose(access -> one(access, id).compose(m -> view(access, m)));
  }

  private Future<MeetingView> view(Access access, Meeting m) {
    Future<String> agenda =
        m.agenda().isBlank()
            ? Future.succeededFuture("")
            : rendering.preview(pool, access, m.agenda(), workers);
    Future<List<Attendee>> attendees =
        access.insider()
            ? meetings.attendees(pool, m.id()).map(a -> List.copyOf(a.values()))
            : Future.succeededFuture(List.of());
    Future<List<AttendanceChange>> record =
        access.moderator()
            ? meetings.attendanceChanges(pool, m.id())
            : Future.succeededFuture(List.of());
    return Future.all(agenda, attendees, record)
        .map(v -> new MeetingView(access, m, agenda.result(), attendees.result(), record.result()));
  }

  /** Who came, for insiders; 403 for everyone else. */
  public Future<List<Attendee>> attendance(CurrentUser reader, String community, long id) {
    return communities
        .access(reader, community)
        .compose(
            access -> {
              if (!access.insider()) {
                reader.requireLoggedIn();
                throw ru.metodichka.error.AppError.forbidden(
                    "not_a_member", access.community().name());
              }
              return one(access, id)
                  .compose(m -> meetings.attendees(pool, m.id()))
                  .map(a -> List.copyOf(a.values()));
            });
  }

  /**
   * The community's public calendar: read as an anonymous visitor whoever asks, so it never holds a
   * link (a calendar address is shared and subscribed to).
   */
  public Future<String> publicCalendar(String community, String base, Function<String, String> t) {
    return communities
        .access(CurrentUser.ANONYMOUS, community)
        .compose(
            access ->
                meetings
                    .communityFeed(pool, CurrentUser.ANONYMOUS, access.community().id(), LIMIT)
                    .compose(
                        list ->
                            workers.executeBlocking(
                                () -> calendar.ics(access.community().name(), base, list, t),
                                false)));
  }

  /** The personal calendar: the meetings of the reader's communities, links included. */
  public Future<String> personalCalendar(
      CurrentUser reader, String name, String base, Function<String, String> t) {
    return meetings
        .feed(pool, reader, LIMIT)
        .compose(list -> workers.executeBlocking(() -> calendar.ics(name, base, list, t), false));
  }

  /** One meeting as a calendar file («Добавить в календарь»), as its reader may see it. */
  public Future<String> single(
      CurrentUser reader, String community, long id, String base, Function<String, String> t) {
    return one(reader, community, id)
        .compose(
            m ->
                workers.executeBlocking(() -> calendar.ics(m.title(), base, List.of(m), t), false));
  }
}
