package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

/** Bad input of every kind gets a clear problem+json answer and leaves nothing written. */
@ExtendWith(AppExtension.class)
class BadRequestIT {
  private Api api;
  private Fixtures.Team team;
  private String page;

  @BeforeEach
  void setUp(Fixtures fx) {
    api = fx.api();
    team = fx.team();
    page = Api.page(team.community(), "страница");
    fx.save(
        team.community(), "страница", team.member().token(), "Страница", "Исходный текст.\n", 0);
  }

  private Api.Response send(String body, String contentType) {
    return api.send(
        HttpMethod.PUT,
        page,
        team.member().token(),
        body == null ? null : Buffer.buffer(body),
        contentType,
        Map.of());
  }

  private static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonObject problem = response.json();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
  }

  @Test
  void malformedJsonIs400SayingWhere() {
    var response = send("{\"title\": \"Т\",\n \"markdown\": }", "application/json");
    assertProblem(response, 400, "malformed_json");
    assertThat(response.json().getString("detail")).contains("строке 2");
  }

  @Test
  void jsonThatIsNotAnObjectOrEmptyIs400() {
    assertProblem(send("[1, 2]", "application/json"), 400, "json_not_object");
    assertProblem(send("", "application/json"), 400, "empty_body");
  }

  @Test
  void aWrongContentTypeIs415() {
    assertProblem(
        send("title=x", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
    assertProblem(send("{}", "text/plain"), 415, "unsupported_media_type");
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String huge =
        new JsonObject().put("title", "Т").put("markdown", "ы".repeat(1_100_000)).encode();
    assertProblem(send(huge, "application/json"), 413, "body_too_large");
  }

  @Test
  void wrongFieldTypesAndValuesAre422WithEveryField() {
    var response =
        send(
            "{\"title\": 5, \"markdown\": [\"x\"], \"baseRevision\": -1, \"kind\": \"poem\","
                + " \"summary\": \""
                + "s".repeat(501)
                + "\"}",
            "application/json");
    assertProblem(response, 422, "invalid_input");
    assertThat(
            response.json().getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("field")))
        .containsExactlyInAnyOrder("title", "markdown", "baseRevision", "kind", "summary");
  }

  @Test
  void aNulCharacterIsRefusedClearly() {
    var response =
        send(
            new JsonObject()
                .put("title", "Т")
                .put("markdown", "a\u0000b")
                .put("baseRevision", 1)
                .encode(),
            "application/json");
    assertProblem(response, 422, "invalid_input");
  }

  @Test
  void unknownAddressesAndMethodsAreProblems() {
    assertProblem(api.get("/api/no-such-thing", null), 404, "not_found");
    assertProblem(
        api.send(HttpMethod.PATCH, page, team.member().token(), null, null, Map.of()),
        405,
        "method_not_allowed");
    assertProblem(api.get(Api.page("нет-сообщества", "x"), null), 404, "community_not_found");
    assertProblem(api.get(Api.page(team.community(), "нет-страницы"), null), 404, "page_not_found");
    assertProblem(api.get("/api/communities/%00", null), 404, "community_not_found");
    assertProblem(api.get("/api/communities/%ZZ", null), 400, "bad_request");
    assertProblem(
        api.post(page.replace("%D0%B0", "%00") + "/publish", team.moderator().token(), null),
        404,
        "page_not_found");
  }

  @Test
  void badQueryParametersAre400() {
    assertProblem(
        api.get(page + "/diff?from=1&to=zero", team.member().token()), 400, "bad_parameter");
    assertProblem(api.get(page + "/diff?to=1", team.member().token()), 400, "missing_parameter");
    assertProblem(
        api.get(page + "/revisions?limit=100000", team.member().token()), 400, "bad_parameter");
  }

  @Test
  void aQueryStringThatIsNotPercentEncodingIs400() {
    // The history and diff routes have path parameters: Vert.x decodes the query while matching
    // them, and used to answer a bare "Bad Request" past our failure handler.
    for (String uri :
        List.of(
            page + "/revisions?limit=%",
            page + "/diff?from=1&to=%ZZ",
            "/api/search?q=%",
            "/api/search?q=%ZZ",
            "/api/search/suggest?q=a%")) {
      Api.Response response = api.get(uri, team.member().token());
      assertThat(response.contentType()).as(uri).startsWith("application/problem+json");
      assertProblem(response, 400, "malformed_query");
    }
  }

  @Test
  void aScreenWithAMalformedQueryStringShowsTheErrorPage() {
    for (String uri : List.of("/search?q=%", "/c/" + team.community() + "?q=%ZZ")) {
      var response = api.get(uri, null);
      assertThat(response.status()).as(uri).isEqualTo(400);
      assertThat(response.contentType()).as(uri).startsWith("text/html");
      assertThat(response.document().select("main h1").text())
          .as(uri)
          .isEqualTo("Неверная строка запроса");
    }
  }

  @Test
  void aMalformedIdempotencyKeyIs400() {
    var response =
        api.send(
            HttpMethod.PUT,
            page,
            team.member().token(),
            new JsonObject()
                .put("title", "Т")
                .put("markdown", "x")
                .put("baseRevision", 1)
                .toBuffer(),
            "application/json",
            Map.of("Idempotency-Key", "ключ с пробелами"));
    assertProblem(response, 400, "bad_idempotency_key");
  }

  @Test
  void englishProblemsWhenTheClientAsks() {
    var response =
        api.send(
            HttpMethod.GET,
            Api.page(team.community(), "нет-страницы"),
            null,
            null,
            null,
            Map.of("Accept-Language", "en-GB,en;q=0.9"));
    assertThat(response.json().getString("title")).isEqualTo("Page not found");
  }

  @Test
  void rejectedRequestsWriteNothing() {
    send("{\"title\": \"Новое\", \"markdown\": ", "application/json");
    send(
        "{\"title\": \"Новое\", \"markdown\": \"текст\", \"kind\": \"poem\", \"baseRevision\": 1}",
        "application/json");
    var current = api.get(page, team.member().token()).json();
    assertThat(current.getInteger("revision")).isEqualTo(1);
    assertThat(current.getString("markdown")).isEqualTo("Исходный текст.\n");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (Api.Response response :
        new Api.Response[] {
          api.get("/api/communities", null),
          api.get("/api/nothing", null),
          api.get("/health", null),
          api.get("/", null)
        }) {
      assertThat(response.headers().get("Content-Security-Policy"))
          .contains("object-src 'none'")
          .contains("base-uri 'none'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.headers().get("Referrer-Policy")).isNotBlank();
    }
    assertThat(api.get("/api/users/me", team.member().token()).headers().get("Cache-Control"))
        .isEqualTo("no-store");
  }
}
