package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;

/**
 * One's notifications and e-mail choices: the list (newest first, paged by id), marking read, the
 * unread count for the header, the choice per kind (immediate, daily digest, off) and the one-click
 * unsubscribe that needs no login (a signed token).
 */
public final class Inbox {
  public static final int PAGE = 30;
  private static final String DELIVERY =
      "SELECT kind, delivery FROM notification_delivery WHERE user_id = $1";
  private static final String SET_DELIVERY =
      """
      INSERT INTO notification_delivery (user_id, kind, delivery) VALUES ($1, $2, $3)
      ON CONFLICT (user_id, kind) DO UPDATE SET delivery = $3
      """;
  private static final String ALL_OFF =
      """
      INSERT INTO notification_delivery (user_id, kind, delivery)
      SELECT $1, k, 'off' FROM unnest($2::text[]) k
      ON CONFLICT (user_id, kind) DO UPDATE SET delivery = 'off'
      """;
  private final Pool pool;
  private final MailOutbox outbox;
  private final NotificationRepository notifications = new NotificationRepository();

  public Inbox(Pool pool, MailOutbox outbox) {
    this.pool = pool;
    this.outbox = outbox;
  }

  /** A page of one's notifications older than {@code before} (0: the newest). */
  public Future<List<Notification>> list(CurrentUser actor, long before, int limit) {
    actor.requireLoggedIn();
    return notifications.list(pool, actor.id(), actor.admin(), before, limit);
  }

  /** Marks these (null: all) of one's notifications read; returns how many changed. */
  public Future<Integer> markRead(CurrentUser actor, List<Long> ids) {
    actor.requireLoggedIn();
    return notifications.markRead(pool, actor.id(), ids);
  }

  /** Unread notifications one may still see; 0 for visitors. One indexed query. */
  public Future<Long> unread(CurrentUser actor) {
    if (actor.anonymous()) {
      return Future.succeededFuture(0L);
    }
    return notifications.unread(pool, actor.id(), actor.admin());
  }

  /** How each kind reaches the user by e-mail (immediately where nothing was chosen). */
  public Future<Map<NotificationKind, Delivery>> deliveries(CurrentUser actor) {
    actor.requireLoggedIn();
    return pool.preparedQuery(DELIVERY)
        .execute(Tuple.of(actor.id()))
        .map(
            rows -> {
              Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
              for (NotificationKind kind : NotificationKind.values()) {
                chosen.put(kind, Delivery.IMMEDIATE);
              }
              Rows.list(rows, r -> r)
                  .forEach(
                      r ->
                          NotificationKind.of(r.getString("kind"))
                              .ifPresent(
                                  k ->
                                      chosen.put(
                                          k, Delivery.of(r.getString("delivery")).orElseThrow())));
              return chosen;
            });
  }

  /** Stores the choices given (kinds not given keep theirs), in one transaction. */
  public Future<Void> choose(CurrentUser actor, Map<NotificationKind, Delivery> choices) {
    actor.requireLoggedIn();
    return pool.withTransaction(
        tx -> {
          Future<Void> done = Future.succeededFuture();
          for (var choice : choices.entrySet()) {
            Tuple args = Tuple.of(actor.id(), choice.getKey().code(), choice.getValue().code());
            done = done.compose(v -> tx.preparedQuery(SET_DELIVERY).execute(args).mapEmpty());
          }
          return done;
        });
  }

  /**
   * Turns e-mail off for what the token names (a kind, or every kind), with no login; the user's id
   * when the token is genuine, empty otherwise.
   */
  public Future<Optional<Long>> unsubscribe(String token) {
    var scope = outbox.tokens().verify(token);
    if (scope.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    long user = scope.get().userId();
    String[] kinds =
        scope.get().scope().equals(UnsubscribeTokens.ALL)
            ? java.util.Arrays.stream(NotificationKind.values())
                .map(NotificationKind::code)
                .toArray(String[]::new)
            : new String[] {scope.get().scope()};
    return pool.preparedQuery(ALL_OFF)
        .execute(Tuple.tuple().addValue(user).addValue(kinds))
        .map(done -> Optional.of(user));
  }

  /** Whether a token is genuine, and for which kind ("all" for every kind). */
  public Optional<String> scopeOf(String token) {
    return outbox.tokens().verify(token).map(UnsubscribeTokens.Scope::scope);
  }
}
