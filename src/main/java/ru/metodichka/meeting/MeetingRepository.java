package ru.metodichka.meeting;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.Slugs;
import ru.metodichka.db.Rows;
import ru.metodichka.page.Visibility;

/**
 * SQL for meetings: meetings, which never change, and their versions, which are only ever added
 * (the current meeting is its latest version). Every read is for a reader ($1 administrator, $2
 * user id, 0 for a visitor): the link and the minutes page go through the one visibility rule
 * ({@link Access#insiderSql}, {@link Visibility#visibleSql}) in the query itself.
 */
final class MeetingRepository {
  private static final String INSIDER = Access.insiderSql("m.community_id", "$1", "$2");
  private static final String READ =
      """
      SELECT m.id, c.slug AS community, c.name AS community_name, v.version, v.title,
             v.starts_at, v.ends_at, v.form, v.place, v.link, v.agenda, v.plan_item_id,
             v.cancelled, v.valid_from,
             (SELECT pv.title FROM plan_item_versions pv WHERE pv.item_id = v.plan_item_id
               ORDER BY pv.version DESC LIMIT 1) AS plan_item_title,
             p.slug AS minutes_slug, p.title AS minutes_title,
             (SELECT count(*) FILTER (WHERE answer = 'yes') FROM meeting_rsvps r
               WHERE r.meeting_id = m.id) AS yes,
             (SELECT count(*) FILTER (WHERE answer = 'no') FROM meeting_rsvps r
               WHERE r.meeting_id = m.id) AS no,
             (SELECT count(*) FILTER (WHERE answer = 'maybe') FROM meeting_rsvps r
               WHERE r.meeting_id = m.id) AS maybe,
             (SELECT answer FROM meeting_rsvps r WHERE r.meeting_id = m.id AND r.user_id = $2)
               AS my_answer,
             %s AS insider,
             p.id IS NOT NULL AND %s AS minutes_visible
        FROM meetings m
        JOIN communities c ON c.id = m.community_id
        JOIN LATERAL (SELECT * FROM meeting_versions mv WHERE mv.meeting_id = m.id
                       ORDER BY mv.version DESC LIMIT 1) v ON true
        LEFT JOIN pages p ON p.id = v.minutes_page
      """
          .formatted(
              INSIDER, Visibility.visibleSql("p", Access.insiderSql("p.community_id", "$1", "$2")));
  private static final String ONE = READ + " WHERE m.id = $3 AND m.community_id = $4";
  // Upcoming: not yet over; past: over, newest first.
  private static final String UPCOMING =
      READ + " WHERE m.community_id = $3 AND v.ends_at > now() ORDER BY v.starts_at, m.id LIMIT $4";
  private static final String PAST =
      READ
          + " WHERE m.community_id = $3 AND v.ends_at <= now()"
          + " ORDER BY v.starts_at DESC, m.id DESC LIMIT $4";
  // Every community's upcoming meetings that still take place (the front page).
  private static final String UPCOMING_EVERYWHERE =
      READ + " WHERE v.ends_at > now() AND NOT v.cancelled ORDER BY v.starts_at, m.id LIMIT $3";
  // The communities the reader works in: active members and moderators ($2).
  private static final String MINE =
      " m.community_id IN (SELECT community_id FROM memberships WHERE user_id = $2"
          + " AND status = 'active' AND role IN ('member', 'moderator'))";
  private static final String UPCOMING_MINE =
      READ
          + " WHERE"
          + MINE
          + " AND v.ends_at > now() AND NOT v.cancelled ORDER BY v.starts_at, m.id LIMIT $3";
  // The personal calendar: the reader's communities' meetings of the last half year and to come.
  private static final String FEED =
      READ
          + " WHERE"
          + MINE
          + " AND v.ends_at > now() - interval '180 days' ORDER BY v.starts_at, m.id LIMIT $3";
  // The public calendar of one community: the same period.
  private static final String COMMUNITY_FEED =
      READ
          + " WHERE m.community_id = $3 AND v.ends_at > now() - interval '180 days'"
          + " ORDER BY v.starts_at, m.id LIMIT $4";
  // The row lock serialises changes of one meeting: version numbers are assigned under it.
  private static final String LOCK =
      "SELECT id FROM meetings WHERE id = $1 AND community_id = $2 FOR UPDATE";
  private static final String CURRENT =
      """
      SELECT version, title, starts_at, ends_at, form, place, link, agenda, plan_item_id,
             minutes_page, cancelled
        FROM meeting_versions WHERE meeting_id = $1 ORDER BY version DESC LIMIT 1
      """;
  private static final String INSERT_MEETING =
      "INSERT INTO meetings (community_id, created_by) VALUES ($1, $2) RETURNING id";
  private static final String INSERT_VERSION =
      """
      INSERT INTO meeting_versions (meeting_id, version, changed_by, title, starts_at, ends_at,
                                    form, place, link, agenda, plan_item_id, minutes_page,
                                    cancelled)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
      """;
  private static final String PLAN_ITEM =
      "SELECT 1 FROM plan_items WHERE id = $1 AND community_id = $2";
  private static final String PAGE =
      "SELECT id FROM pages WHERE community_id = $1 AND slug_key = $2 AND current_revision > 0";
  private static final String RSVP =
      """
      INSERT INTO meeting_rsvps (meeting_id, user_id, answer) VALUES ($1, $2, $3)
      ON CONFLICT (meeting_id, user_id)
      DO UPDATE SET answer = excluded.answer, answered_at = clock_timestamp()
      """;
  private static final String USERS =
      "SELECT id, login FROM users WHERE login = ANY($1) AND disabled_at IS NULL";
  private static final String ATTENDEES =
      """
      SELECT u.id, u.login, u.display_name FROM meeting_attendees a
        JOIN users u ON u.id = a.user_id WHERE a.meeting_id = $1
       ORDER BY u.display_name, u.login
      """;
  private static final String ADD_ATTENDEES =
      """
      INSERT INTO meeting_attendees (meeting_id, user_id)
      SELECT $1, person FROM unnest($2::bigint[]) AS person
      """;
  private static final String REMOVE_ATTENDEES =
      "DELETE FROM meeting_attendees WHERE meeting_id = $1 AND user_id = ANY($2)";
  private static final String RECORD_CHANGES =
      """
      INSERT INTO meeting_attendance_changes (meeting_id, user_id, present, changed_by)
      SELECT $1, person, $3, $4 FROM unnest($2::bigint[]) AS person
      """;
  private static final String CHANGES =
      """
      SELECT u.login, u.display_name, a.present, changer.login AS changed_by, a.changed_at
        FROM meeting_attendance_changes a
        JOIN users u ON u.id = a.user_id JOIN users changer ON changer.id = a.changed_by
       WHERE a.meeting_id = $1 ORDER BY a.id
      """;

