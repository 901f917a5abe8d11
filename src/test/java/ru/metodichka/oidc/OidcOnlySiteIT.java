package ru.metodichka.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TestApp;

/**
 * A site that signs in through OpenID Connect only, whose provider is down: it starts all the same,
 * the local login is refused, and the sign-in button answers a friendly page until the provider
 * answers (discovery is retried at every sign-in).
 */
@OwnServerTest
class OidcOnlySiteIT {
  private static TestApp app;

  @BeforeAll
  static void start() {
    // Nothing listens on port 9: discovery fails at once, as with Keycloak down.
    app =
        TestApp.start(
            Map.of(
                "auth-local-login", "false",
                "oidc-issuer", "http://127.0.0.1:9/realms/metodichka",
                "oidc-button-label", "Keycloak"));
  }

  @AfterAll
  static void stop() throws SQLException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theLocalLoginIsRefusedAndTheLoginPageOffersOnlyTheProvider() {
    var login =
        app.api()
            .post(
                "/api/session",
                null,
                new JsonObject().put("login", "admin").put("password", TestApp.ADMIN_PASSWORD));
    assertThat(login.status()).isEqualTo(403);
    assertThat(login.json().getString("code")).isEqualTo("local_login_disabled");

    var page = app.api().get("/login", null).document();
    assertThat(page.select("#oidc-login").text()).isEqualTo("Войти через Keycloak");
    assertThat(page.select("form[action=/login]")).isEmpty();
  }

  @Test
  void withTheProviderDownTheButtonAnswersAFriendlyPageEveryTime() {
    for (int attempt = 0; attempt < 2; attempt++) {
      var answer = app.api().get("/auth/oidc/login", null);
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.text()).contains("Служба входа недоступна");
    }
  }

  @Test
  void aBackChannelLogoutIsNeverTakenWithoutTheProvidersKeysToCheckIt() {
    var answer =
        app.api()
            .send(
                HttpMethod.POST,
                "/auth/oidc/backchannel-logout",
                null,
                Buffer.buffer("logout_token=not.a.token"),
                "application/x-www-form-urlencoded",
                Map.of());
    // Not a CSRF refusal (Keycloak posts without cookies), and not taken: the keys are unknown.
    assertThat(answer.status()).isEqualTo(503);
  }
}
