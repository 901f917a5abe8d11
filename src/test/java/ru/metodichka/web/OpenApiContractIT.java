package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Real responses checked against the served OpenAPI document with Vert.x's validator, so the
 * document cannot drift from the API.
 */
@ExtendWith(AppExtension.class)
class OpenApiContractIT {
  private static final Vertx VERTX = Vertx.vertx();
  private static final Set<String> EXERCISED = new TreeSet<>();
  private static OpenAPIContract contract;
  private static ResponseValidator validator;

  /** Every route the server mounts (see the *Routes classes); each must be in the document. */
  private static final Set<String> ROUTES =
      Set.of(
          "GET /health",
          "GET /api/openapi.yaml",
          "POST /api/session",
          "DELETE /api/session",
          "POST /api/users",
          "GET /api/users/me",
          "GET /api/communities",
          "POST /api/communities",
          "GET /api/communities/{community}",
          "GET /api/communities/{community}/members",
          "GET /api/communities/{community}/members/history",
          "PUT /api/communities/{community}/members/{login}",
          "DELETE /api/communities/{community}/members/{login}",
          "GET /api/communities/{community}/pages",
          "GET /api/communities/{community}/pages/{slug}",
          "PUT /api/communities/{community}/pages/{slug}",
          "GET /api/communities/{community}/pages/{slug}/revisions",
          "GET /api/communities/{community}/pages/{slug}/revisions/{number}",
          "GET /api/communities/{community}/pages/{slug}/diff",
          "GET /api/communities/{community}/pages/{slug}/backlinks",
          "POST /api/communities/{community}/pages/{slug}/revert",
          "POST /api/communities/{community}/pages/{slug}/publish",
          "POST /api/communities/{community}/pages/{slug}/unpublish");

