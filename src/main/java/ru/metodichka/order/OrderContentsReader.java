package ru.metodichka.order;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ru.metodichka.community.Role;
import ru.metodichka.order.ChangeRepository.Member;
import ru.metodichka.order.OrderContents.Section;

/**
 * Reads what an order says. An issued order's composition is the one it confirmed, derived from
 * append-only rows only, so its document reads the same whenever it is made; a draft shows the
 * composition now, which is what confirming every pending change makes it.
 */
final class OrderContentsReader {
  private final OrderRepository orders;
  private final ChangeRepository changes;

  OrderContentsReader(OrderRepository orders, ChangeRepository changes) {
    this.orders = orders;
    this.changes = changes;
  }

  Future<OrderContents> issued(SqlClient sql, Order order) {
    return orders
        .communities(sql, order.id())
        .compose(ids -> changes.byIds(sql, ids))
        .compose(
            communities ->
                changes
                    .ofOrder(sql, order.id())
                    .compose(
                        events ->
                            sections(
                                communities,
                                c ->
                                    section(
                                        c,
                                        changes.asOfOrder(sql, c.id(), order.id()),
                                        events,
                                        orders.latest(sql, c.id(), order.id(), order.issuedAt())))))
        .map(sections -> new OrderContents(Optional.of(order), sections));
  }

  Future<OrderContents> draft(SqlClient sql, List<OrderCommunity> communities) {
    List<Long> ids = communities.stream().map(OrderCommunity::id).toList();
    return changes
        .pending(sql, ids)
        .compose(
            events ->
                sections(
                    communities,
                    c ->
                        section(
                            c,
                            changes.current(sql, c.id()),
                            events,
                            orders.latest(sql, c.id(), Long.MAX_VALUE, (OffsetDateTime) null))))
        .map(sections -> new OrderContents(Optional.empty(), sections));
  }

  /** One section per community, read one after another (the client may be a transaction). */
  private static Future<List<Section>> sections(
      List<OrderCommunity> communities, Function<OrderCommunity, Future<Section>> read) {
    Future<List<Section>> all = Future.succeededFuture(new ArrayList<>());
    for (OrderCommunity community : communities) {
      all = all.compose(list -> read.apply(community).map(section -> append(list, section)));
    }
    return all.map(List::copyOf);
  }

  private static List<Section> append(List<Section> list, Section section) {
    list.add(section);
    return list;
  }

  private static Future<Section> section(
      OrderCommunity community,
      Future<List<Member>> people,
      List<EventRow> events,
      Future<Optional<OrderRef>> previous) {
    List<EventRow> own = events.stream().filter(e -> e.communityId() == community.id()).toList();
    return Future.all(people, previous)
        .map(
            v ->
                new Section(
                    community,
                    withRole(people.result(), Role.MODERATOR),
                    withRole(people.result(), Role.MEMBER),
                    Changes.of(own),
                    previous.result().orElse(null)));
  }

  private static List<Participant> withRole(List<Member> people, Role role) {
    return people.stream().filter(m -> m.role() == role).map(Member::who).toList();
  }
}
