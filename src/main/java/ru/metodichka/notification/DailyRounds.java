package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.db.AppStateRepository;
import ru.metodichka.db.Rows;
import ru.metodichka.notification.event.Event;

/**
 * The daily rounds of notifications, each done once a day by one node of a deployment: every node
 * looks every few minutes, and from {@value #HOUR}:00 (site time) the first to store the day's
 * marker in {@code app_state} does the round. Plan items that passed their due date unfinished are
 * told to those responsible (each item once per due date, remembered in {@code
 * plan_overdue_notices}, in the transaction of its notifications); then the daily digests are
 * written to the mail outbox.
 */
public final class DailyRounds {
  private static final Logger LOG = LoggerFactory.getLogger(DailyRounds.class);
  private static final int HOUR = 7;
  private static final long LOOK_MS = 300_000;
  // Items whose latest version is due before today, not done or cancelled, with someone
  // responsible, not yet told for this due date (and due in the last month: a plan imported with
  // old items does not flood anyone); noted in the same statement.
  private static final String OVERDUE =
      """
      WITH due AS (
        SELECT i.id, v.due, v.responsible FROM plan_items i
          JOIN LATERAL (SELECT due, status, responsible FROM plan_item_versions
                         WHERE item_id = i.id ORDER BY version DESC LIMIT 1) v ON true
         WHERE v.due < $1 AND v.due >= $1 - 30 AND v.status IN ('planned', 'in-progress')
           AND cardinality(v.responsible) > 0),
      noted AS (
        INSERT INTO plan_overdue_notices (item_id, due) SELECT id, due FROM due
        ON CONFLICT DO NOTHING RETURNING item_id)
      SELECT d.id, d.responsible FROM due d JOIN noted n ON n.item_id = d.id ORDER BY d.id
      """;
  private final Pool pool;
  private final NotificationService notifications;
  private final MailOutbox outbox;
  private final ZoneId zone;
  private final Clock clock;
  private final AppStateRepository state = new AppStateRepository();

  public DailyRounds(
      Pool pool, NotificationService notifications, MailOutbox outbox, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.notifications = notifications;
    this.outbox = outbox;
    this.zone = zone;
    this.clock = clock;
  }

  public void start(Vertx vertx) {
    vertx.setPeriodic(LOOK_MS, id -> runIfDue());
  }

  /** Today's rounds, unless it is too early or a node (this one included) did them today. */
  public Future<Boolean> runIfDue() {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
    if (now.getHour() < HOUR) {
      return Future.succeededFuture(false);
    }
    return state
        .putIfAbsent(pool, "notification_round:" + now.toLocalDate(), now.toString())
        .compose(mine -> mine ? run().map(true) : Future.succeededFuture(false))
        .onFailure(e -> LOG.warn("Daily notification round failed: {}", e.toString()));
  }

  /** Both rounds now, whatever the day's marker says. */
  public Future<Integer> run() {
    return overdue()
        .compose(items -> outbox.digest().map(digests -> items + digests))
        .onSuccess(n -> LOG.debug("Daily notification round: {} items and digests", n));
  }

  /** Tells those responsible about the items that became overdue; returns how many items. */
  public Future<Integer> overdue() {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(OVERDUE)
                .execute(Tuple.of(today))
                .compose(rows -> tell(tx, Rows.list(rows, r -> r))));
  }

  private Future<Integer> tell(SqlClient tx, List<Row> items) {
    Future<Void> done = Future.succeededFuture();
    for (Row item : items) {
      List<Long> responsible = Arrays.asList(item.getArrayOfLongs("responsible"));
      var event = new Event.PlanItemOverdue(item.getLong("id"), responsible);
      done = done.compose(v -> notifications.emit(tx, event));
    }
    return done.map(items.size());
  }
}
