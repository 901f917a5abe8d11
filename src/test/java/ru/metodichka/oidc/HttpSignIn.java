package ru.metodichka.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part of a sign-in, over plain HTTP (no redirects followed, cookies kept): start at
 * the site, fill Keycloak's real login form, and stop where Keycloak sends the browser back, so a
 * test can call the callback as it likes (twice, with another state...).
 */
final class HttpSignIn {
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
  // Cookies by host and port, kept by hand: Keycloak marks its cookies Secure, which a browser
  // sends to http://127.0.0.1 (a secure context) but java.net's CookieManager never would.
  private final Map<String, Map<String, String>> cookies = new HashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  HttpSignIn(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Where the site sends the browser to sign in (Keycloak's authorization URL). */
  String begin() {
    HttpResponse<String> start = get(base + "/auth/oidc/login");
    if (start.statusCode() != 302) {
      throw new IllegalStateException("/auth/oidc/login answered " + start.statusCode());
    }
    return start.headers().firstValue("Location").orElseThrow();
  }

  /** Signs in at Keycloak's form: the callback URL (with code and state) Keycloak redirects to. */
  String callbackUrl(String user, String password) {
    HttpResponse<String> form = get(begin());
    Matcher action = ACTION.matcher(form.body());
    if (!action.find()) {
      throw new IllegalStateException("No login form at Keycloak: " + form.body());
    }
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> posted =
        send(
            HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (posted.statusCode() != 302) {
      throw new IllegalStateException("Keycloak refused the login: " + posted.statusCode());
    }
    return posted.headers().firstValue("Location").orElseThrow();
  }

  /** Signs in completely: the site's session token. */
  String signIn(String user, String password) {
    HttpResponse<String> done = get(callbackUrl(user, password));
    if (done.statusCode() != 302) {
      throw new IllegalStateException("The callback answered " + done.statusCode());
    }
    return sessionToken();
  }

  String sessionToken() {
    return cookies.getOrDefault(URI.create(base).getAuthority(), Map.of()).get("mtd_session");
  }

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    String authority = request.uri().getAuthority();
    Map<String, String> jar = cookies.computeIfAbsent(authority, k -> new LinkedHashMap<>());
    HttpRequest withCookies = request;
    if (!jar.isEmpty()) {
      StringBuilder header = new StringBuilder();
      jar.forEach(
          (k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
      withCookies =
          HttpRequest.newBuilder(request, (k, v) -> true)
              .header("Cookie", header.toString())
              .build();
    }
    try {
      HttpResponse<String> response = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
          jar.remove(name);
        } else {
          jar.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
