package ru.metodichka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

@ExtendWith(AppExtension.class)
class UserIT {
  private static JsonObject newUser(String login) {
    return new JsonObject()
        .put("login", login)
        .put("password", "long-enough-1")
        .put("name", "Елена Викторовна")
        .put("email", "elena@school3.example")
        .put("institution", "МБОУ «Гимназия № 2»")
        .put("position", "учитель физики");
  }

  @Test
  void anAdministratorCreatesUsersWithAProfile(Fixtures fx) {
    String login = Fixtures.unique("teacher");
    var created = fx.api().post("/api/users", fx.adminToken(), newUser(login));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().get("Location")).isEqualTo("/api/users/" + login);
    JsonObject user = created.json();
    assertThat(user.getString("institution")).isEqualTo("МБОУ «Гимназия № 2»");
    assertThat(user.getString("position")).isEqualTo("учитель физики");
    assertThat(user.getString("authSource")).isEqualTo("local");
    assertThat(user.getBoolean("admin")).isFalse();

    String token = fx.login(login, "long-enough-1");
    JsonObject me = fx.api().get("/api/users/me", token).json();
    assertThat(me.getString("email")).isEqualTo("elena@school3.example");
    assertThat(me.getJsonArray("memberships")).isEmpty();
  }

  @Test
  void aTakenLoginIs409EvenInAnotherCase(Fixtures fx) {
    String login = Fixtures.unique("taken");
    assertThat(fx.api().post("/api/users", fx.adminToken(), newUser(login)).status())
        .isEqualTo(201);
    var again = fx.api().post("/api/users", fx.adminToken(), newUser(login.toUpperCase()));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("login_taken");
  }

  @Test
  void onlyAdministratorsCreateUsers(Fixtures fx) {
    Fixtures.TestUser teacher = fx.user("Учитель");
    assertThat(fx.api().post("/api/users", teacher.token(), newUser(Fixtures.unique("x"))).status())
        .isEqualTo(403);
    assertThat(fx.api().post("/api/users", null, newUser(Fixtures.unique("x"))).status())
        .isEqualTo(401);
  }

  @Test
  void invalidProfilesListEveryProblem(Fixtures fx) {
    var response =
        fx.api()
            .post(
                "/api/users",
                fx.adminToken(),
                new JsonObject()
                    .put("login", "пользователь пробел")
                    .put("password", "short")
                    .put("email", "не-почта"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(
            response.json().getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("field")))
        .containsExactlyInAnyOrder("login", "password", "name", "email");
  }

  @Test
  void anonymousVisitorsHaveNoProfile(Fixtures fx) {
    var response = fx.api().get("/api/users/me", null);
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().get("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void passwordsAreStoredAsSaltedArgon2Hashes(Fixtures fx, TestApp app) throws Exception {
    String login = Fixtures.unique("hash");
    fx.api().post("/api/users", fx.adminToken(), newUser(login));
    fx.api().post("/api/users", fx.adminToken(), newUser(login + "b"));
    try (Connection c = app.jdbc();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.password_hash FROM local_credentials c JOIN users u ON u.id = c.user_id"
                    + " WHERE u.login IN ('"
                    + login
                    + "', '"
                    + login
                    + "b')")) {
      rs.next();
      String first = rs.getString(1);
      rs.next();
      assertThat(first)
          .startsWith("$argon2id$")
          .doesNotContain("long-enough-1")
          .isNotEqualTo(rs.getString(1));
    }
  }

  @Test
  void twoAccountsMayShareAnEmailBecauseEmailIsNotAnIdentity(Fixtures fx) {
    String a = Fixtures.unique("same-mail");
    String b = Fixtures.unique("same-mail");
    assertThat(fx.api().post("/api/users", fx.adminToken(), newUser(a)).status()).isEqualTo(201);
    assertThat(fx.api().post("/api/users", fx.adminToken(), newUser(b)).status()).isEqualTo(201);
  }
}
