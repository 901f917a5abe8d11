package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.notification.mail.Mail;
import ru.metodichka.notification.mail.SmtpMailer;

/**
 * E-mail delivery through an outbox table. Mails are written in the transaction of the act they
 * tell about ({@link #enqueue}) or of the digest round ({@link #digest}); a worker on each node
 * sends what is due ({@link #sendDue}), one mail per transaction: the row is locked with {@code FOR
 * UPDATE SKIP LOCKED} while it is sent (so with several nodes only one sends it) and marked sent in
 * the same transaction right after the SMTP server accepted it. A failed attempt is retried with
 * exponential backoff (2 s, 4 s, … up to an hour; after 15 attempts no more); a node that dies
 * while sending leaves the row locked by nothing once PostgreSQL notices, so another sends it. Each
 * row has its Message-ID from the start: a mail that has to be sent again (the node died between
 * the server's acceptance and the commit, a window of one local round trip) is the same message,
 * which mail clients show once.
 *
 * <p>Without {@code smtp.host} nothing is written to the outbox and nothing sent; that is logged
 * once at start.
 */
public final class MailOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
  private static final int BATCH = 50;
  private static final int MAX_ATTEMPTS = 15;
  private static final long TICK_MS = 1000;
  private final Pool pool;
  private final SmtpMailer mailer;
  private final WorkerExecutor workers;
  private final Supplier<String> base;
  private final MailText text;
  private final OutboxRepository outbox = new OutboxRepository();
  private final AtomicBoolean sending = new AtomicBoolean();
  private UnsubscribeTokens tokens;

  /**
   * @param workers where the blocking SMTP client runs
   * @param base the site's public address ({@code https://host}), for links in mails
   */
  public MailOutbox(
      Pool pool, SmtpMailer mailer, WorkerExecutor workers, Supplier<String> base, ZoneId zone) {
    this.pool = pool;
    this.mailer = mailer;
    this.workers = workers;
    this.base = base;
    this.text = new MailText(zone);
  }

  /** Loads the unsubscribe secret (blocking) and starts the sending worker of this node. */
  public void start(Vertx vertx, UnsubscribeTokens tokens) {
    this.tokens = tokens;
    if (!mailer.enabled()) {
      LOG.info("No smtp.host configured: notifications are not sent by e-mail");
      return;
    }
    vertx.setPeriodic(TICK_MS, id -> sendDue());
  }

  UnsubscribeTokens tokens() {
    return tokens;
  }

  /** The token of a link that stops every e-mail of the user, as a digest's footer carries. */
  public String unsubscribeToken(long userId) {
    return tokens.token(userId, UnsubscribeTokens.ALL);
  }

  /** Writes the mails of the notifications just stored whose recipients want them at once. */
  Future<Void> enqueue(SqlClient tx, List<Long> notificationIds, String extra) {
    if (!mailer.enabled() || notificationIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return outbox
        .immediate(tx, notificationIds)
        .compose(
            mailables -> {
              Future<Void> done = Future.succeededFuture();
              for (var m : mailables) {
                done = done.compose(v -> enqueueOne(tx, m, extra));
              }
              return done;
            });
  }

  private Future<Void> enqueueOne(SqlClient tx, OutboxRepository.Mailable m, String extra) {
    Notification n = m.notification();
    String site = base.get();
    String unsubscribe = unsubscribePage(site, m.userId(), n.kind().code());
    MailText.Text mail = text.single(n, m.name(), site, extra, unsubscribe);
    return outbox.insert(
        tx,
        m.userId(),
        n.id(),
        n.kind().code(),
        m.email(),
        mail,
        n.link(),
        oneClick(site, m.userId(), n.kind().code()),
        "<notification-" + n.id() + "@" + host(site) + ">");
  }

  /**
   * The digest round: one mail per user with what they chose to get daily since their last digest,
   * in one transaction with the mark of what it carried. Returns the mails written.
   */
  public Future<Integer> digest() {
    if (!mailer.enabled()) {
      return Future.succeededFuture(0);
    }
    return pool.withTransaction(
        tx ->
            outbox
                .digest(tx)
                .compose(
                    rows -> {
                      Map<Long, List<OutboxRepository.Mailable>> byUser = new LinkedHashMap<>();
                      rows.forEach(
                          r -> byUser.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(r));
                      Future<Void> done = Future.succeededFuture();
                      for (var user : byUser.values()) {
                        done = done.compose(v -> digestOne(tx, user));
                      }
                      return done.map(byUser.size());
                    }));
  }

  private Future<Void> digestOne(SqlClient tx, List<OutboxRepository.Mailable> rows) {
    var first = rows.getFirst();
    long last = rows.getLast().notification().id();
    String site = base.get();
    List<Notification> notes = rows.stream().map(OutboxRepository.Mailable::notification).toList();
    MailText.Text mail =
        text.digest(notes, first.name(), site, unsubscribePage(site, first.userId(), "all"));
    String messageId = "<digest-" + first.userId() + "-" + last + "@" + host(site) + ">";
    return outbox
        .insert(
            tx,
            first.userId(),
            null,
            "digest",
            first.email(),
            mail,
            "/me/notifications",
            oneClick(site, first.userId(), UnsubscribeTokens.ALL),
            messageId)
        .compose(v -> outbox.digested(tx, first.userId(), last));
  }

  /**
   * Sends the mails that are due, one transaction each, until none is left, one fails, or a batch
   * is done; one round at a time on this node. Returns how many were sent.
   */
  public Future<Integer> sendDue() {
    if (!mailer.enabled() || !sending.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    return sendFrom(0).onComplete(done -> sending.set(false));
  }

  private Future<Integer> sendFrom(int sent) {
    if (sent >= BATCH) {
      return Future.succeededFuture(sent);
    }
    return pool.withTransaction(this::sendOne)
        .recover(
            e -> {
              LOG.warn("Mail outbox: {}", e.toString());
              return Future.succeededFuture(false);
            })
        .compose(ok -> ok ? sendFrom(sent + 1) : Future.succeededFuture(sent));
  }

  /** Sends one due mail in {@code tx}: true when one was sent, false when none or it failed. */
  private Future<Boolean> sendOne(SqlClient tx) {
    return outbox
        .claim(tx)
        .compose(
            claimed -> {
              if (claimed.isEmpty()) {
                return Future.succeededFuture(false);
              }
              var c = claimed.get();
              Mail mail =
                  new Mail(c.recipient(), c.subject(), c.body(), c.messageId(), c.unsubscribe());
              return workers
                  .<Void>executeBlocking(
                      () -> {
                        mailer.send(mail);
                        return null;
                      },
                      false)
                  .compose(v -> outbox.sent(tx, c.id()).map(true))
                  .recover(e -> failed(tx, c, e));
            });
  }

  private Future<Boolean> failed(SqlClient tx, OutboxRepository.Claimed c, Throwable e) {
    int attempt = c.attempts() + 1;
    double retryIn = attempt >= MAX_ATTEMPTS ? -1 : Math.min(3600, Math.pow(2, attempt));
    LOG.warn(
        "Mail {} not sent (attempt {}), next in {} s: {}", c.id(), attempt, retryIn, e.toString());
    String error = String.valueOf(e.getMessage());
    return outbox
        .failed(tx, c.id(), error.length() > 500 ? error.substring(0, 500) : error, retryIn)
        .map(false);
  }

  private String unsubscribePage(String site, long userId, String scope) {
    return site + "/unsubscribe?token=" + tokens.token(userId, scope);
  }

  private String oneClick(String site, long userId, String scope) {
    return site + "/api/unsubscribe?token=" + tokens.token(userId, scope);
  }

  private static String host(String site) {
    try {
      String host = URI.create(site).getHost();
      return host == null ? "metodichka" : host;
    } catch (IllegalArgumentException e) {
      return "metodichka";
    }
  }
}
