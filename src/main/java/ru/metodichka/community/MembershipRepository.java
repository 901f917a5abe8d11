package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Optional;
import ru.metodichka.db.Rows;

/** SQL for memberships. Rows are periods; ending one sets its end, nothing is deleted. */
public final class MembershipRepository {
  private static final String ACTIVE_ROLE =
      """
      SELECT role FROM memberships
       WHERE community_id = $1 AND user_id = $2 AND status = 'active'
      """;
  // FOR UPDATE: two moderators changing one person's role at once must not open two periods.
  private static final String LOCK_CURRENT =
      """
      SELECT id, role FROM memberships
       WHERE community_id = $1 AND user_id = $2 AND status IN ('requested', 'active')
       FOR UPDATE
      """;
  private static final String END =
      """
      UPDATE memberships SET status = 'left', ended_at = now(), end_reason = $2, changed_by = $3
       WHERE id = $1
      """;
  private static final String START =
      """
      INSERT INTO memberships (community_id, user_id, role, status, started_at, order_number,
                               order_date, changed_by)
      VALUES ($1, $2, $3, 'active', now(), $4, $5, $6)
      """;
  private static final String SELECT =
      """
      SELECT u.login, u.display_name, m.role, m.status, m.started_at, m.ended_at, m.end_reason,
             m.order_number, m.order_date
        FROM memberships m JOIN users u ON u.id = m.user_id
      """;
  private static final String ACTIVE =
      SELECT
          + " WHERE m.community_id = $1 AND m.status = 'active' ORDER BY m.role DESC, u.display_name";
  private static final String HISTORY = SELECT + " WHERE m.community_id = $1 ORDER BY m.id DESC";

  public Future<Optional<Role>> activeRole(SqlClient sql, long communityId, long userId) {
    return sql.preparedQuery(ACTIVE_ROLE)
        .execute(Tuple.of(communityId, userId))
        .map(rows -> Rows.first(rows, r -> Role.fromCode(r.getString(0))));
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

  public Future<Void> end(SqlClient sql, long membershipId, String reason, long changedBy) {
    return sql.preparedQuery(END).execute(Tuple.of(membershipId, reason, changedBy)).mapEmpty();
  }

  public Future<Void> start(SqlClient sql, NewPeriod p) {
    Object[] values = {
      p.communityId(), p.userId(), p.role().code(), p.orderNumber(), p.orderDate(), p.changedBy()
    };
    return sql.preparedQuery(START).execute(Tuple.from(values)).mapEmpty();
  }

  public Future<JsonArray> active(SqlClient sql, long communityId) {
    return sql.preparedQuery(ACTIVE)
        .execute(Tuple.of(communityId))
        .map(rows -> Rows.toArray(rows, MembershipRepository::toJson));
  }

  public Future<JsonArray> history(SqlClient sql, long communityId) {
    return sql.preparedQuery(HISTORY)
        .execute(Tuple.of(communityId))
        .map(rows -> Rows.toArray(rows, MembershipRepository::toJson));
  }

  private static JsonObject toJson(Row r) {
    return new JsonObject()
        .put("login", r.getString("login"))
        .put("name", r.getString("display_name"))
        .put("role", r.getString("role"))
        .put("status", r.getString("status"))
        .put("since", Rows.time(r.getOffsetDateTime("started_at")))
        .put("until", Rows.time(r.getOffsetDateTime("ended_at")))
        .put("endReason", r.getString("end_reason"))
        .put(
            "order",
            r.getString("order_number") == null
                ? null
                : new JsonObject()
                    .put("number", r.getString("order_number"))
                    .put("date", String.valueOf(r.getLocalDate("order_date"))));
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
