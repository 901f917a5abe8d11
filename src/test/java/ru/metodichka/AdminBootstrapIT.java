package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@OwnServerTest
class AdminBootstrapIT {
  private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

  @Test
  void theFirstStartWithoutAPasswordGeneratesOneAndLogsItOnce() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(AdminBootstrap.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try (TestApp app = TestApp.start(Map.of("admin-password", ""))) {
      List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      Matcher matcher =
          lines.stream().map(PASSWORD::matcher).filter(Matcher::find).findFirst().orElseThrow();
      String password = matcher.group(1);
      var login =
          app.api()
              .post(
                  "/api/session",
                  null,
                  new JsonObject().put("login", "admin").put("password", password));
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.json().getJsonObject("user").getBoolean("admin")).isTrue();

      log.list.clear();
      AdminBootstrap.run(app.app().parts().users(), Optional.empty(), false);
      assertThat(log.list).as("a second start prints no password").isEmpty();

      AdminBootstrap.run(app.app().parts().users(), Optional.of("chosen-password"), true);
      assertThat(login(app, "chosen-password")).isEqualTo(200);
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void aConfiguredPasswordCreatesTheAdministratorButResetsItOnlyWhenAskedTo() throws Exception {
    try (TestApp app = TestApp.start(Map.of())) {
      var users = app.app().parts().users();
      assertThat(login(app, TestApp.ADMIN_PASSWORD)).as("created with it").isEqualTo(200);

      // Another node (or a later start) configured with another password changes nothing.
      AdminBootstrap.run(users, Optional.of("another-nodes-password"), false);
      assertThat(login(app, "another-nodes-password")).isEqualTo(401);
      assertThat(login(app, TestApp.ADMIN_PASSWORD)).isEqualTo(200);

      AdminBootstrap.run(users, Optional.of("reset-password"), true);
      assertThat(login(app, "reset-password")).isEqualTo(200);
      assertThat(login(app, TestApp.ADMIN_PASSWORD)).isEqualTo(401);
    }
  }

  private static int login(TestApp app, String password) {
    return app.api()
        .post(
            "/api/session", null, new JsonObject().put("login", "admin").put("password", password))
        .status();
  }
}
