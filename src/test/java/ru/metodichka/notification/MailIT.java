package ru.metodichka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.Fixtures.Team;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TestApp;

/**
 * Notification e-mails through a real SMTP server (GreenMail): sent at once with a stable
 * Message-ID and the unsubscribe headers, gathered into a daily digest, unsubscribed from without
 * logging in, and neither lost nor doubled through an SMTP outage.
 */
@OwnServerTest
class MailIT {
  private static Smtp smtp;
  private static TestApp app;
  private static Fixtures fx;

  @BeforeAll
  static void start() {
    smtp = new Smtp();
    app =
        TestApp.start(
            Map.of(
                "smtp-host", "127.0.0.1",
                "smtp-port", String.valueOf(smtp.port()),
                "smtp-tls", "none",
                "smtp-from", "robot@metodichka.test"));
    fx = new Fixtures(app);
  }

  @AfterAll
  static void stop() throws SQLException {
    app.close();
    smtp.close();
  }

  @Test
  void aChangeBySomeoneElseIsMailedAtOnceWithALinkAndUnsubscribeHeaders() throws Exception {
    Team team = fx.team();
    changedByModerator(team, "квест");
    MimeMessage mail = mailTo(team, 1).getFirst();

    assertThat(Smtp.subject(mail)).contains("Квест").contains("Ольга Сергеевна Смирнова");
    assertThat(Smtp.header(mail, "Message-ID")).matches("<notification-\\d+@localhost>");
    assertThat(mail.getFrom()[0].toString()).contains("robot@metodichka.test");
    String unsubscribe = Smtp.header(mail, "List-Unsubscribe");
    assertThat(unsubscribe)
        .startsWith("<http://localhost:" + app.app().port() + "/api/unsubscribe?");
    assertThat(Smtp.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    String body = Smtp.body(mail);
    assertThat(body)
        .contains("Здравствуйте, Анна Петровна Иванова!")
        .contains("изменил(а) страницу «Квест»")
        .contains(
            "http://localhost:"
                + app.app().port()
                + "/c/"
                + team.community()
                + "/%D0%BA%D0%B2%D0%B5")
        .contains("/unsubscribe?token=");
    assertThat(smtp.receivedBy(team.moderator().login() + "@school.example"))
        .as("the actor gets no mail of their own act")
        .isEmpty();
  }

  @Test
  void theOneClickUnsubscribeWorksWithoutLoginAndStopsThatKindOfMail() {
    Team team = fx.team();
    changedByModerator(team, "отписка");
    MimeMessage mail = mailTo(team, 1).getFirst();
    String header = Smtp.header(mail, "List-Unsubscribe");
    String url = header.substring(header.indexOf("/api/"), header.length() - 1);

    // The link in the body opens a confirmation without logging in.
    String page = url.replace("/api/unsubscribe", "/unsubscribe");
    var confirmation = app.api().get(page, null);
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.document().select("button#unsubscribe")).hasSize(1);
    // A forged token is refused.
    assertThat(app.api().post(url.replace("token=", "token=x"), null, null).status())
        .isEqualTo(404);
    // The mail client's one-click POST (RFC 8058), no session, no CSRF token.
    var done =
        app.api()
            .send(
                HttpMethod.POST,
                url,
                null,
                Buffer.buffer("List-Unsubscribe=One-Click"),
                "application/x-www-form-urlencoded",
                Map.of());
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    var settings = app.api().get("/api/notifications/settings", team.member().token()).json();
    assertThat(settings.getJsonObject("delivery").getString("page-changed")).isEqualTo("off");

    fx.save(team.community(), "отписка", team.moderator().token(), "Отписка", "Ещё раз.\n", 2);
    assertThat(unsentOrSentFor(team)).isEqualTo(1);
  }

  @Test
  void aDigestGathersTheDaysNotificationsIntoOneMail() {
    Team team = fx.team();
    var chosen =
        app.api()
            .put(
                "/api/notifications/settings",
                team.member().token(),
                new JsonObject().put("delivery", new JsonObject().put("page-changed", "digest")));
    assertThat(chosen.status()).isEqualTo(200);
    changedByModerator(team, "первая");
    changedByModerator(team, "вторая");
    assertThat(unsentOrSentFor(team)).as("nothing mailed at once").isZero();

    int digests = app.app().parts().mailOutbox().digest().await();
    assertThat(digests).isGreaterThanOrEqualTo(1);
    MimeMessage digest = mailTo(team, 1).getFirst();
    assertThat(Smtp.subject(digest)).contains("сводка");
    assertThat(Smtp.body(digest)).contains("«Первая»").contains("«Вторая»");
    assertThat(Smtp.header(digest, "List-Unsubscribe")).contains("/api/unsubscribe?token=");
    // A second round the same day has nothing new to carry.
    app.app().parts().mailOutbox().digest().await();
    Eventually.atMost(Duration.ofSeconds(3), () -> mailsTo(team).size(), n -> n > 1);
    assertThat(mailsTo(team)).hasSize(1);
  }

  @Test
  void anSmtpOutageDelaysMailsButLosesAndDoublesNone() throws Exception {
    Team team = fx.team();
    fx.save(team.community(), "перебой", team.member().token(), "Перебой", "0\n", 0);
    smtp.stop();
    try {
      for (int i = 1; i <= 5; i++) {
        fx.save(team.community(), "перебой", team.moderator().token(), "Перебой", i + "\n", i);
      }
      Eventually.until(
          "failed attempts while the SMTP server is down",
          Duration.ofSeconds(20),
          () -> attempted(team) > 0);
    } finally {
      smtp.start();
    }
    List<MimeMessage> mails =
        Eventually.until(
            "five mails after the outage",
            Duration.ofSeconds(60),
            () -> mailsTo(team),
            got -> got.size() >= 5);
    Eventually.atMost(Duration.ofSeconds(3), () -> mailsTo(team).size(), n -> n > 5);
    mails = mailsTo(team);
    Set<String> ids =
        mails.stream().map(m -> Smtp.header(m, "Message-ID")).collect(Collectors.toSet());
    assertThat(mails).hasSize(5);
    assertThat(ids).hasSize(5);
  }

  private static void changedByModerator(Team team, String slug) {
    String title = Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    fx.save(team.community(), slug, team.member().token(), title, "Начало.\n", 0);
    fx.save(team.community(), slug, team.moderator().token(), title, "Начало. Ещё.\n", 1);
  }

  private static List<MimeMessage> mailTo(Team team, int count) {
    return Eventually.until(
        count + " mail(s) to the member",
        Duration.ofSeconds(30),
        () -> mailsTo(team),
        got -> got.size() >= count);
  }

  private static List<MimeMessage> mailsTo(Team team) {
    return smtp.receivedBy(team.member().login() + "@school.example");
  }

  private static int unsentOrSentFor(Team team) {
    return count(
        team,
        "SELECT count(*) FROM mail_outbox o JOIN users u ON u.id = o.user_id"
            + " WHERE u.login = ?");
  }

  private static int attempted(Team team) {
    return count(
        team,
        "SELECT count(*) FROM mail_outbox o JOIN users u ON u.id = o.user_id"
            + " WHERE u.login = ? AND o.attempts > 0 AND o.sent_at IS NULL");
  }

  private static int count(Team team, String sql) {
    try (var db = app.jdbc();
        var query = db.prepareStatement(sql)) {
      query.setString(1, team.member().login());
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
