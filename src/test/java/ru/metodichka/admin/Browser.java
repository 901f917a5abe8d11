package ru.metodichka.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A person at a browser, for screen tests: keeps cookies like a browser does, reads the CSRF token
 * from the pages it gets, and posts forms the way an HTML form does (urlencoded, redirects not
 * followed so tests see the 303).
 */
final class Browser implements AutoCloseable {
  private final WebClient client;
  private final WebClientSession session;
  private String csrf;

  Browser(Vertx vertx, int port) {
    client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setFollowRedirects(false));
    session = WebClientSession.create(client);
  }

  /** Logs in through the login form, as a person would. */
  Browser logIn(String login, String password) {
    Page form = get("/login");
    assertThat(form.status()).isEqualTo(200);
    Page done = post("/login", Map.of("login", login, "password", password));
    assertThat(done.status()).as(done.text()).isEqualTo(303);
    csrf = null;
    return this;
  }

  Page get(String uri) {
    Page page = send(HttpMethod.GET, uri, null);
    String token = page.document().select("input[name=csrf]").attr("value");
    if (!token.isEmpty()) {
      csrf = token;
    }
    return page;
  }

  /** Posts a form with the CSRF token of the last page seen (fetched first if none was). */
  Page post(String uri, Map<String, String> fields) {
    if (csrf == null) {
      // Signed in, every page has the logout form and its token; a visitor gets one from /login.
      get("/");
      if (csrf == null) {
        get("/login");
      }
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrf", csrf);
    return postWithoutToken(uri, all);
  }

  /** Posts exactly these fields: a forged form from another site carries no token. */
  Page postWithoutToken(String uri, Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    fields.forEach(form::add);
    return send(HttpMethod.POST, uri, form);
  }

  private Page send(HttpMethod method, String uri, MultiMap form) {
    var request = session.request(method, uri).putHeader("Accept", "text/html");
    HttpResponse<Buffer> response =
        (form == null ? request.send() : request.sendForm(form, "UTF-8")).await();
    String body = response.body() == null ? "" : response.body().toString(StandardCharsets.UTF_8);
    return new Page(response.statusCode(), response.getHeader("Location"), body);
  }

  @Override
  public void close() {
    client.close();
  }

  /** A response: status, redirect target and the HTML. */
  record Page(int status, String location, String text) {
    Document document() {
      return Jsoup.parse(text);
    }

    @Override
    public String toString() {
      return status + " " + location + " " + text;
    }
  }
}