  @BeforeAll
  static void loadTheServedDocument(TestApp app, @TempDir Path dir) throws Exception {
    Api.Response served = app.api().get("/api/openapi.yaml", null);
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.contentType()).startsWith("application/yaml");
    // Vert.x's validator (5.0) knows only a few media types. Problem documents and YAML are read as
    // their JSON and text equivalents (see asValidated), so their bodies are still checked.
    String document =
        served
            .text()
            .replace("application/problem+json:", "application/json:")
            .replace("application/yaml:", "text/plain:");
    Path file = Files.writeString(dir.resolve("openapi.yaml"), document);
    contract = OpenAPIContract.from(VERTX, file.toString()).await();
    validator = ResponseValidator.create(VERTX, contract);
  }

  @AfterAll
  static void everyOperationWasExercised() {
    Set<String> all =
        contract.operations().stream().map(Operation::getOperationId).collect(Collectors.toSet());
    assertThat(EXERCISED).as("operations exercised").containsAll(all);
    VERTX.close().await();
  }

  private static String asValidated(String contentType) {
    if (contentType == null) {
      return null;
    }
    return contentType.startsWith("application/problem+json")
        ? "application/json"
        : contentType.startsWith("application/yaml") ? "text/plain" : contentType;
  }

  private static void check(String operationId, Api.Response response) {
    Map<String, String> headers = new HashMap<>();
    response
        .headers()
        .forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
    String contentType = asValidated(response.contentType());
    headers.remove("content-type");
    if (contentType != null) {
      headers.put("content-type", contentType);
    }
    Buffer body = response.body();
    ValidatableResponse validatable =
        body == null || body.length() == 0
            ? ValidatableResponse.create(response.status(), headers)
            : ValidatableResponse.create(response.status(), headers, body, contentType);
    try {
      validator.validate(validatable, operationId).await();
    } catch (RuntimeException e) {
      throw new AssertionError(
          operationId
              + " answered "
              + response
              + " which the document does not allow: "
              + e.getMessage(),
          e);
    }
    EXERCISED.add(operationId);
  }

  @Test
  void everyMountedRouteIsDescribed() {
    Set<String> described = new TreeSet<>();
    contract
        .operations()
        .forEach(op -> described.add(op.getHttpMethod().name() + " " + op.getOpenAPIPath()));
    assertThat(described).isEqualTo(new TreeSet<>(ROUTES));
  }

  @Test
  void serviceSessionsAndUsersMatchTheDocument(Fixtures fx) {
    Api api = fx.api();
    check("health", api.get("/health", null));
    check("getOpenApi", api.get("/api/openapi.yaml", null));
    check(
        "login",
        api.post(
            "/api/session",
            null,
            new JsonObject().put("login", "admin").put("password", TestApp.ADMIN_PASSWORD)));
    check(
        "login",
        api.post(
            "/api/session", null, new JsonObject().put("login", "admin").put("password", "wrong")));
    check("login", api.post("/api/session", null, new JsonObject().put("login", "admin")));
    check(
        "login",
        api.send(
            HttpMethod.POST,
            "/api/session",
            null,
            Buffer.buffer("{oops"),
            "application/json",
            Map.of()));
    check(
        "login",
        api.send(
            HttpMethod.POST, "/api/session", null, Buffer.buffer("x"), "text/plain", Map.of()));
    String login = Fixtures.unique("oa");
    JsonObject user =
        new JsonObject()
            .put("login", login)
            .put("password", "long-password")
            .put("name", "Учитель")
            .put("institution", "Лицей № 1");
    check("createUser", api.post("/api/users", fx.adminToken(), user));
    check("createUser", api.post("/api/users", fx.adminToken(), user));
    check("createUser", api.post("/api/users", null, user));
    String token = fx.login(login, "long-password");
    check("createUser", api.post("/api/users", token, user));
    check("createUser", api.post("/api/users", fx.adminToken(), new JsonObject()));
    check("getMe", api.get("/api/users/me", token));
    check("getMe", api.get("/api/users/me", null));
    check("logout", api.delete("/api/session", token));
    check("getMe", api.get("/api/users/me", token));
  }

  @Test
  void communitiesAndMembershipsMatchTheDocument(Fixtures fx) {
    Api api = fx.api();
    String slug = Fixtures.unique("oa-c");
    JsonObject body =
        new JsonObject().put("slug", slug).put("name", "Сообщество").put("task", "Задача");
    check("createCommunity", api.post("/api/communities", fx.adminToken(), body));
    check("createCommunity", api.post("/api/communities", fx.adminToken(), body));
    check("listCommunities", api.get("/api/communities", null));
    check("getCommunity", api.get("/api" + Api.path("communities", slug), null));
    check("getCommunity", api.get("/api" + Api.path("communities", "нет"), null));
    Fixtures.TestUser teacher = fx.user("Учитель");
    String member = "/api" + Api.path("communities", slug, "members", teacher.login());
    check(
        "setMemberRole",
        api.put(
            member,
            fx.adminToken(),
            new JsonObject()
                .put("role", "member")
                .put("order", new JsonObject().put("number", "12").put("date", "2026-10-01"))));
    check(
        "setMemberRole",
        api.put(member, fx.adminToken(), new JsonObject().put("role", "moderator")));
    check("setMemberRole", api.put(member, fx.adminToken(), new JsonObject().put("role", "boss")));
    check("setMemberRole", api.put(member, null, new JsonObject().put("role", "member")));
    check("listMembers", api.get("/api" + Api.path("communities", slug, "members"), null));
    check(
        "listMembershipHistory",
        api.get("/api" + Api.path("communities", slug, "members", "history"), fx.adminToken()));
    check("endMembership", api.delete(member, fx.adminToken()));
    check(
        "listMembershipHistory",
        api.get("/api" + Api.path("communities", slug, "members", "history"), fx.adminToken()));
    check("endMembership", api.delete(member, fx.adminToken()));
    check(
        "listMembershipHistory",
        api.get("/api" + Api.path("communities", slug, "members", "history"), teacher.token()));
  }

  @Test
  void pagesAndHistoryMatchTheDocument(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String page = Api.page(team.community(), "контракт");
    JsonObject first =
        new JsonObject()
            .put("title", "Контракт")
            .put("markdown", "Раз\nДва\nТри\nЧетыре\n")
            .put("kind", "practice")
            .put("summary", "Первая версия");
    check("savePage", api.put(page, team.member().token(), first));
    check("savePage", api.put(page, team.member().token(), first.copy().put("baseRevision", 1)));
    check(
        "savePage",
        api.put(
            page,
            team.moderator().token(),
            first.copy().put("baseRevision", 1).put("markdown", "Раз!\nДва\nТри\nЧетыре\n")));
    check(
        "savePage",
        api.put(
            page,
            team.member().token(),
            first.copy().put("baseRevision", 1).put("markdown", "Раз\nДва\nТри\nЧетыре!\n")));
    check(
        "savePage",
        api.put(
            page,
            team.member().token(),
            first.copy().put("baseRevision", 1).put("markdown", "Раз?\nДва\nТри\nЧетыре\n")));
    check("savePage", api.put(page, null, first));
    check("savePage", api.put(page, fx.user("Чужой").token(), first));
    check("savePage", api.put(page, team.member().token(), new JsonObject().put("title", 1)));
    check(
        "savePage", api.put(Api.page(team.community(), "два слова"), team.member().token(), first));
    check(
        "savePage",
        api.put(
            Api.page(team.community(), "нет"),
            team.member().token(),
            first.copy().put("baseRevision", 5)));
    check(
        "savePage",
        api.send(
            HttpMethod.PUT,
            page,
            team.member().token(),
            Buffer.buffer(
                new JsonObject().put("title", "Т").put("markdown", "ы".repeat(1_100_000)).encode()),
            "application/json",
            Map.of()));
    check("listPages", api.get("/api" + Api.path("communities", team.community(), "pages"), null));
    check("getPage", api.get(page, team.member().token()));
    check("getPage", api.get(page, null));
    check("listRevisions", api.get(page + "/revisions", team.member().token()));
    check("listRevisions", api.get(page + "/revisions?limit=0", team.member().token()));
    check("getRevision", api.get(page + "/revisions/1", team.member().token()));
    check("getRevision", api.get(page + "/revisions/99", team.member().token()));
    check("diffRevisions", api.get(page + "/diff?from=1&to=3", team.member().token()));
    check("diffRevisions", api.get(page + "/diff?from=1", team.member().token()));
    check("listBacklinks", api.get(page + "/backlinks", team.member().token()));
    check(
        "revertPage",
        api.post(page + "/revert", team.member().token(), new JsonObject().put("revision", 1)));
    check("revertPage", api.post(page + "/revert", team.member().token(), new JsonObject()));
    check("publishPage", api.post(page + "/publish", team.moderator().token(), null));
    check("publishPage", api.post(page + "/publish", team.member().token(), null));
    check("unpublishPage", api.post(page + "/unpublish", team.moderator().token(), null));
    check(
        "unpublishPage",
        api.post(Api.page(team.community(), "нет", "unpublish"), team.moderator().token(), null));
  }
}
