package ru.metodichka.order;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Slugs;
import ru.metodichka.error.AppError;

/**
 * Orders (приказы) of the centre that confirm the composition of communities (§4.4). Every change
 * of composition waits for an order; the administrator issues one for chosen communities, and it
 * confirms all their pending changes, in one transaction. Orders and pending changes are the
 * centre's: administrators only (they name the members' positions and institutions).
 */
public final class OrderService {
  private final Pool pool;
  private final ZoneId zone;
  private final OrderRepository orders = new OrderRepository();
  private final ChangeRepository changes = new ChangeRepository();
  private final OrderContentsReader contents = new OrderContentsReader(orders, changes);

  /**
   * @param zone where «today» is for the dates of orders (an order is never dated in the future)
   */
  public OrderService(Pool pool, ZoneId zone) {
    this.pool = pool;
    this.zone = zone;
  }

  /** Today where the centre is: the latest date an order may carry. */
  public LocalDate today() {
    return LocalDate.now(zone);
  }

  /** The pending changes of every community that has any, communities by name. */
  public Future<List<CommunityChanges>> pending(CurrentUser actor) {
    actor.requireAdmin();
    return changes.pending(pool).compose(events -> byCommunity(pool, events));
  }

  /**
   * Issues an order confirming every pending change of the given communities. 422 naming each
   * unknown community, or one with nothing pending ({@code communities[i]}); 409 {@code
   * order_number_taken} when the year already has an order with this number.
   */
  public Future<IssuedOrder> issue(CurrentUser actor, NewOrder order) {
    actor.requireAdmin();
    List<String> keys = order.communities().stream().map(Slugs::key).toList();
    return pool.withTransaction(
        tx ->
            changes
                .lockByKeys(tx, keys)
                .map(found -> inRequestOrder(order, found))
                .compose(
                    named ->
                        changes
                            .pending(tx, ids(named))
                            .map(events -> requirePending(order, named, events)))
                .compose(events -> record(tx, actor, order, events)));
  }

  private Future<IssuedOrder> record(
      SqlClient tx, CurrentUser actor, NewOrder order, List<EventRow> events) {
    return orders
        .insert(tx, order, actor.id())
        .compose(id -> orders.confirm(tx, id, events).map(id))
        .compose(id -> issued(tx, id));
  }

  /** Issued orders, newest first. */
  public Future<List<OrderSummary>> list(CurrentUser actor) {
    actor.requireAdmin();
    return orders.list(pool);
  }

  /** An issued order and the changes it confirmed; 404 when there is none. */
  public Future<IssuedOrder> find(CurrentUser actor, long id) {
    actor.requireAdmin();
    return issued(pool, id);
  }

  private Future<IssuedOrder> issued(SqlClient sql, long id) {
    return order(sql, id)
        .compose(
            order ->
                changes
                    .ofOrder(sql, id)
                    .compose(events -> byCommunity(sql, events))
                    .map(list -> new IssuedOrder(order, list)));
  }

  /** What an issued order says, for its document and printable page; 404 when there is none. */
  public Future<OrderContents> contents(CurrentUser actor, long id) {
    actor.requireAdmin();
    return order(pool, id).compose(order -> contents.issued(pool, order));
  }

  /**
   * The draft of an order for the given communities (slugs): their composition now and their
   * pending changes. 404 naming the first unknown community.
   */
  public Future<OrderContents> draft(CurrentUser actor, List<String> communities) {
    actor.requireAdmin();
    if (communities.isEmpty()) {
      throw AppError.badRequest("missing_parameter", "community");
    }
    List<String> keys = communities.stream().map(Slugs::key).distinct().toList();
    return changes
        .byKeys(pool, keys)
        .map(found -> requireFound(communities, found))
        .compose(found -> contents.draft(pool, found));
  }

  /**
   * The order that last confirmed a change of the community's composition — issued here, or entered
   * by hand with a membership — or empty; for the community's page («Состав утверждён приказом № …
   * от …»). Public: the order's number and date say nothing about anyone.
   */
  public Future<Optional<OrderRef>> latestFor(long communityId) {
    return orders.latest(pool, communityId, Long.MAX_VALUE, null);
  }

  private Future<Order> order(SqlClient sql, long id) {
    return orders
        .find(sql, id)
        .map(found -> found.orElseThrow(() -> AppError.notFound("order_not_found", id)));
  }

  /** The events grouped into changes, community by community (by name). */
  private Future<List<CommunityChanges>> byCommunity(SqlClient sql, List<EventRow> events) {
    Map<Long, List<EventRow>> byId = new LinkedHashMap<>();
    events.forEach(e -> byId.computeIfAbsent(e.communityId(), k -> new ArrayList<>()).add(e));
    return changes
        .byIds(sql, List.copyOf(byId.keySet()))
        .map(
            found ->
                found.stream()
                    .map(c -> new CommunityChanges(c, Changes.of(byId.get(c.id()))))
                    .toList());
  }

  /** The communities in the order the request names them; 422 naming each unknown one. */
  private static List<OrderCommunity> inRequestOrder(NewOrder order, List<OrderCommunity> found) {
    List<OrderCommunity> named = new ArrayList<>();
    List<AppError.FieldError> unknown = new ArrayList<>();
    for (int i = 0; i < order.communities().size(); i++) {
      String slug = order.communities().get(i);
      Optional<OrderCommunity> community = withSlug(found, slug);
      community.ifPresent(named::add);
      if (community.isEmpty()) {
        unknown.add(new AppError.FieldError(field(i), "unknown_community", slug));
      }
    }
    if (!unknown.isEmpty()) {
      throw AppError.invalid(unknown);
    }
    return named;
  }

  private static Optional<OrderCommunity> withSlug(List<OrderCommunity> found, String slug) {
    String key = Slugs.key(slug);
    return found.stream().filter(c -> Slugs.key(c.slug()).equals(key)).findFirst();
  }

  private static List<OrderCommunity> requireFound(List<String> slugs, List<OrderCommunity> found) {
    for (String slug : slugs) {
      if (withSlug(found, slug).isEmpty()) {
        throw AppError.notFound("community_not_found", slug);
      }
    }
    return found;
  }

  /** 422 naming each community that has nothing to confirm. */
  private static List<EventRow> requirePending(
      NewOrder order, List<OrderCommunity> named, List<EventRow> events) {
    List<AppError.FieldError> idle = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      long id = named.get(i).id();
      if (events.stream().noneMatch(e -> e.communityId() == id)) {
        idle.add(new AppError.FieldError(field(i), "nothing_pending", named.get(i).name()));
      }
    }
    if (!idle.isEmpty()) {
      throw AppError.invalid(idle);
    }
    return events;
  }

  private static String field(int i) {
    return "communities[" + i + "]";
  }

  private static List<Long> ids(List<OrderCommunity> communities) {
    return communities.stream().map(OrderCommunity::id).toList();
  }
}
