package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.db.Rows;
import ru.metodichka.page.Visibility;

/** SQL of the mail outbox: what to mail, writing mails, claiming one to send, the outcome. */
final class OutboxRepository {
  private static final String NOTIFICATION =
      """
      SELECT n.id, n.kind, n.title, n.detail, n.link, n.event_at, n.created_at, n.read_at,
             a.display_name AS actor_name, c.slug AS community,
             n.user_id, u.email, u.display_name AS recipient_name
        FROM notifications n
        JOIN users u ON u.id = n.user_id
        LEFT JOIN users a ON a.id = n.actor_id
        LEFT JOIN communities c ON c.id = n.community_id
      """;
  // The notifications just written whose recipients want them mailed at once and have an address.
  private static final String IMMEDIATE =
      NOTIFICATION
          + """
        LEFT JOIN notification_delivery d ON d.user_id = n.user_id AND d.kind = n.kind
       WHERE n.id = ANY($1) AND coalesce(d.delivery, 'immediate') = 'immediate'
         AND position('@' in u.email) > 1 AND u.disabled_at IS NULL
      """;
  // What the daily digest carries: notifications of the kinds a user chose to get by digest, newer
  // than the last digest (and than two days), that the user may still see, with an address.
  private static final String DIGEST =
      NOTIFICATION
          + """
        JOIN notification_delivery d
          ON d.user_id = n.user_id AND d.kind = n.kind AND d.delivery = 'digest'
        LEFT JOIN notification_prefs pr ON pr.user_id = n.user_id
       WHERE n.id > coalesce(pr.digested_to, 0) AND n.created_at > now() - interval '2 days'
         AND position('@' in u.email) > 1 AND u.disabled_at IS NULL
         AND (n.page_id IS NULL
              OR EXISTS (SELECT 1 FROM pages p WHERE p.id = n.page_id AND %s))
       ORDER BY n.user_id, n.id
      """
              .formatted(Visibility.pageSql("p", "u.is_admin", "u.id"));
  private static final String DIGESTED =
      """
      INSERT INTO notification_prefs (user_id, digested_to) VALUES ($1, $2)
      ON CONFLICT (user_id) DO UPDATE SET digested_to = greatest(notification_prefs.digested_to, $2)
      """;
  private static final String INSERT =
      """
      INSERT INTO mail_outbox
        (user_id, notification_id, kind, recipient, subject, body, link, unsubscribe, message_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      ON CONFLICT (message_id) DO NOTHING
      """;
  // One mail due, locked for the rest of the sending transaction; a mail another node is sending
  // is skipped, and one whose sender died (its transaction rolled back) is due again.
  private static final String CLAIM =
      """
      SELECT id, recipient, subject, body, message_id, unsubscribe, attempts FROM mail_outbox
       WHERE sent_at IS NULL AND next_attempt_at <= now()
       ORDER BY next_attempt_at, id LIMIT 1
       FOR UPDATE SKIP LOCKED
      """;
  private static final String SENT =
      "UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = $1";
  private static final String FAILED =
      """
      UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,
             next_attempt_at = CASE WHEN $3 < 0 THEN 'infinity'::timestamptz
                                    ELSE now() + make_interval(secs => $3) END
       WHERE id = $1
      """;

  record Mailable(Notification notification, long userId, String email, String name) {}

  record Claimed(
      long id,
      String recipient,
      String subject,
      String body,
      String messageId,
      String unsubscribe,
      int attempts) {}

  Future<List<Mailable>> immediate(SqlClient sql, List<Long> ids) {
    return sql.preparedQuery(IMMEDIATE)
        .execute(Tuple.tuple().addValue(ids.toArray(Long[]::new)))
        .map(rows -> Rows.list(rows, OutboxRepository::mailable));
  }

  Future<List<Mailable>> digest(SqlClient sql) {
    return sql.preparedQuery(DIGEST)
        .execute()
        .map(rows -> Rows.list(rows, OutboxRepository::mailable));
  }

  Future<Void> digested(SqlClient sql, long userId, long upTo) {
    return sql.preparedQuery(DIGESTED).execute(Tuple.of(userId, upTo)).mapEmpty();
  }

  Future<Void> insert(
      SqlClient sql,
      long userId,
      Long notificationId,
      String kind,
      String recipient,
      MailText.Text text,
      String link,
      String unsubscribe,
      String messageId) {
    Tuple args =
        Tuple.tuple()
            .addValue(userId)
            .addValue(notificationId)
            .addValue(kind)
            .addValue(recipient)
            .addValue(text.subject())
            .addValue(text.body())
            .addValue(link)
            .addValue(unsubscribe)
            .addValue(messageId);
    return sql.preparedQuery(INSERT).execute(args).mapEmpty();
  }

  Future<Optional<Claimed>> claim(SqlClient sql) {
    return sql.preparedQuery(CLAIM)
        .execute()
        .map(
            rows ->
                Rows.first(
                    rows,
                    r ->
                        new Claimed(
                            r.getLong("id"),
                            r.getString("recipient"),
                            r.getString("subject"),
                            r.getString("body"),
                            r.getString("message_id"),
                            r.getString("unsubscribe"),
                            r.getInteger("attempts"))));
  }

  Future<Void> sent(SqlClient sql, long id) {
    return sql.preparedQuery(SENT).execute(Tuple.of(id)).mapEmpty();
  }

  /** A failed attempt; the next in {@code retryInSeconds}, or never when it is negative. */
  Future<Void> failed(SqlClient sql, long id, String error, double retryInSeconds) {
    return sql.preparedQuery(FAILED).execute(Tuple.of(id, error, retryInSeconds)).mapEmpty();
  }

  private static Mailable mailable(Row r) {
    return new Mailable(
        NotificationRepository.notification(r),
        r.getLong("user_id"),
        r.getString("email"),
        r.getString("recipient_name"));
  }
}
