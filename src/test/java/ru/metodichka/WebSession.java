package ru.metodichka;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import ru.metodichka.web.Redirect;

/**
 * One person's browser at the HTTP level: keeps the cookies the server sets and sends them back,
 * reads pages with jsoup and posts forms with the CSRF token of the last page it saw. For screen
 * tests that need no JavaScript; flows with scripts use the real browser.
 */
public final class WebSession {
  private final Api api;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Document lastPage;

  public WebSession(Api api) {
    this.api = api;
  }

  /** A browser already logged in with this session token (from {@code POST /api/session}). */
  public static WebSession withToken(Api api, String token) {
    WebSession web = new WebSession(api);
    web.setCookie("mtd_session", token);
    return web;
  }

  /** Logs in through the login form. */
  public WebSession login(String login, String password) {
    get("/login");
    Api.Response response = postForm("/login", Map.of("login", login, "password", password));
    if (response.status() != 303) {
      throw new AssertionError("Login failed: " + response);
    }
    // The login form's token belonged to the anonymous visitor; the next page brings the new one.
    lastPage = null;
    return this;
  }

  /**
   * A header this browser adds to every request from now on, as a browser does with the Basic
   * credentials of a proxy in front of the site.
   */
  public WebSession alwaysSend(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Api.Response get(String path) {
    Api.Response response = send(HttpMethod.GET, path, null, null);
    if (String.valueOf(response.contentType()).startsWith("text/html")) {
      lastPage = Jsoup.parse(response.text(), "http://localhost" + path);
    }
    return response;
  }

  /** The page, parsed; fails unless it answered 200 with HTML. */
  public Document page(String path) {
    return page(path, 200);
  }

  /** The CSRF token the screen at {@code path} hands to its forms. */
  public String csrf(String path) {
    page(path);
    String token = csrfToken();
    if (token == null) {
      throw new AssertionError("No form with a CSRF field on " + path);
    }
    return token;
  }

  /** The page, parsed; fails unless it answered {@code status}. */
  public Document page(String path, int status) {
    Api.Response response = get(path);
    if (response.status() != status) {
      throw new AssertionError("GET " + path + " expected " + status + ": " + response);
    }
    return lastPage;
  }

  /**
   * Posts a form with the CSRF token of the last page seen; with no page seen yet, the token of the
   * home page (every page a logged-in user sees has the logout form) or of the login form.
   */
  public Api.Response postForm(String path, Map<String, String> fields) {
    if (csrfToken() == null) {
      get("/");
      if (csrfToken() == null) {
        get("/login");
      }
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("csrf", csrfToken());
    return postRaw(path, all);
  }

  /** Posts exactly these fields, no token added. */
  public Api.Response postRaw(String path, Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(
        HttpMethod.POST, path, Buffer.buffer(body.toString()), "application/x-www-form-urlencoded");
  }

  /** A JSON API call with the session cookie and, when given, the CSRF header. */
  public Api.Response api(HttpMethod method, String path, String json, String csrf) {
    Map<String, String> headers = new LinkedHashMap<>(cookieHeader());
    if (csrf != null) {
      headers.put("X-CSRF-Token", csrf);
    }
    Api.Response response =
        api.send(
            method,
            Redirect.encoded(path),
            null,
            json == null ? null : Buffer.buffer(json),
            json == null ? null : "application/json",
            headers);
    remember(response);
    return response;
  }

  /** The token in the last page's forms. */
  public String csrfToken() {
    if (lastPage == null) {
      return null;
    }
    var field = lastPage.selectFirst("input[name=csrf]");
    return field == null ? null : field.attr("value");
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  public void setCookie(String name, String value) {
    cookies.put(name, value);
  }

  public Document lastPage() {
    return lastPage;
  }

  private Api.Response send(HttpMethod method, String path, Buffer body, String contentType) {
    Api.Response response =
        api.send(method, Redirect.encoded(path), null, body, contentType, cookieHeader());
    remember(response);
    return response;
  }

  /** The cookie header and the headers sent always. */
  private Map<String, String> cookieHeader() {
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (!cookies.isEmpty()) {
      StringJoiner header = new StringJoiner("; ");
      cookies.forEach((k, v) -> header.add(k + "=" + v));
      all.put("Cookie", header.toString());
    }
    return all;
  }

  private void remember(Api.Response response) {
    for (String setCookie : response.headers().getAll("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
      if (expired || value.isEmpty()) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }
}