  Future<Optional<Meeting>> one(SqlClient sql, CurrentUser reader, long communityId, long id) {
    return sql.preparedQuery(ONE)
        .execute(Tuple.of(reader.admin(), reader.id(), id, communityId))
        .map(rows -> Rows.first(rows, MeetingRepository::meeting));
  }

  Future<List<Meeting>> upcoming(SqlClient sql, CurrentUser reader, long communityId, int limit) {
    return list(sql, UPCOMING, Tuple.of(reader.admin(), reader.id(), communityId, limit));
  }

  Future<List<Meeting>> past(SqlClient sql, CurrentUser reader, long communityId, int limit) {
    return list(sql, PAST, Tuple.of(reader.admin(), reader.id(), communityId, limit));
  }

  Future<List<Meeting>> upcomingEverywhere(SqlClient sql, CurrentUser reader, int limit) {
    return list(sql, UPCOMING_EVERYWHERE, Tuple.of(reader.admin(), reader.id(), limit));
  }

  Future<List<Meeting>> upcomingMine(SqlClient sql, CurrentUser reader, int limit) {
    return list(sql, UPCOMING_MINE, Tuple.of(reader.admin(), reader.id(), limit));
  }

  Future<List<Meeting>> feed(SqlClient sql, CurrentUser reader, int limit) {
    return list(sql, FEED, Tuple.of(reader.admin(), reader.id(), limit));
  }

  Future<List<Meeting>> communityFeed(
      SqlClient sql, CurrentUser reader, long communityId, int limit) {
    return list(sql, COMMUNITY_FEED, Tuple.of(reader.admin(), reader.id(), communityId, limit));
  }

  private static Future<List<Meeting>> list(SqlClient sql, String query, Tuple args) {
    return sql.preparedQuery(query)
        .execute(args)
        .map(rows -> Rows.list(rows, MeetingRepository::meeting));
  }

  /** Locks the meeting for a change; false when the community has no such meeting. */
  Future<Boolean> lock(SqlClient sql, long id, long communityId) {
    return sql.preparedQuery(LOCK).execute(Tuple.of(id, communityId)).map(rows -> rows.size() > 0);
  }

  /** The latest version's number and content (the meeting must exist). */
  Future<Current> current(SqlClient sql, long id) {
    return sql.preparedQuery(CURRENT)
        .execute(Tuple.of(id))
        .map(rows -> MeetingRepository.current(rows.iterator().next()));
  }

