package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;

/** SQL for memberships. Rows are periods; ending one sets its end, nothing is deleted. */
public final class MembershipRepository {
  // FOR UPDATE: two moderators changing one person's role at once must not open two periods.
  private static final String LOCK_CURRENT =
      """
      SELECT id, role FROM memberships
       WHERE community_id = $1 AND user_id = $2 AND status IN ('requested', 'active')
       FOR UPDATE
      """;
  private static final String END =
      """
      UPDATE memberships SET status = 'left', ended_at = now(), end_reason = $2, changed_by = $3,
                             ended_by = $3, end_note = $4
       WHERE id = $1
      """;
  private static final String START =
      """
      INSERT INTO memberships (community_id, user_id, role, status, started_at, order_number,
                               order_date, changed_by)
      VALUES ($1, $2, $3, 'active', now(), $4, $5, $6)
      """;
  // The orders that confirmed the period's start and end (V9's membership_orders): an order
  // issued in Metodichka, else one entered by hand.
  private static final String SELECT =
      """
      SELECT u.login, u.display_name, m.role, m.status, m.started_at, m.ended_at, m.end_reason,
             m.end_note, e.login AS ended_by_login, e.display_name AS ended_by_name,
             COALESCE(so.number, mo.start_hand_number) AS order_number,
             CASE WHEN so.id IS NULL THEN mo.start_hand_date ELSE so.date END AS order_date,
             COALESCE(eo.number, mo.end_hand_number) AS end_order_number,
             CASE WHEN eo.id IS NULL THEN mo.end_hand_date ELSE eo.date END AS end_order_date
        FROM memberships m JOIN users u ON u.id = m.user_id
        LEFT JOIN users e ON e.id = m.ended_by
        JOIN membership_orders mo ON mo.membership_id = m.id
        LEFT JOIN orders so ON so.id = mo.start_order_id
        LEFT JOIN orders eo ON eo.id = mo.end_order_id
      """;
  private static final String ACTIVE =
      SELECT
          + " WHERE m.community_id = $1 AND m.status = 'active' ORDER BY m.role DESC, u.display_name";
  // Periods only: a request that never became a membership (pending, rejected, withdrawn) is not.
  private static final String HISTORY =
      SELECT + " WHERE m.community_id = $1 AND m.started_at IS NOT NULL ORDER BY m.id DESC";

  /**
   * A query for a user's active role in a community: no row, or one (at most one period is current,
   * V1's memberships_current), for other queries to ask along with theirs.
   */
  static String activeRoleSql(String communityId, String userId) {
    return "SELECT role FROM memberships WHERE community_id = %s AND user_id = %s AND status = 'active'"
        .formatted(communityId, userId);
  }

  /** The current (requested or active) period, locked until the transaction ends. */
  public Future<Optional<Current>> lockCurrent(SqlClient sql, long communityId, long userId) {
    return sql.preparedQuery(LOCK_CURRENT)
        .execute(Tuple.of(communityId, userId))
        .map(
            rows ->
                Rows.first(
                    rows, r -> new Current(r.getLong("id"), Role.fromCode(r.getString("role")))));
  }

  /** Ends a period, recording why, by whom, and the note they gave (or null). */
  public Future<Void> end(
      SqlClient sql, long membershipId, String reason, long endedBy, String note) {
    return sql.preparedQuery(END).execute(Tuple.of(membershipId, reason, endedBy, note)).mapEmpty();
  }

  public Future<Void> start(SqlClient sql, NewPeriod p) {
    Object[] values = {
      p.communityId(), p.userId(), p.role().code(), p.orderNumber(), p.orderDate(), p.changedBy()
    };
    return sql.preparedQuery(START).execute(Tuple.from(values)).mapEmpty();
  }

  public Future<List<Membership>> active(SqlClient sql, long communityId) {
    return sql.preparedQuery(ACTIVE)
        .execute(Tuple.of(communityId))
        .map(rows -> Rows.list(rows, MembershipRepository::membership));
  }

  public Future<List<Membership>> history(SqlClient sql, long communityId) {
    return sql.preparedQuery(HISTORY)
        .execute(Tuple.of(communityId))
        .map(rows -> Rows.list(rows, MembershipRepository::membership));
  }

  private static Membership membership(Row r) {
    String endedBy = r.getString("ended_by_login");
    return new Membership(
        new Person(r.getString("login"), r.getString("display_name")),
        Role.fromCode(r.getString("role")),
        r.getString("status"),
        r.getOffsetDateTime("started_at"),
        r.getOffsetDateTime("ended_at"),
        r.getString("end_reason"),
        endedBy == null ? null : new Person(endedBy, r.getString("ended_by_name")),
        r.getString("end_note"),
        order(r, "order_number", "order_date"),
        order(r, "end_order_number", "end_order_date"));
  }

  private static Membership.Order order(Row r, String number, String date) {
    String value = r.getString(number);
    return value == null ? null : new Membership.Order(value, r.getLocalDate(date));
  }

  /** A membership period to open, with the order of the centre that confirmed it, if any. */
  public record NewPeriod(
      long communityId,
      long userId,
      Role role,
      String orderNumber,
      LocalDate orderDate,
      long changedBy) {}

  /** The id and role of a current membership period. */
  public record Current(long id, Role role) {}
}
