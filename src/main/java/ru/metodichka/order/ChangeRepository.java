package ru.metodichka.order;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Role;
import ru.metodichka.db.Rows;

/**
 * SQL for composition changes and compositions: what is pending, what an order confirmed, who was
 * in a community as an order confirms it. What counts as a change is the view {@code
 * composition_events}, and what confirmed it the view {@code membership_orders} (V9).
 */
final class ChangeRepository {
  private static final String EVENTS =
      """
      SELECT e.membership_id, e.event, e.community_id, e.user_id, e.role, e.at, e.end_reason,
             e.end_note, u.login, u.display_name, u.position, i.name AS institution
        FROM composition_events e
        JOIN users u ON u.id = e.user_id
        LEFT JOIN institutions i ON i.id = u.institution_id
      """;
  // Confirmed by neither an issued order nor one entered by hand.
  private static final String PENDING = " e.order_id IS NULL AND e.hand_number IS NULL";
  private static final String IN_ORDER = " ORDER BY e.community_id, e.at, u.display_name, e.event";
  private static final String ALL_PENDING = EVENTS + " WHERE" + PENDING + IN_ORDER;
  private static final String PENDING_IN =
      EVENTS + " WHERE" + PENDING + " AND e.community_id = ANY($1)" + IN_ORDER;
  private static final String OF_ORDER = EVENTS + " WHERE e.order_id = $1" + IN_ORDER;
  private static final String PEOPLE =
      """
      SELECT m.role, u.login, u.display_name, u.position, i.name AS institution
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        LEFT JOIN institutions i ON i.id = u.institution_id
      """;
  private static final String CURRENT =
      PEOPLE
          + """
           WHERE m.community_id = $1 AND m.status = 'active' AND m.role IN ('member', 'moderator')
           ORDER BY u.display_name, u.login
          """;
  // Whom order $2 confirmed in community $1: periods whose start an order up to it (or one entered
  // by hand before it was issued) confirmed, and whose end none did. Orders of one community are
  // issued one at a time (OrderService locks the communities), so ids follow issue order.
  private static final String AS_OF_ORDER =
      PEOPLE
          + """
           JOIN orders o ON o.id = $2
           JOIN membership_orders c ON c.membership_id = m.id
           WHERE m.community_id = $1 AND m.role IN ('member', 'moderator')
             AND m.started_at IS NOT NULL
             AND COALESCE(c.start_order_id <= o.id,
                          c.start_hand_number IS NOT NULL AND m.started_at <= o.issued_at)
             AND NOT COALESCE(c.end_order_id <= o.id,
                              c.end_hand_number IS NOT NULL AND m.ended_at <= o.issued_at)
           ORDER BY u.display_name, u.login
          """;
  private static final String COMMUNITIES =
      "SELECT id, slug, slug_key, name, task FROM communities";
  // FOR NO KEY UPDATE: two orders for one community are issued one after the other (the second
  // sees what the first confirmed), while memberships and pages may still be added meanwhile.
  private static final String LOCK_BY_KEYS =
      COMMUNITIES + " WHERE slug_key = ANY($1) ORDER BY id FOR NO KEY UPDATE";
  private static final String BY_KEYS = COMMUNITIES + " WHERE slug_key = ANY($1) ORDER BY name";
  private static final String BY_IDS = COMMUNITIES + " WHERE id = ANY($1) ORDER BY name";

  /** Every pending event, community by community, oldest first. */
  Future<List<EventRow>> pending(SqlClient sql) {
    return sql.preparedQuery(ALL_PENDING).execute().map(rows -> Rows.list(rows, this::event));
  }

  Future<List<EventRow>> pending(SqlClient sql, List<Long> communityIds) {
    return sql.preparedQuery(PENDING_IN)
        .execute(Tuple.tuple().addArrayOfLong(communityIds.toArray(Long[]::new)))
        .map(rows -> Rows.list(rows, this::event));
  }

  /** The events an issued order confirmed. */
  Future<List<EventRow>> ofOrder(SqlClient sql, long orderId) {
    return sql.preparedQuery(OF_ORDER)
        .execute(Tuple.of(orderId))
        .map(rows -> Rows.list(rows, this::event));
  }

  /** The members and moderators of a community now. */
  Future<List<Member>> current(SqlClient sql, long communityId) {
    return sql.preparedQuery(CURRENT)
        .execute(Tuple.of(communityId))
        .map(rows -> Rows.list(rows, ChangeRepository::member));
  }

  /** The members and moderators of a community as an issued order confirmed them. */
  Future<List<Member>> asOfOrder(SqlClient sql, long communityId, long orderId) {
    return sql.preparedQuery(AS_OF_ORDER)
        .execute(Tuple.of(communityId, orderId))
        .map(rows -> Rows.list(rows, ChangeRepository::member));
  }

  /** The communities with these slug keys, locked until the transaction ends. */
  Future<List<OrderCommunity>> lockByKeys(SqlClient sql, List<String> keys) {
    return communities(
        sql, LOCK_BY_KEYS, Tuple.tuple().addArrayOfString(keys.toArray(String[]::new)));
  }

  Future<List<OrderCommunity>> byKeys(SqlClient sql, List<String> keys) {
    return communities(sql, BY_KEYS, Tuple.tuple().addArrayOfString(keys.toArray(String[]::new)));
  }

  Future<List<OrderCommunity>> byIds(SqlClient sql, List<Long> ids) {
    return communities(sql, BY_IDS, Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)));
  }

  private static Future<List<OrderCommunity>> communities(SqlClient sql, String query, Tuple keys) {
    return sql.preparedQuery(query)
        .execute(keys)
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new OrderCommunity(
                            r.getLong("id"),
                            r.getString("slug"),
                            r.getString("name"),
                            r.getString("task"))));
  }

  private EventRow event(Row r) {
    return new EventRow(
        r.getLong("membership_id"),
        "start".equals(r.getString("event")),
        r.getLong("community_id"),
        r.getLong("user_id"),
        Role.fromCode(r.getString("role")),
        r.getOffsetDateTime("at"),
        r.getString("end_reason"),
        r.getString("end_note"),
        participant(r));
  }

  private static Member member(Row r) {
    return new Member(Role.fromCode(r.getString("role")), participant(r));
  }

  private static Participant participant(Row r) {
    return new Participant(
        new Person(r.getString("login"), r.getString("display_name")),
        r.getString("position"),
        r.getString("institution"));
  }

  /** A participant and their role in the community. */
  record Member(Role role, Participant who) {}
}
