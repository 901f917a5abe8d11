package ru.metodichka.order;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.Person;
import ru.metodichka.db.DatabaseErrors;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/** SQL for issued orders and the changes they confirmed. Both tables are append-only. */
final class OrderRepository {
  private static final String INSERT =
      """
      INSERT INTO orders (number, number_key, date, issued_by, note)
      VALUES ($1, $2, $3, $4, $5)
      RETURNING id
      """;
  private static final String CONFIRM =
      """
      INSERT INTO order_items (order_id, membership_id, event)
      SELECT $1, unnest($2::bigint[]), unnest($3::text[])
      """;
  private static final String SELECT =
      """
      SELECT o.id, o.number, o.date, o.issued_at, o.note, u.login, u.display_name
        FROM orders o JOIN users u ON u.id = o.issued_by
      """;
  private static final String FIND = SELECT + " WHERE o.id = $1";
  // Orders are a few dozen a year: the list is read whole, newest first. A change is one person's
  // events at one moment, as Changes groups them (a role change ends and starts at once).
  private static final String LIST =
      """
      SELECT o.id, o.number, o.date, o.issued_at, o.note, u.login, u.display_name,
             ARRAY(SELECT DISTINCT c.name FROM order_items i
                     JOIN memberships m ON m.id = i.membership_id
                     JOIN communities c ON c.id = m.community_id
                    WHERE i.order_id = o.id ORDER BY c.name) AS communities,
             (SELECT count(DISTINCT (m.community_id, m.user_id,
                                     CASE i.event WHEN 'start' THEN m.started_at
                                                  ELSE m.ended_at END))
                FROM order_items i JOIN memberships m ON m.id = i.membership_id
               WHERE i.order_id = o.id) AS changes
        FROM orders o JOIN users u ON u.id = o.issued_by
       ORDER BY o.date DESC, o.id DESC
      """;
  private static final String COMMUNITIES =
      """
      SELECT DISTINCT m.community_id FROM order_items i JOIN memberships m ON m.id = i.membership_id
       WHERE i.order_id = $1
      """;
  // The order that confirmed a community's composition last: issued here before order $2, or
  // entered by hand with a period that started before $3 (null: any). On one date, an issued
  // order is read as the later one.
  private static final String LATEST =
      """
      SELECT id, number, date FROM (
        SELECT o.id, o.number, o.date FROM orders o
         WHERE o.id < $2 AND EXISTS (
           SELECT 1 FROM order_items i JOIN memberships m ON m.id = i.membership_id
            WHERE i.order_id = o.id AND m.community_id = $1)
        UNION ALL
        SELECT NULL, e.hand_number, e.hand_date FROM composition_events e
         WHERE e.community_id = $1 AND e.order_id IS NULL AND e.hand_number IS NOT NULL
           AND ($3::timestamptz IS NULL OR e.at < $3)
      ) confirming
      ORDER BY date DESC, id DESC NULLS LAST
      LIMIT 1
      """;

  /** Records an order; 409 {@code order_number_taken} when its year already has that number. */
  Future<Long> insert(SqlClient sql, NewOrder order, long issuedBy) {
    Tuple values =
        Tuple.of(
            order.number(),
            NewOrder.numberKey(order.number()),
            order.date(),
            issuedBy,
            order.note());
    return sql.preparedQuery(INSERT)
        .execute(values)
        .map(rows -> rows.iterator().next().getLong("id"))
        .recover(
            DatabaseErrors.uniqueViolation(
                () ->
                    AppError.conflict(
                        "order_number_taken", order.number(), order.date().getYear())));
  }

  /** Records the events the order confirmed. */
  Future<Void> confirm(SqlClient sql, long orderId, List<EventRow> events) {
    Long[] memberships = events.stream().map(EventRow::membershipId).toArray(Long[]::new);
    String[] kinds = events.stream().map(EventRow::event).toArray(String[]::new);
    Tuple values =
        Tuple.tuple().addLong(orderId).addArrayOfLong(memberships).addArrayOfString(kinds);
    return sql.preparedQuery(CONFIRM).execute(values).mapEmpty();
  }

  Future<Optional<Order>> find(SqlClient sql, long id) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, OrderRepository::order));
  }

  Future<List<OrderSummary>> list(SqlClient sql) {
    return sql.preparedQuery(LIST).execute().map(rows -> Rows.list(rows, OrderRepository::summary));
  }

  /** The ids of the communities whose changes the order confirmed. */
  Future<List<Long>> communities(SqlClient sql, long orderId) {
    return sql.preparedQuery(COMMUNITIES)
        .execute(Tuple.of(orderId))
        .map(rows -> Rows.list(rows, r -> r.getLong(0)));
  }

  /**
   * The order that confirmed the community's composition last, before the given issued order
   * (issued before it, or entered by hand before {@code before}); pass {@code Long.MAX_VALUE} and
   * null for the latest of all.
   */
  Future<Optional<OrderRef>> latest(
      SqlClient sql, long communityId, long beforeOrder, OffsetDateTime before) {
    return sql.preparedQuery(LATEST)
        .execute(Tuple.of(communityId, beforeOrder, before))
        .map(
            rows ->
                Rows.first(
                    rows,
                    r ->
                        new OrderRef(
                            r.getLong("id"), r.getString("number"), r.getLocalDate("date"))));
  }

  private static Order order(Row r) {
    return new Order(
        r.getLong("id"),
        r.getString("number"),
        r.getLocalDate("date"),
        new Person(r.getString("login"), r.getString("display_name")),
        r.getOffsetDateTime("issued_at"),
        r.getString("note"));
  }

  private static OrderSummary summary(Row r) {
    String[] communities = r.getArrayOfStrings("communities");
    return new OrderSummary(order(r), Arrays.asList(communities), r.getLong("changes").intValue());
  }
}
