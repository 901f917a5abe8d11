package ru.metodichka;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A small synchronous HTTP client for tests (Vert.x WebClient, awaited on the test thread). */
public final class Api implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client;

  /** A client of the server listening on this port of 127.0.0.1. */
  public Api(int port) {
    client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setFollowRedirects(false),
            new PoolOptions().setHttp1MaxSize(64));
  }

  /** Joins path segments, percent-encoding each (Cyrillic slugs included). */
  public static String path(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.toString();
  }

  /** {@code /api/communities/{c}/pages/{slug}} plus optional further segments. */
  public static String page(String community, String slug, String... rest) {
    String[] all = new String[4 + rest.length];
    all[0] = "communities";
    all[1] = community;
    all[2] = "pages";
    all[3] = slug;
    System.arraycopy(rest, 0, all, 4, rest.length);
    return "/api" + path(all);
  }

  public Response get(String uri, String token) {
    return send(HttpMethod.GET, uri, token, null, null, Map.of());
  }

  public Response put(String uri, String token, JsonObject body) {
    return send(HttpMethod.PUT, uri, token, body.toBuffer(), "application/json", Map.of());
  }

  public Response post(String uri, String token, JsonObject body) {
    return send(
        HttpMethod.POST,
        uri,
        token,
        body == null ? null : body.toBuffer(),
        "application/json",
        Map.of());
  }

  public Response delete(String uri, String token) {
    return send(HttpMethod.DELETE, uri, token, null, null, Map.of());
  }

  public Response send(
      HttpMethod method,
      String uri,
      String token,
      Buffer body,
      String contentType,
      Map<String, String> headers) {
    HttpRequest<Buffer> request = client.request(method, uri);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    headers.forEach(request::putHeader);
    var response = (body == null ? request.send() : request.sendBuffer(body)).await();
    return new Response(response.statusCode(), response.headers(), response.body());
  }

  @Override
  public void close() {
    client.close();
    vertx.close().await();
  }

  /** A response read whole. */
  public record Response(int status, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return body == null ? null : body.toJsonObject();
    }

    public JsonArray items() {
      return json().getJsonArray("items");
    }

    public String text() {
      return body == null ? "" : body.toString(StandardCharsets.UTF_8);
    }

    public String contentType() {
      return headers.get("Content-Type");
    }

    /** The body as an HTML document. */
    public Document document() {
      return Jsoup.parse(text());
    }

    /** The Set-Cookie header for the named cookie; null when there is none. */
    public String setCookie(String name) {
      return headers.getAll("Set-Cookie").stream()
          .filter(cookie -> cookie.startsWith(name + "="))
          .findFirst()
          .orElse(null);
    }

    /** Where a redirect points. */
    public String location() {
      return headers.get("Location");
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }
}
