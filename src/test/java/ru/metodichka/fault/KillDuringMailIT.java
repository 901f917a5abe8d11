package ru.metodichka.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ru.metodichka.Api;
import ru.metodichka.Eventually;
import ru.metodichka.FaultTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestDatabases;

/**
 * Fault scenario "crash while mailing": the server (a JVM of its own) is killed with -9 while its
 * outbox worker sends a batch of notification mails to a real SMTP server (GreenMail), and started
 * again on the same database. Every mail arrives, each Message-ID once — but for the one mail the
 * SMTP server may have accepted in the instant before the kill and whose sending was not yet
 * committed, which may arrive twice, as the same message (same Message-ID).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@FaultTest
class KillDuringMailIT {
  private static final int MAILS = 40;
  private String database;
  private Path indexDir;
  private GreenMail smtp;
  private int smtpPort;

  @BeforeEach
  void fresh() throws IOException {
    database = TestDatabases.freshName("metodichka_mailcrash");
    indexDir = Files.createTempDirectory("metodichka-mailcrash-index");
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void cleanUp() throws Exception {
    smtp.stop();
    TestDatabases.drop(database);
    try (var files = Files.walk(indexDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }

  @Test
  void afterKillMinusNineWhileSendingEveryMailArrivesAndNoneIsDoubled() throws Exception {
    ServerProcess first = start("mail-before-kill");
    String member;
    try (Api api = new Api(first.port())) {
      Fixtures fx = new Fixtures(api);
      var team = fx.team();
      member = team.member().login() + "@school.example";
      fx.save(team.community(), "письма", team.member().token(), "Письма", "0\n", 0);
      // The mails pile up while the SMTP server is away, then go out in one batch, during which
      // the kill falls.
      smtp.stop();
      for (int i = 1; i <= MAILS; i++) {
        fx.save(team.community(), "письма", team.moderator().token(), "Письма", i + "\n", i);
      }
      smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      Eventually.until(
          "a few mails sent before the kill", Duration.ofSeconds(60), () -> to(member).size() >= 3);
    }
    first.kill();
    int beforeRestart = to(member).size();

    ServerProcess second = start("mail-after-kill");
    try {
      List<MimeMessage> mails =
          Eventually.until(
              "every mail after the restart",
              Duration.ofSeconds(90),
              () -> to(member),
              got -> distinctIds(got) >= MAILS);
      Eventually.atMost(Duration.ofSeconds(3), () -> to(member).size(), n -> n > MAILS + 1);
      mails = to(member);
      assertThat(beforeRestart).as("the kill fell before the batch was sent").isLessThan(MAILS);
      assertThat(distinctIds(mails)).isEqualTo(MAILS);
      assertThat(mails.size())
          .as("at most the mail in flight at the kill again, with the same Message-ID")
          .isBetween(MAILS, MAILS + 1);
    } finally {
      second.close();
    }
  }

  private ServerProcess start(String log) throws IOException {
    return ServerProcess.start(
        TestDatabases.SERVER + database,
        indexDir,
        database + "-" + log,
        List.of("--smtp-host=127.0.0.1", "--smtp-port=" + smtpPort, "--smtp-tls=none"));
  }

  private List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipient(m).equals(address))
        .toList();
  }

  private static long distinctIds(List<MimeMessage> mails) {
    return mails.stream().map(KillDuringMailIT::messageId).collect(Collectors.toSet()).size();
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
