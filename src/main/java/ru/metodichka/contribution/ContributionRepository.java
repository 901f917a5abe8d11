package ru.metodichka.contribution;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * The contribution ledger: rows are appended inside the act's own transaction (the profile and
 * evaluation read them with queries of their own).
 */
public final class ContributionRepository {
  private static final String INSERT =
      """
      INSERT INTO contributions (user_id, community_id, page_id, revision_id, kind, chars_added,
                                 chars_removed)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      """;
  // The unique index on (plan_item_id, user_id) keeps one row per item and person, however often
  // the item is marked done again.
  private static final String INSERT_PLAN_ITEM =
      """
      INSERT INTO contributions (user_id, community_id, plan_item_id, kind)
      SELECT person, $2, $3, 'plan_item' FROM unnest($1::bigint[]) AS person
      ON CONFLICT (plan_item_id, user_id) WHERE plan_item_id IS NOT NULL DO NOTHING
      """;

  private static final String INSERT_COMMENT =
      """
      INSERT INTO contributions (user_id, community_id, page_id, comment_id, kind, chars_added)
      VALUES ($1, $2, $3, $4, 'comment', $5)
      """;

  /** A comment posted: one {@link ContributionKind#COMMENT} row, naming the comment. */
  public Future<Void> recordComment(
      SqlClient sql, long userId, long communityId, long pageId, long commentId, int chars) {
    return sql.preparedQuery(INSERT_COMMENT)
        .execute(Tuple.of(userId, communityId, pageId, commentId, chars))
        .mapEmpty();
  }

  // Attendance at a meeting: one row per meeting and person (the unique index on (meeting_id,
  // user_id)), dated at the meeting's start so it falls in the meeting's period. A person taken
  // off the list and put back on keeps the one row.
  private static final String INSERT_MEETING =
      """
      INSERT INTO contributions (user_id, community_id, meeting_id, kind, created_at)
      SELECT person, $2, $3, 'meeting', $4 FROM unnest($1::bigint[]) AS person
      ON CONFLICT (meeting_id, user_id) WHERE meeting_id IS NOT NULL DO NOTHING
      """;

  /**
   * The ledger rows that stand, as an SQL condition on the contributions alias {@code c}: every row
   * but attendance at a meeting the person has since been taken off (the ledger keeps that row; the
   * meeting's current attendance, {@code meeting_attendees}, no longer has the person). Every
   * reader that counts or lists contributions adds it.
   */
  public static String standingSql(String c) {
    return "("
        + c
        + ".meeting_id IS NULL OR EXISTS (SELECT 1 FROM meeting_attendees attended"
        + " WHERE attended.meeting_id = "
        + c
        + ".meeting_id AND attended.user_id = "
        + c
        + ".user_id))";
  }

  /** One act by one user; pageId and revisionId may be null for acts not about a page. */
  public Future<Void> record(SqlClient sql, Contribution c) {
    Object[] values = {
      c.userId(),
      c.communityId(),
      c.pageId(),
      c.revisionId(),
      c.kind().code(),
      c.charsAdded(),
      c.charsRemoved()
    };
    return sql.preparedQuery(INSERT).execute(Tuple.from(values)).mapEmpty();
  }

  /**
   * A plan item done: one {@link ContributionKind#PLAN_ITEM} row for each responsible person who
   * has none for this item yet.
   */
  public Future<Void> recordPlanItem(
      SqlClient sql, long communityId, long planItemId, List<Long> responsible) {
    Tuple values =
        Tuple.tuple()
            .addArrayOfLong(responsible.toArray(Long[]::new))
            .addLong(communityId)
            .addLong(planItemId);
    return sql.preparedQuery(INSERT_PLAN_ITEM).execute(values).mapEmpty();
  }

  /**
   * Attendance at a meeting: one {@link ContributionKind#MEETING} row, dated {@code startsAt}, for
   * each attendee who has none for this meeting yet. Must be called inside the act's transaction.
   */
  public Future<Void> recordMeeting(
      SqlClient sql,
      long communityId,
      long meetingId,
      java.time.OffsetDateTime startsAt,
      List<Long> attendees) {
    Tuple values =
        Tuple.tuple()
            .addArrayOfLong(attendees.toArray(Long[]::new))
            .addLong(communityId)
            .addLong(meetingId)
            .addOffsetDateTime(startsAt);
    return sql.preparedQuery(INSERT_MEETING).execute(values).mapEmpty();
  }

  /** A ledger row. */
  public record Contribution(
      long userId,
      long communityId,
      Long pageId,
      Long revisionId,
      ContributionKind kind,
      int charsAdded,
      int charsRemoved) {}
}
