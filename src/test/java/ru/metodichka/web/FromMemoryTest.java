package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.metodichka.config.AddressRange;

/**
 * The server's first look at a request, over real HTTP: a plain anonymous GET of an address kept in
 * memory is answered from there with the headers the router would add; any request the router might
 * answer differently (a session, a bearer token, a query, a body, another method) goes to the
 * router. The router here answers everything with «router».
 */
class FromMemoryTest {
  private static final String KEPT = "/c/fg/%D0%B4%D1%80%D0%BE%D0%B1%D0%B8";
  private static Vertx vertx;
  private static HttpServer server;
  private static WebClient client;
  private static final List<String> asked = new ArrayList<>();

  /** Copies for {@link #KEPT} only, one per language, each naming the site it was asked for. */
  private static final MemoryCopies COPIES =
      (site, uri, lang) -> {
        synchronized (asked) {
          asked.add(site + " " + uri + " " + lang);
        }
        return uri.equals(KEPT) ? Buffer.buffer("copy " + lang + " " + site) : null;
      };

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(new RequestIds()).handler(new SecurityHeaders(proxies()));
    router.route().handler(ctx -> ctx.response().end("router"));
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                new FromMemory(router, COPIES, proxies(), new PublicUrl(Optional.empty())))
            .listen(0)
            .await();
    client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultPort(server.actualPort()).setKeepAlive(false));
  }

  /** The loopback address is a trusted proxy: its X-Forwarded-Proto is believed. */
  private static ClientAddress proxies() {
    return new ClientAddress(List.of(AddressRange.parse("127.0.0.1")));
  }

  @AfterAll
  static void stop() {
    client.close();
    vertx.close().await();
  }

  @BeforeEach
  void forget() {
    synchronized (asked) {
      asked.clear();
    }
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String uri, Map<String, String> h) {
    var request = client.request(method, uri);
    h.forEach(request::putHeader);
    return request.send().await();
  }

  private static HttpResponse<Buffer> get(String uri, Map<String, String> headers) {
    return send(HttpMethod.GET, uri, headers);
  }

  @Test
  void aKeptAddressIsAnsweredFromMemoryWithTheRoutersHeaders() {
    var fromMemory = get(KEPT, Map.of("Host", "metodichka.example"));
    var fromRouter = get("/c/fg/other", Map.of("Host", "metodichka.example"));

    assertThat(fromMemory.bodyAsString()).isEqualTo("copy ru http://metodichka.example");
    assertThat(fromRouter.bodyAsString()).isEqualTo("router");
    assertThat(fromMemory.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(names(fromMemory.headers()))
        .as("the same headers as the router's answer, and a body's type")
        .containsAll(names(fromRouter.headers()))
        .contains("x-request-id", "content-security-policy", "x-frame-options");
    for (String name :
        List.of("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")) {
      assertThat(fromMemory.getHeader(name)).isEqualTo(fromRouter.getHeader(name));
    }
    assertThat(fromMemory.getHeader("Cache-Control")).isNull();
    assertThat(fromMemory.getHeader("Strict-Transport-Security")).isNull();
  }

  @Test
  void theCallersRequestIdIsEchoedAndHttpsFromATrustedProxyGetsHstsAndAnHttpsSite() {
    var answer =
        get(
            KEPT,
            Map.of(
                "X-Request-Id", "abc-123",
                "X-Forwarded-Proto", "https",
                "Host", "metodichka.example"));

    assertThat(answer.getHeader("X-Request-Id")).isEqualTo("abc-123");
    assertThat(answer.getHeader("Strict-Transport-Security")).startsWith("max-age=");
    assertThat(answer.bodyAsString()).isEqualTo("copy ru https://metodichka.example");
  }

  @Test
  void theLanguageIsTheVisitorsChoiceThenTheirBrowsersThenRussian() {
    assertThat(get(KEPT, Map.of("Accept-Language", "en-GB,en;q=0.9")).bodyAsString())
        .startsWith("copy en");
    assertThat(get(KEPT, Map.of("Accept-Language", "de-DE,ru;q=0.5,en;q=0.4")).bodyAsString())
        .startsWith("copy ru");
    assertThat(get(KEPT, Map.of("Accept-Language", "en;q=0,ru;q=0.1")).bodyAsString())
        .as("q=0: not acceptable")
        .startsWith("copy ru");
    assertThat(get(KEPT, Map.of("Accept-Language", ";;;q=x")).bodyAsString())
        .as("a header nobody can read counts as none")
        .startsWith("copy ru");
    var picked = get(KEPT, Map.of("Cookie", "mtd_lang=en", "Accept-Language", "ru"));
    assertThat(picked.bodyAsString()).startsWith("copy en");
    assertThat(picked.getHeader("Cache-Control"))
        .as("a request with cookies is never kept by a shared cache, as on the router's answers")
        .isEqualTo("no-store");
  }

  @Test
  void aRequestTheRouterMightAnswerDifferentlyGoesToTheRouter() {
    assertThat(get(KEPT, Map.of("Cookie", "mtd_session=abc")).bodyAsString())
        .as("a session")
        .isEqualTo("router");
    assertThat(get(KEPT, Map.of("Authorization", "Bearer abc")).bodyAsString())
        .as("a bearer token")
        .isEqualTo("router");
    assertThat(get(KEPT + "?saved=1", Map.of()).bodyAsString()).as("a query").isEqualTo("router");
    assertThat(get(KEPT + "?", Map.of()).bodyAsString()).as("an empty query").isEqualTo("router");
    assertThat(send(HttpMethod.POST, KEPT, Map.of()).bodyAsString()).isEqualTo("router");
    assertThat(send(HttpMethod.HEAD, KEPT, Map.of()).statusCode()).isEqualTo(200);
    var withBody = client.request(HttpMethod.GET, KEPT).sendBuffer(Buffer.buffer("a body")).await();
    assertThat(withBody.bodyAsString()).as("a body").isEqualTo("router");
    assertThat(get(KEPT, Map.of("Cookie", "mtd_session=")).bodyAsString())
        .as("an empty session cookie is no session")
        .startsWith("copy ru");
    synchronized (asked) {
      assertThat(asked).as("only plain requests are looked up (not the HEAD)").hasSize(1);
    }
  }

  private static List<String> names(MultiMap headers) {
    return headers.names().stream().map(String::toLowerCase).toList();
  }
}
