package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person's browser for screen tests: the session travels in the cookie, as it does for people
 * (not as a bearer token, which would skip the CSRF check), and forms are posted URL-encoded.
 */
public final class HtmlClient {
  private final Api api;
  private final String cookie;

  /** A browser logged in with this session token, or anonymous for null. */
  public HtmlClient(Api api, String sessionToken) {
    this.api = api;
    this.cookie = sessionToken == null ? null : "mtd_session=" + sessionToken;
  }

  public Api.Response get(String uri) {
    return api.send(HttpMethod.GET, uri, null, null, null, headers());
  }

  /** The page at {@code uri}, which must answer 200 with HTML. */
  public Document page(String uri) {
    Api.Response response = get(uri);
    assertThat(response.status()).as(uri + " → " + response).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/html");
    return Jsoup.parse(response.text(), "http://localhost" + uri);
  }

  /** The CSRF token the screen at {@code uri} hands to its forms. */
  public String csrf(String uri) {
    Element field = page(uri).selectFirst("input[name=csrf]");
    assertThat(field).as("a form with a CSRF field on " + uri).isNotNull();
    return field.attr("value");
  }

  public Api.Response post(String uri, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return api.send(
        HttpMethod.POST,
        uri,
        null,
        Buffer.buffer(body),
        "application/x-www-form-urlencoded",
        headers());
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new HashMap<>();
    if (cookie != null) {
      headers.put("Cookie", cookie);
    }
    return headers;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