  Future<Long> insertMeeting(SqlClient sql, long communityId, long userId) {
    return sql.preparedQuery(INSERT_MEETING)
        .execute(Tuple.of(communityId, userId))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> insertVersion(SqlClient sql, long id, int version, long userId, Content c) {
    Object[] values = {
      id,
      version,
      userId,
      c.title(),
      c.startsAt(),
      c.endsAt(),
      c.form().code(),
      c.place(),
      c.link(),
      c.agenda(),
      c.planItem(),
      c.minutesPage(),
      c.cancelled()
    };
    return sql.preparedQuery(INSERT_VERSION).execute(Tuple.from(values)).mapEmpty();
  }

  Future<Boolean> planItemExists(SqlClient sql, long communityId, long planItem) {
    return sql.preparedQuery(PLAN_ITEM)
        .execute(Tuple.of(planItem, communityId))
        .map(rows -> rows.size() > 0);
  }

  /** The id of the community's page with this slug, if there is one. */
  Future<Optional<Long>> page(SqlClient sql, long communityId, String slug) {
    return sql.preparedQuery(PAGE)
        .execute(Tuple.of(communityId, Slugs.key(slug)))
        .map(rows -> Rows.first(rows, r -> r.getLong("id")));
  }

  Future<Void> answer(SqlClient sql, long meetingId, long userId, String answer) {
    return sql.preparedQuery(RSVP).execute(Tuple.of(meetingId, userId, answer)).mapEmpty();
  }

  /** Active users by login: login → id (unknown and disabled logins are missing). */
  Future<java.util.Map<String, Long>> users(SqlClient sql, List<String> logins) {
    return sql.preparedQuery(USERS)
        .execute(Tuple.tuple().addArrayOfString(logins.toArray(String[]::new)))
        .map(
            rows -> {
              java.util.Map<String, Long> found = new java.util.HashMap<>();
              rows.forEach(r -> found.put(r.getString("login"), r.getLong("id")));
              return found;
            });
  }

  /** The current attendance: user id → attendee. */
  Future<java.util.Map<Long, Attendee>> attendees(SqlClient sql, long meetingId) {
    return sql.preparedQuery(ATTENDEES)
        .execute(Tuple.of(meetingId))
        .map(
            rows -> {
              java.util.Map<Long, Attendee> found = new java.util.LinkedHashMap<>();
              rows.forEach(
                  r ->
                      found.put(
                          r.getLong("id"),
                          new Attendee(r.getString("login"), r.getString("display_name"))));
              return found;
            });
  }

  /**
   * Puts people on the list ({@code present}) or takes them off, and records it. Inside the act's
   * transaction.
   */
  Future<Void> changeAttendance(
      SqlClient sql, long meetingId, List<Long> people, boolean present, long changedBy) {
    if (people.isEmpty()) {
      return Future.succeededFuture();
    }
    Long[] ids = people.toArray(Long[]::new);
    Tuple change = Tuple.tuple().addLong(meetingId).addArrayOfLong(ids);
    return sql.preparedQuery(present ? ADD_ATTENDEES : REMOVE_ATTENDEES)
        .execute(change)
        .compose(
            v ->
                sql.preparedQuery(RECORD_CHANGES)
                    .execute(
                        Tuple.tuple()
                            .addLong(meetingId)
                            .addArrayOfLong(ids)
                            .addBoolean(present)
                            .addLong(changedBy)))
        .mapEmpty();
  }

  Future<List<AttendanceChange>> attendanceChanges(SqlClient sql, long meetingId) {
    return sql.preparedQuery(CHANGES)
        .execute(Tuple.of(meetingId))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new AttendanceChange(
                            r.getString("login"),
                            r.getString("display_name"),
                            r.getBoolean("present"),
                            r.getString("changed_by"),
                            r.getOffsetDateTime("changed_at"))));
  }

  /** A meeting's latest version. */
  record Current(int version, Content content) {}

  private static Current current(Row r) {
    return new Current(
        r.getInteger("version"),
        new Content(
            r.getString("title"),
            r.getOffsetDateTime("starts_at"),
            r.getOffsetDateTime("ends_at"),
            MeetingForm.of(r.getString("form")),
            r.getString("place"),
            r.getString("link"),
            r.getString("agenda"),
            r.getLong("plan_item_id"),
            r.getLong("minutes_page"),
            r.getBoolean("cancelled")));
  }

  private static Meeting meeting(Row r) {
    boolean minutes = Boolean.TRUE.equals(r.getBoolean("minutes_visible"));
    Meeting meeting =
        new Meeting(
            r.getLong("id"),
            r.getString("community"),
            r.getString("community_name"),
            r.getInteger("version"),
            r.getString("title"),
            r.getOffsetDateTime("starts_at"),
            r.getOffsetDateTime("ends_at"),
            MeetingForm.of(r.getString("form")),
            r.getString("place"),
            r.getString("link"),
            r.getString("agenda"),
            r.getLong("plan_item_id"),
            r.getString("plan_item_title"),
            minutes ? r.getString("minutes_slug") : null,
            minutes ? r.getString("minutes_title") : null,
            r.getBoolean("cancelled"),
            r.getOffsetDateTime("valid_from"),
            r.getLong("yes").intValue(),
            r.getLong("no").intValue(),
            r.getLong("maybe").intValue(),
            r.getString("my_answer"));
    return Boolean.TRUE.equals(r.getBoolean("insider")) ? meeting : meeting.withoutLink();
  }
}
