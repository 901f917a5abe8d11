package ru.metodichka.oidc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.metodichka.Prerequisites;

/**
 * One real Keycloak for the whole keycloak test tier: the distribution the pom unpacked ({@code
 * metodichka.keycloak.home}) started in dev mode with the project's realm file imported, once per
 * JVM, stopped when the JVM exits. A Keycloak already answering with the realm on the port (one
 * started by {@code docker/keycloak/run-local.sh}) is used as it is. Also the admin REST calls the
 * tests make (roles, clients, logout), as Keycloak's master administrator.
 */
public final class Keycloak implements BeforeAllCallback {
  static final int PORT = Integer.getInteger("metodichka.keycloak.port", 8180);
  static final String BASE = "http://127.0.0.1:" + PORT;
  public static final String ISSUER = BASE + "/realms/metodichka";
  static final String SECRET = "metodichka-dev-secret";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin12345";
  private static final Duration START_LIMIT = Duration.ofMinutes(4);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static boolean ready;
  private static Process process;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  static synchronized void start() throws IOException, InterruptedException {
    if (ready) {
      return;
    }
    if (answers()) {
      ready = true;
      return;
    }
    String home = System.getProperty("metodichka.keycloak.home");
    Prerequisites.require(
        home != null && Files.isExecutable(Path.of(home, "bin", "kc.sh")),
        "Keycloak tests need the distribution the pom unpacks (mvn verify -Pkeycloak); none at "
            + home);
    Path kc = Path.of(home);
    // A fresh dev database each run: no state left over from an earlier run.
    deleteRecursively(kc.resolve("data/h2"));
    Files.createDirectories(kc.resolve("data/import"));
    Files.copy(
        Path.of(System.getProperty("metodichka.keycloak.realm")),
        kc.resolve("data/import/metodichka-realm.json"),
        StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder builder =
        new ProcessBuilder(
                kc.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + PORT,
                "--import-realm")
            .redirectErrorStream(true)
            .redirectOutput(kc.resolve("keycloak.log").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    long started = System.nanoTime();
    process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(Keycloak::stop, "keycloak-stop"));
    long deadline = started + START_LIMIT.toNanos();
    while (!answers()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited; see " + kc.resolve("keycloak.log"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Keycloak did not start in " + START_LIMIT);
      }
      Thread.sleep(500);
    }
    System.out.printf(
        "Keycloak started in %.1f s%n", (System.nanoTime() - started) / 1_000_000_000.0);
    ready = true;
  }

  private static void stop() {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
  }

  private static boolean answers() {
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // ---- the admin REST API -----------------------------------------------------------------

  static String adminToken() {
    JsonObject token =
        new JsonObject(
            form(
                BASE + "/realms/master/protocol/openid-connect/token",
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    "admin-cli",
                    "username",
                    ADMIN,
                    "password",
                    ADMIN_PASSWORD)));
    return token.getString("access_token");
  }

  static String userId(String username) {
    JsonArray users =
        new JsonArray(admin("GET", "/users?exact=true&username=" + username, null).body());
    return users.getJsonObject(0).getString("id");
  }

  /** Gives ({@code granted}) or takes a realm role of a user. */
  static void realmRole(String username, String role, boolean granted) {
    JsonObject representation = new JsonObject(admin("GET", "/roles/" + role, null).body());
    admin(
        granted ? "POST" : "DELETE",
        "/users/" + userId(username) + "/role-mappings/realm",
        new JsonArray().add(representation).encode());
  }

  /** Ends every Keycloak session of the user (Keycloak then posts the back-channel logouts). */
  static void logoutUser(String username) {
    admin("POST", "/users/" + userId(username) + "/logout", null);
  }

  /** Points the client's back-channel logout at a node of the test. */
  static void backChannelLogoutUrl(String url) {
    JsonObject client = client("metodichka");
    client.getJsonObject("attributes").put("backchannel.logout.url", url);
    admin("PUT", "/clients/" + client.getString("id"), client.encode());
  }

  /** A second confidential client allowed the password grant: tokens for another audience. */
  static void ensureOtherClient(String clientId, String secret) {
    if (new JsonArray(admin("GET", "/clients?clientId=" + clientId, null).body()).isEmpty()) {
      admin(
          "POST",
          "/clients",
          new JsonObject()
              .put("clientId", clientId)
              .put("secret", secret)
              .put("publicClient", false)
              .put("directAccessGrantsEnabled", true)
              .put("standardFlowEnabled", false)
              .encode());
    }
  }

  /** Tokens of {@code clientId} by the password grant (its ID token names that client). */
  static JsonObject passwordGrant(String clientId, String secret, String user, String password) {
    return new JsonObject(
        form(
            ISSUER + "/protocol/openid-connect/token",
            Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "client_secret", secret,
                "username", user,
                "password", password,
                "scope", "openid")));
  }

  private static JsonObject client(String clientId) {
    return new JsonArray(admin("GET", "/clients?clientId=" + clientId, null).body())
        .getJsonObject(0);
  }

  static HttpResponse<String> admin(String method, String path, String json) {
    var request =
        HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/metodichka" + path))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static String form(String url, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
