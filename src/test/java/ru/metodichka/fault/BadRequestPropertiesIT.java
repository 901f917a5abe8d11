package ru.metodichka.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import ru.metodichka.Api;
import ru.metodichka.FaultTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Property-based bad requests (jqwik): generated JSON bodies, paths and query strings against the
 * API. Whatever comes in, the server answers within seconds, never with a 5xx; a refusal is a 4xx
 * problem+json, and after it the database holds exactly what it held before. A server of its own
 * (jqwik does not run JUnit Jupiter extensions), on a fresh database.
 */
@FaultTest
class BadRequestPropertiesIT {
  private static final int TRIES = 150;
  // A request that takes longer has hung: the slowest answer here is a refused 1 MB body.
  private static final long CLIENT_TIMEOUT_MS = 10_000;
  // The tables a request could write; sessions, views and idempotency answers are bookkeeping.
  private static final List<String> TABLES =
      List.of(
          "institutions",
          "users",
          "communities",
          "memberships",
          "pages",
          "revisions",
          "page_links",
          "page_status_changes",
          "contributions",
          "search_changes");
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();
  private static TestApp app;
  private static Vertx vertx;
  private static WebClient client;
  private static Fixtures.Team team;
  private static String adminToken;

  @BeforeContainer
  static void start() {
    app = TestApp.start(Map.of());
    Fixtures fx = new Fixtures(app);
    team = fx.team();
    adminToken = fx.adminToken();
    fx.save(team.community(), "страница", team.member().token(), "Страница", "Текст.\n", 0);
    vertx = Vertx.vertx();
    client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(app.app().port())
                .setFollowRedirects(false));
  }

  @AfterContainer
  static void stop() throws SQLException {
    System.out.printf(
        "Bad requests (jqwik): %d tries, %d refused with a 4xx problem, none 5xx or hung%n",
        TRIED.get(), REFUSED.get());
    client.close();
    app.close();
    // Not awaited: on jqwik's thread the await can outlive the run; nothing depends on it.
    vertx.close();
  }

  @Property(tries = TRIES)
  void aSaveWithAnyJsonBodyIsSavedOrRefusedCleanly(@ForAll("saveBodies") String body) {
    request(HttpMethod.PUT, Api.page(team.community(), "страница"), team.member().token(), body);
  }

  @Property(tries = TRIES)
  void anyJsonBodyToPreviewOrToCreateACommunityIsAnsweredOrRefusedCleanly(
      @ForAll("saveBodies") String body, @ForAll boolean preview) {
    if (preview) {
      request(
          HttpMethod.POST,
          "/api/communities/" + team.community() + "/preview",
          team.member().token(),
          body);
    } else {
      request(HttpMethod.POST, "/api/communities", adminToken, body);
    }
  }

  @Property(tries = TRIES)
  void anyPathUnderTheApiIsAnsweredOrRefusedCleanly(
      @ForAll("methods") HttpMethod method, @ForAll("paths") String path) {
    request(method, path, team.member().token(), method == HttpMethod.GET ? null : "{}");
  }

  @Property(tries = TRIES)
  void anyQueryStringIsAnsweredOrRefusedCleanly(
      @ForAll("queryTargets") String target, @ForAll("queries") String query) {
    request(HttpMethod.GET, target + "?" + query, team.member().token(), null);
  }

  /** Sends one request and checks the answer and, for a refusal, the database. */
  private static void request(HttpMethod method, String uri, String token, String body) {
    TRIED.incrementAndGet();
    long before = checksum();
    HttpResponse<Buffer> response = send(method, uri, token, body);
    int status = response.statusCode();
    String what = method + " " + uri + " " + (body == null ? "" : abbreviated(body));
    assertThat(status).as("%s answered %s", what, response.bodyAsString()).isLessThan(500);
    if (status >= 400) {
      REFUSED.incrementAndGet();
      assertThat(response.getHeader("Content-Type"))
          .as(what)
          .startsWith("application/problem+json");
      JsonObject problem = response.bodyAsJsonObject();
      assertThat(problem.getInteger("status")).as(what).isEqualTo(status);
      assertThat(problem.getString("code")).as(what).isNotBlank();
      assertThat(checksum()).as("database unchanged after %s", what).isEqualTo(before);
    }
  }

  private static HttpResponse<Buffer> send(
      HttpMethod method, String uri, String token, String body) {
    HttpRequest<Buffer> request =
        client.request(method, uri).bearerTokenAuthentication(token).timeout(CLIENT_TIMEOUT_MS);
    if (body == null) {
      return request.send().await();
    }
    return request
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .await();
  }

  /** Row counts and a hash of every row of the tables a request could write. */
  private static long checksum() {
    try (Connection c = app.jdbc();
        Statement s = c.createStatement()) {
      long sum = 0;
      for (String table : TABLES) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*), coalesce(sum(hashtext(t::text)::bigint), 0) FROM "
                    + table
                    + " t")) {
          rs.next();
          sum = sum * 31 + rs.getLong(1) * 1_000_003 + rs.getLong(2);
        }
      }
      return sum;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviated(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  // Generators.

  /** Values of every JSON type, right and wrong for the fields they land in. */
  private static Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
        Arbitraries.strings()
            .withCharRange('\u0000', '\uFFFF')
            .ofMaxLength(20)
            .map(Object.class::cast),
        Arbitraries.of("", " ", "article", "practice", "poem", "draft", "\u0000", "ы".repeat(600))
            .map(Object.class::cast),
        Arbitraries.integers().map(Object.class::cast),
        Arbitraries.of(-1L, 0L, 1L, 2L, Long.MAX_VALUE, Long.MIN_VALUE).map(Object.class::cast),
        Arbitraries.of(1.5, -0.0, 1e308, Double.MIN_VALUE).map(Object.class::cast),
        Arbitraries.of(true, false).map(Object.class::cast),
        Arbitraries.just(new JsonArray().add("x").add(1)).map(Object.class::cast),
        Arbitraries.just(new JsonObject().put("subjects", new JsonArray().add(5)))
            .map(Object.class::cast),
        Arbitraries.just(JsonObject.of("licence", "чужая", "levels", "все"))
            .map(Object.class::cast));
  }

  @Provide
  Arbitrary<String> saveBodies() {
    Arbitrary<String> fields =
        Arbitraries.of(
            "title",
            "markdown",
            "baseRevision",
            "summary",
            "kind",
            "metadata",
            "slug",
            "name",
            "task",
            "description",
            "__proto__",
            "");
    Arbitrary<String> objects =
        Arbitraries.maps(fields, values().injectNull(0.1))
            .ofMaxSize(6)
            .map(map -> new JsonObject(new java.util.LinkedHashMap<>(map)).encode());
    Arbitrary<String> broken =
        Arbitraries.of(
            "",
            "{",
            "}",
            "[]",
            "null",
            "42",
            "\"текст\"",
            "{\"title\":}",
            "{\"title\":\"a\",}",
            "{\"title\":\"a\" \"markdown\":\"b\"}",
            "{\"a\":" + "[".repeat(5000),
            "\uFEFF{}",
            "{\"title\":\"\\ud800\"}",
            "{'title':'a'}");
    Arbitrary<String> mangled =
        objects.flatMap(
            json ->
                Arbitraries.integers().between(0, json.length()).map(i -> json.substring(0, i)));
    return Arbitraries.frequencyOf(Tuple.of(6, objects), Tuple.of(2, broken), Tuple.of(2, mangled));
  }

  @Provide
  Arbitrary<HttpMethod> methods() {
    return Arbitraries.of(
        HttpMethod.GET, HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE, HttpMethod.PATCH);
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "communities",
                "pages",
                "revisions",
                "diff",
                "publish",
                "unpublish",
                "revert",
                "members",
                "users",
                "me",
                "search",
                "suggest",
                "preview",
                "csrf",
                "session",
                team.community(),
                "страница",
                "..",
                ".",
                "%2e%2e",
                "%00",
                "%ZZ",
                "%",
                "%c0%af",
                "%F0%9F%92%A9",
                ";",
                "~",
                "%20",
                "x".repeat(3000)),
            Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(30)
                .map(BadRequestPropertiesIT::encoded),
            Arbitraries.integers().map(String::valueOf));
    return segment.list().ofMinSize(1).ofMaxSize(7).map(list -> "/api/" + String.join("/", list));
  }

  @Provide
  Arbitrary<String> queryTargets() {
    String page = Api.page(team.community(), "страница");
    return Arbitraries.of(
        "/api/search",
        "/api/search/suggest",
        page + "/diff",
        page + "/revisions",
        page + "/revisions/1",
        "/api/communities",
        "/api/communities/" + team.community() + "/pages");
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "q",
                "from",
                "to",
                "limit",
                "before",
                "offset",
                "page",
                "kind",
                "community",
                "subject",
                "level",
                "sort",
                "status",
                "q[]",
                ""),
            Arbitraries.strings().ofMaxLength(10).map(BadRequestPropertiesIT::encoded));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.of(
                "",
                "-1",
                "0",
                "1",
                "99999999999999999999",
                "1e3",
                "NaN",
                "%",
                "%ZZ",
                "%00",
                "article",
                "relevance",
                "newest",
                "*",
                "%22",
                "AND+OR+NOT",
                "(((",
                "~",
                "я".repeat(2000)),
            Arbitraries.strings().ofMaxLength(60).map(BadRequestPropertiesIT::encoded));
    Arbitrary<String> pair = keys.flatMap(k -> values.map(v -> k + "=" + v));
    return pair.list().ofMaxSize(5).map(list -> String.join("&", list));
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
