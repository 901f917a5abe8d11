package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.MemberRole;
import ru.metodichka.community.Role;
import ru.metodichka.order.NewOrder;
import ru.metodichka.order.OrderService;

/**
 * The demo's orders (§4.4). The district's first compositions came with orders entered by hand
 * (seed.json); then the compositions change and the centre issues two orders here, and a couple of
 * changes made since wait for the next one, so {@code /admin/orders} has something to show.
 */
final class DemoOrders {
  private static final String LITERACY = "funkcionalnaya-gramotnost";
  private static final String PROJECTS = "proekty-nachalnaya-shkola";
  private static final String MENTORING = "nastavnichestvo";
  private final Pool pool;
  private final CommunityService communities;
  private final OrderService orders;

  DemoOrders(Pool pool, CommunityService communities) {
    this.pool = pool;
    this.communities = communities;
    // Only issuing is used here: the time zone only bounds dates, and the demo's are past.
    this.orders = new OrderService(pool, ZoneId.of("Europe/Moscow"));
  }

  /** Changes the compositions, issues the two orders, and leaves two changes pending. */
  Future<Void> create() {
    return admin()
        .compose(
            admin ->
                leave(admin, LITERACY, "petrov", "left", "По личному заявлению.")
                    .compose(v -> join(admin, LITERACY, "sokolov", Role.MEMBER))
                    .compose(
                        v ->
                            leave(
                                admin,
                                PROJECTS,
                                "kuznetsova",
                                "removed",
                                "Не участвует в работе сообщества с начала учебного года."))
                    .compose(v -> issue(admin, "131-од", "2026-10-15", LITERACY, PROJECTS))
                    .compose(v -> join(admin, LITERACY, "volkova", Role.MODERATOR))
                    .compose(v -> join(admin, MENTORING, "petrov", Role.MEMBER))
                    .compose(v -> issue(admin, "152-од", "2026-11-20", LITERACY, MENTORING))
                    // After the second order: these wait for the next one.
                    .compose(v -> join(admin, PROJECTS, "petrov", Role.MEMBER))
                    .compose(v -> leave(admin, MENTORING, "lebedeva", "left", null)));
  }

  private Future<CurrentUser> admin() {
    return new UserRepository()
        .findByLogin(pool, "admin")
        .map(found -> found.map(User::asCurrentUser).orElseThrow());
  }

  private Future<Void> join(CurrentUser admin, String community, String login, Role role) {
    return communities
        .setRole(admin, community, login, new MemberRole(role, null, null))
        .mapEmpty();
  }

  private Future<Void> leave(
      CurrentUser admin, String community, String login, String reason, String note) {
    return communities.endMembership(admin, community, login, reason, note);
  }

  private Future<Void> issue(CurrentUser admin, String number, String date, String... slugs) {
    return orders
        .issue(admin, new NewOrder(number, LocalDate.parse(date), List.of(slugs), null))
        .mapEmpty();
  }
}
