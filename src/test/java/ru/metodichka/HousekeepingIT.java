package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Old sessions, login attempt counters and idempotency answers go; live sessions stay. */
@ExtendWith(AppExtension.class)
class HousekeepingIT {
  private static final String OLD_SESSION =
      """
      INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
      SELECT ?, id, now() - interval '60 days', now() - interval '30 days' FROM users WHERE login = ?
      """;
  private static final String OLD_FAILURE =
      "INSERT INTO login_attempts (bucket, attempts, window_start)"
          + " VALUES (?, 3, now() - interval '2 days')";

  @Test
  void oldBookkeepingIsDeletedAndLiveSessionsStay(TestApp app, Fixtures fx) throws SQLException {
    var user = fx.user("Учитель со старыми сессиями");
    byte[] oldToken = Fixtures.unique("old").getBytes(StandardCharsets.UTF_8);
    String oldLogin = Fixtures.unique("gone");
    try (Connection db = app.jdbc();
        var session = db.prepareStatement(OLD_SESSION);
        var failure = db.prepareStatement(OLD_FAILURE)) {
      session.setBytes(1, oldToken);
      session.setString(2, user.login());
      assertThat(session.executeUpdate()).isEqualTo(1);
      failure.setString(1, oldLogin);
      failure.executeUpdate();
    }

    int removed = app.app().parts().housekeeping().run().await();

    assertThat(removed).isGreaterThanOrEqualTo(2);
    assertThat(count(app, "SELECT count(*) FROM sessions WHERE token_hash = ?", oldToken)).isZero();
    assertThat(count(app, "SELECT count(*) FROM login_attempts WHERE bucket = ?", oldLogin))
        .isZero();
    assertThat(fx.api().get("/api/users/me", user.token()).status())
        .as("the user's live session still works")
        .isEqualTo(200);
  }

  @Test
  void oneServerOfADeploymentDoesEachHoursRound(TestApp app) throws SQLException {
    try (Connection db = app.jdbc();
        var forget =
            db.prepareStatement("DELETE FROM app_state WHERE key = 'housekeeping_round'")) {
      forget.executeUpdate();
    }
    Housekeeping housekeeping = app.app().parts().housekeeping();

    assertThat(housekeeping.runIfDue().await()).as("the first claim").isTrue();
    assertThat(housekeeping.runIfDue().await()).as("within the hour").isFalse();

    try (Connection db = app.jdbc();
        var age =
            db.prepareStatement(
                "UPDATE app_state SET value = (now() - interval '61 minutes')::text"
                    + " WHERE key = 'housekeeping_round'")) {
      age.executeUpdate();
    }
    assertThat(housekeeping.runIfDue().await()).as("an hour later").isTrue();
  }

  private static long count(TestApp app, String sql, Object value) throws SQLException {
    try (Connection db = app.jdbc();
        var query = db.prepareStatement(sql)) {
      query.setObject(1, value);
      var rows = query.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }
}
