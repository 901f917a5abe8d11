package ru.metodichka.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.Application;
import ru.metodichka.Eventually;
import ru.metodichka.KeycloakTest;
import ru.metodichka.TestApp;
import ru.metodichka.TestDatabases;
import ru.metodichka.config.ConfigLoader;
import ru.metodichka.web.Browser;

/**
 * Sign-in through a real Keycloak with the project's realm file, through its real login page:
 * accounts and rights from the realm, refusals of forged or replayed callbacks and of tokens not
 * meant for this site, RP-initiated and back-channel logout (on both of two nodes on one database),
 * disabled accounts.
 */
@KeycloakTest
@ExtendWith(Keycloak.class)
class OidcSignInIT {
  private static final String PASSWORD = "demo12345";
  private static TestApp app;
  private static Application second;
  private static Api secondApi;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    app = TestApp.start(oidcFlags());
    StringBuilder args =
        new StringBuilder(
            "--http-port=0 --http-instances=1 --data-dir=target/it-data --db-url="
                + TestDatabases.SERVER
                + app.app().database().database()
                + " --search-index-dir=target/it-data/search/"
                + app.app().database().database()
                + "-second");
    oidcFlags().forEach((k, v) -> args.append(" --").append(k).append('=').append(v));
    second = Application.start(ConfigLoader.load(args.toString().split(" "), Map.of()));
    secondApi = new Api(second.port());
    Keycloak.backChannelLogoutUrl(
        "http://127.0.0.1:" + app.app().port() + "/auth/oidc/backchannel-logout");
    vertx = Vertx.vertx();
  }

  private static Map<String, String> oidcFlags() {
    return Map.of(
        "oidc-issuer", Keycloak.ISSUER,
        "oidc-client-secret", Keycloak.SECRET,
        "oidc-button-label", "Keycloak");
  }

  @AfterAll
  static void stop() throws SQLException {
    if (vertx != null) {
      vertx.close().await();
    }
    if (secondApi != null) {
      secondApi.close();
    }
    if (second != null) {
      second.close();
    }
    if (app != null) {
      app.close();
    }
  }

  private static int port() {
    return app.app().port();
  }

  @Test
  void teacherAndMethodistSignInThroughKeycloaksPageAndMeShowsThemWithTheirRights() {
    try (Browser browser = Browser.open(port())) {
      signInInBrowser(browser, "uchitel");
      browser.go("/me");
      assertThat(browser.html()).contains("Анна Учителева");
      browser.go("/api/users/me");
      JsonObject me = new JsonObject(browser.text("body"));
      assertThat(me.getString("authSource")).isEqualTo("oidc");
      assertThat(me.getBoolean("methodist")).isFalse();
      assertThat(me.getString("institution")).isEqualTo("ГБОУ СОШ № 412");
    }
    try (Browser browser = Browser.open(port())) {
      signInInBrowser(browser, "metodist");
      browser.go("/me");
      assertThat(browser.html()).contains("Мария Методистова");
      browser.go("/api/users/me");
      JsonObject me = new JsonObject(browser.text("body"));
      assertThat(me.getString("login")).isEqualTo("metodist");
      assertThat(me.getBoolean("methodist")).isTrue();
      assertThat(me.getBoolean("admin")).isFalse();
    }
  }

  @Test
  void theLoginPageOffersKeycloakBesideTheLocalForm() {
    Api.Response page = app.api().get("/login", null);
    assertThat(page.document().select("#oidc-login").text()).isEqualTo("Войти через Keycloak");
    assertThat(page.document().select("form[action=/login]")).hasSize(1);
  }

  @Test
  void aCallbackWithAStateThisSiteNeverIssuedIsRefused() {
    HttpSignIn signIn = new HttpSignIn(port());
    String callback = signIn.callbackUrl("uchitel", PASSWORD);
    String forged = callback.replaceAll("state=[^&]+", "state=forged-state");
    assertThat(signIn.get(forged).statusCode()).isEqualTo(401);
    assertThat(signIn.sessionToken()).isNull();
    // The real state is still good once.
    assertThat(signIn.get(callback).statusCode()).isEqualTo(302);
    assertThat(signIn.sessionToken()).isNotNull();
  }

  @Test
  void aReplayedCodeIsRefusedWithItsOwnStateAndWithAFreshOne() {
    HttpSignIn signIn = new HttpSignIn(port());
    String callback = signIn.callbackUrl("uchitel", PASSWORD);
    assertThat(signIn.get(callback).statusCode()).isEqualTo(302);

    HttpSignIn replay = new HttpSignIn(port());
    assertThat(replay.get(callback).statusCode()).isEqualTo(401);
    String freshState = query(replay.begin(), "state");
    String code = query(callback, "code");
    String withFreshState =
        "http://localhost:" + port() + "/auth/oidc/callback?state=" + freshState + "&code=" + code;
    assertThat(replay.get(withFreshState).statusCode()).isEqualTo(401);
    assertThat(replay.sessionToken()).isNull();
  }

  @Test
  void tokensForAnotherAudienceExpiredOrSignedByAnotherKeyAreRefused() throws Exception {
    TokenVerifier verifier =
        new TokenVerifier(
            vertx,
            vertx.createHttpClient(),
            Keycloak.ISSUER + "/protocol/openid-connect/certs",
            Keycloak.ISSUER,
            "metodichka",
            Clock.systemUTC());
    // A real ID token of this client, from a real sign-in: good now, refused once expired.
    new HttpSignIn(port()).signIn("uchitel", PASSWORD);
    String ours = latestIdToken();
    assertThat(await(verifier.verify(ours)).getString("preferred_username")).isEqualTo("uchitel");
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
    assertRefused(verifier.at(later), ours);

    Keycloak.ensureOtherClient("metodichka-other", "other-secret");
    String theirs =
        Keycloak.passwordGrant("metodichka-other", "other-secret", "uchitel", PASSWORD)
            .getString("id_token");
    assertRefused(verifier, theirs);

    assertRefused(verifier, signedByAStranger());
  }

  @Test
  void aRoleChangeInKeycloakAppliesAtTheNextSignIn() throws SQLException {
    try {
      Keycloak.realmRole("uchitel", "metodichka-admin", true);
      Keycloak.realmRole("uchitel", "expert", true);
      String token = new HttpSignIn(port()).signIn("uchitel", PASSWORD);
      assertThat(app.api().get("/api/users/me", token).json().getBoolean("admin")).isTrue();
      assertThat(expertRight("uchitel")).isTrue();

      Keycloak.realmRole("uchitel", "metodichka-admin", false);
      Keycloak.realmRole("uchitel", "expert", false);
      String next = new HttpSignIn(port()).signIn("uchitel", PASSWORD);
      assertThat(app.api().get("/api/users/me", next).json().getBoolean("admin")).isFalse();
      assertThat(expertRight("uchitel")).isFalse();
    } finally {
      quietly(() -> Keycloak.realmRole("uchitel", "metodichka-admin", false));
      quietly(() -> Keycloak.realmRole("uchitel", "expert", false));
    }
  }

  @Test
  void loggingOutEndsTheSessionHereAndAtKeycloak() {
    try (Browser browser = Browser.open(port())) {
      signInInBrowser(browser, "uchitel");
      browser.click("form[action='/logout'] button");
      // Keycloak's end-session endpoint sends the browser back to the site's home page.
      Eventually.until(
          "back from Keycloak's logout",
          Duration.ofSeconds(10),
          () -> browser.driver().getCurrentUrl().startsWith("http://localhost:" + port()));
      browser.go("/api/users/me");
      assertThat(browser.text("body")).contains("authentication_required");
      // Keycloak's session ended too: signing in again asks for the password.
      browser.go("/auth/oidc/login");
      assertThat(browser.find("#username").isDisplayed()).isTrue();
    }
  }

  @Test
  void backChannelLogoutEndsTheSessionOnBothNodesAtOnce() {
    String token = new HttpSignIn(port()).signIn("metodist", PASSWORD);
    assertThat(app.api().get("/api/users/me", token).status()).isEqualTo(200);
    assertThat(secondApi.get("/api/users/me", token).status()).isEqualTo(200);

    long started = System.nanoTime();
    Keycloak.logoutUser("metodist");
    Eventually.until(
        "the session ended on both nodes",
        Duration.ofSeconds(10),
        () ->
            app.api().get("/api/users/me", token).status() == 401
                && secondApi.get("/api/users/me", token).status() == 401);
    System.out.printf(
        "Back-channel logout: both nodes refuse the session %d ms after the admin's logout%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  @Test
  void aDisabledAccountIsRefusedAtSignIn() throws SQLException {
    new HttpSignIn(port()).signIn("uchitel", PASSWORD);
    setDisabled("uchitel", true);
    try {
      HttpSignIn signIn = new HttpSignIn(port());
      var answer = signIn.get(signIn.callbackUrl("uchitel", PASSWORD));
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.body()).contains("Учётная запись отключена");
      assertThat(signIn.sessionToken()).isNull();
    } finally {
      setDisabled("uchitel", false);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static void signInInBrowser(Browser browser, String user) {
    browser.go("/login");
    browser.click("#oidc-login");
    browser.type("#username", user);
    browser.type("#password", PASSWORD);
    browser.click("#kc-login");
    Eventually.until(
        "back at the site",
        Duration.ofSeconds(15),
        () -> browser.driver().getCurrentUrl().startsWith("http://localhost:" + port() + "/"));
  }

  private static String query(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new IllegalArgumentException("No " + name + " in " + url);
  }

  private static String latestIdToken() throws SQLException {
    try (var c = app.jdbc();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT o.id_token FROM oidc_sessions o JOIN sessions s USING (token_hash)"
                        + " ORDER BY s.created_at DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static boolean expertRight(String login) throws SQLException {
    try (var c = app.jdbc();
        var st =
            c.prepareStatement(
                "SELECT granted FROM expert_rights WHERE user_id ="
                    + " (SELECT id FROM users WHERE login_key = ?) ORDER BY id DESC LIMIT 1")) {
      st.setString(1, login);
      try (var rs = st.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void setDisabled(String login, boolean disabled) throws SQLException {
    try (var c = app.jdbc();
        var st =
            c.prepareStatement(
                "UPDATE users SET disabled_at = "
                    + (disabled ? "now()" : "NULL")
                    + " WHERE login_key = ?")) {
      st.setString(1, login);
      st.executeUpdate();
    }
  }

  /** An ID token for this client, well-formed and in time, signed by a key Keycloak never had. */
  private static String signedByAStranger() throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var keys = generator.generateKeyPair();
    long now = Instant.now().getEpochSecond();
    String header = b64(new JsonObject().put("alg", "RS256").put("kid", "stranger").encode());
    String payload =
        b64(
            new JsonObject()
                .put("iss", Keycloak.ISSUER)
                .put("aud", "metodichka")
                .put("sub", "00000000-0000-0000-0000-000000000000")
                .put("iat", now)
                .put("exp", now + 300)
                .encode());
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(keys.getPrivate());
    signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header
        + "."
        + payload
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(TokenVerifier verifier, String token) {
    assertThatThrownBy(() -> await(verifier.verify(token)))
        .hasRootCauseInstanceOf(TokenVerifier.InvalidToken.class);
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // the role was not there
    }
  }
}
