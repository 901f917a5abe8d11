package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.Fixtures.TestUser;
import ru.metodichka.TestApp;

/**
 * Real responses, validated with Vert.x's OpenAPI validator against the document the server serves:
 * every operation is called, every status it declares is provoked (but 500 and 503), and every
 * route the server mounts must be in the document.
 */
@ExtendWith(AppExtension.class)
class OpenApiContractIT {
  /** Every route mounted by HttpVerticle, HealthRoutes and the *Routes classes. */
  static final Set<String> MOUNTED_ROUTES =
      Set.of(
          "GET /health",
          "GET /api/openapi.yaml",
          "POST /api/session",
          "DELETE /api/session",
          "GET /api/csrf",
          "POST /api/users",
          "POST /api/users/{login}/identities",
          "GET /api/users/me",
          "GET /api/users",
          "GET /api/users/{login}",
          "PATCH /api/users/{login}",
          "GET /api/users/{login}/events",
          "POST /api/users/{login}/password-reset",
          "POST /api/password-resets/{token}",
          "POST /api/me/password",
          "POST /api/users/import",
          "POST /api/institutions/import",
          "GET /api/communities",
          "POST /api/communities",
          "GET /api/communities/{community}",
          "GET /api/communities/{community}/members",
          "GET /api/communities/{community}/pages/{slug}/checklist",
          "GET /api/review-queue",
          "GET /api/changes",
          "GET /api/communities/{community}/members/history",
          "PUT /api/communities/{community}/members/{login}",
          "DELETE /api/communities/{community}/members/{login}",
          "POST /api/communities/{community}/join-requests",
          "GET /api/communities/{community}/join-requests",
          "DELETE /api/communities/{community}/join-requests/{id}",
          "POST /api/communities/{community}/join-requests/{id}/approve",
          "POST /api/communities/{community}/join-requests/{id}/reject",
          "GET /api/users/me/join-requests",
          "GET /api/communities/{community}/pages",
          "GET /api/communities/{community}/pages/{slug}",
          "PUT /api/communities/{community}/pages/{slug}",
          "GET /api/communities/{community}/pages/{slug}/revisions",
          "GET /api/communities/{community}/pages/{slug}/revisions/{number}",
          "GET /api/communities/{community}/pages/{slug}/diff",
          "GET /api/communities/{community}/pages/{slug}/backlinks",
          "POST /api/communities/{community}/pages/{slug}/revert",
          "POST /api/communities/{community}/pages/{slug}/publish",
          "POST /api/communities/{community}/pages/{slug}/unpublish",
          "POST /api/communities/{community}/pages/{slug}/review",
          "POST /api/communities/{community}/pages/{slug}/request-review",
          "POST /api/communities/{community}/pages/{slug}/return",
          "POST /api/communities/{community}/pages/{slug}/rename",
          "POST /api/communities/{community}/pages/{slug}/move",
          "POST /api/communities/{community}/pages/{slug}/retire",
          "POST /api/communities/{community}/pages/{slug}/restore",
          "POST /api/communities/{community}/preview",
          "GET /api/communities/{community}/plan",
          "GET /api/communities/{community}/plan.docx",
          "POST /api/communities/{community}/plan/items",
          "GET /api/communities/{community}/plan/items/{id}",
          "PATCH /api/communities/{community}/plan/items/{id}",
          "GET /api/communities/{community}/plan/items/{id}/history",
          "GET /api/communities/{community}/structure",
          "PUT /api/communities/{community}/structure",
          "GET /api/communities/{community}/evaluation",
          "GET /api/communities/{community}/evaluation/participants",
          "GET /api/communities/{community}/evaluation/results",
          "GET /api/communities/{community}/evaluation/views",
          "GET /api/communities/{community}/evaluation/citations",
          "GET /api/communities/{community}/evaluation/tasks",
          "GET /api/communities/{community}/evaluation.csv",
          "GET /api/communities/{community}/evaluation.xlsx",
          "GET /api/communities/{community}/evaluation.pdf",
          "PUT /api/communities/{community}/evaluation/publicity",
          "GET /api/communities/{community}/assessments",
          "POST /api/communities/{community}/assessments",
          "GET /api/evaluation",
          "GET /api/evaluation.csv",
          "GET /api/evaluation.pdf",
          "GET /api/search",
          "GET /api/search/suggest",
          "GET /api/orders",
          "POST /api/orders",
          "GET /api/orders/pending",
          "GET /api/orders/draft.docx",
          "GET /api/orders/{id}",
          "GET /api/orders/{id}.docx",
          "GET /api/rubric",
          "PUT /api/rubric",
          "GET /api/experts",
          "PUT /api/experts/{login}",
          "DELETE /api/experts/{login}",
          "POST /api/communities/{community}/expert-reviews",
          "GET /api/communities/{community}/expert-composite",
          "GET /api/expert-reviews",
          "GET /api/expert-reviews/{id}",
          "PUT /api/expert-reviews/{id}/submission",
          "GET /api/communities/{community}/pages/{slug}/comments",
          "POST /api/communities/{community}/pages/{slug}/comments",
          "PATCH /api/communities/{community}/pages/{slug}/comments/{id}",
          "DELETE /api/communities/{community}/pages/{slug}/comments/{id}",
          "POST /api/communities/{community}/pages/{slug}/comments/{id}/hide",
          "GET /api/communities/{community}/pages/{slug}/comments/{id}/versions",
          "POST /api/reports",
          "GET /api/reports",
          "GET /api/reports/mine",
          "POST /api/reports/{id}/resolve",
          "GET /api/communities/{community}/meetings",
          "POST /api/communities/{community}/meetings",
          "GET /api/communities/{community}/meetings/{id}",
          "PATCH /api/communities/{community}/meetings/{id}",
          "POST /api/communities/{community}/meetings/{id}/cancel",
          "PUT /api/communities/{community}/meetings/{id}/rsvp",
          "GET /api/communities/{community}/meetings/{id}/attendance",
          "PUT /api/communities/{community}/meetings/{id}/attendance",
          "POST /api/communities/{community}/import",
          "POST /api/convert/html",
          "GET /api/communities/{community}/pages/{slug}/export.docx",
          "GET /api/communities/{community}/pages/{slug}/export.pdf",
          "GET /api/communities/{community}/pages/{slug}/attachments",
          "POST /api/communities/{community}/pages/{slug}/attachments",
          "GET /api/communities/{community}/pages/{slug}/attachments/{name}",
          "GET /api/communities/{community}/pages/{slug}/attachments/{name}/versions/{number}",
          "GET /api/communities/{community}/pages/{slug}/attachments/{name}/text",
          "GET /api/communities/{community}/pages/{slug}/attachments/{name}/preview",
          "POST /api/communities/{community}/pending-files",
          "GET /api/communities/{community}/pending-files/{token}",
          "GET /api/communities/{community}/pending-files/{token}/{name}",
          "GET /api/communities/{community}/pending-files/{token}/{name}/preview",
          "POST /api/communities/{community}/pending-files/{token}/attach",
          "POST /api/communities/{community}/pages/{slug}/attachments/{name}/hide",
          "PUT /api/watch",
          "DELETE /api/watch",
          "GET /api/watch",
          "GET /api/notifications",
          "POST /api/notifications/read",
          "GET /api/notifications/settings",
          "PUT /api/notifications/settings",
          "POST /api/unsubscribe");

  /** A failing server (500) or database (503, see DatabaseOutageIT) cannot be provoked here. */
  private static final Set<Integer> NOT_PROVOKED = Set.of(500, 503);

  /** Path parameters for operations called generically; nothing by these names exists. */
  private static final Map<String, String> ABSENT =
      Map.of(
          "community",
          "нет-такого",
          "slug",
          "нет",
          "login",
          "nobody",
          "number",
          "1",
          "id",
          "1",
          "token",
          "x",
          "name",
          "нет.txt");

  /** What the generic calls need to get past input checks to the community lookup. */
  private static final Map<String, String> VALID_INPUT =
      Map.ofEntries(
          Map.entry("setMemberRole", "{\"role\":\"member\"}"),
          Map.entry("savePage", "{\"title\":\"Т\",\"markdown\":\"т\"}"),
          Map.entry("revertPage", "{\"revision\":1}"),
          Map.entry("previewMarkdown", "{\"markdown\":\"т\"}"),
          Map.entry("askToJoin", "{}"),
          Map.entry("reviewPage", "{}"),
          Map.entry("requestReview", "{}"),
          Map.entry("returnForWork", "{\"note\":\"т\"}"),
          Map.entry("renamePage", "{\"title\":\"т\"}"),
          Map.entry("movePage", "{\"community\":\"т\"}"),
          Map.entry("rejectJoinRequest", "{\"reason\":\"т\"}"),
          Map.entry("diffRevisions", "?from=1&to=2"),
          Map.entry("postComment", "{\"markdown\":\"т\"}"),
          Map.entry("editComment", "{\"markdown\":\"т\"}"),
          Map.entry("hideComment", "{\"reason\":\"т\"}"),
          Map.entry(
              "createPlanItem",
              "{\"title\":\"Т\",\"form\":\"remote\",\"starts\":\"2026-10-01\",\"due\":\"2026-10-02\"}"),
          Map.entry("editPlanItem", "{\"version\":1,\"status\":\"done\"}"),
          Map.entry("putStructure", "[]"),
          Map.entry(
              "inviteExpert", "{\"expert\":\"x\",\"from\":\"2025-09-01\",\"to\":\"2026-09-01\"}"),
          Map.entry("getExpertComposite", "?from=2025-09-01&to=2026-09-01"),
          Map.entry("setEvaluationPublicity", "{\"public\":true}"),
          Map.entry("hideAttachment", "{\"hidden\":true}"),
          Map.entry("attachPendingFiles", "{\"page\":\"т\"}"),
          Map.entry(
              "createMeeting",
              "{\"title\":\"Т\",\"startsAt\":\"2030-10-01T10:00\",\"endsAt\":\"2030-10-01T11:00\","
                  + "\"form\":\"remote\",\"link\":\"https://example.org\"}"),
          Map.entry("editMeeting", "{\"title\":\"Т\"}"),
          Map.entry("answerMeeting", "{\"answer\":\"yes\"}"),
          Map.entry("recordMeetingAttendance", "{\"logins\":[]}"),
          Map.entry(
              "createAssessment",
              "{\"from\":\"2025-09-01\",\"to\":\"2026-09-01\",\"relevance\":4,"
                  + "\"solution\":3,\"text\":\"т\"}"));

  /** The first save of a page in the page scenarios. */
  private static final JsonObject FIRST =
      new JsonObject()
          .put("title", "Контракт")
          .put("markdown", "Раз\nДва\nТри\nЧетыре\n")
          .put("kind", "practice")
          .put("summary", "Первая версия");

  private static final String JSON = "application/json";
  private static final Vertx VERTX = Vertx.vertx();
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static ServedContract contract;

  @RegisterExtension
  static final TestWatcher COUNT_PASSED =
      new TestWatcher() {
        @Override
        public void testSuccessful(ExtensionContext context) {
          PASSED.incrementAndGet();
        }
      };

  @BeforeAll
  static void loadTheServedDocument(TestApp app) {
    contract = ServedContract.load(VERTX, app);
  }

  /** Skipped when a test failed or was filtered out: its own failure says more. */
  @AfterAll
  static void everyOperationAndDeclaredStatusWasChecked() {
    try {
      long tests =
          Arrays.stream(OpenApiContractIT.class.getDeclaredMethods())
              .filter(m -> m.isAnnotationPresent(Test.class))
              .count();
      if (PASSED.get() == tests) {
        assertThat(contract.unexercised()).as("operations no test called").isEmpty();
        assertThat(contract.unchecked(NOT_PROVOKED))
            .as("declared statuses (by operation) no real response was checked for")
            .isEmpty();
      }
    } finally {
      VERTX.close().await();
    }
  }

  @Test
  void everyMountedRouteIsInTheContractAndNothingElse() {
    assertThat(contract.routes())
        .as("operations of the served document vs MOUNTED_ROUTES")
        .containsExactlyInAnyOrderElementsOf(MOUNTED_ROUTES);
  }

  @Test
  void everyApiOperationRefusesADeadBearerToken(Api api) {
    for (Operation op : contract.contract().operations()) {
      if (op.getOpenAPIPath().startsWith("/api/") && !op.getOperationId().equals("getOpenApi")) {
        Buffer body = op.getRequestBody() == null ? null : Buffer.buffer("{}");
        JsonObject problem =
            contract.expect(op.getOperationId(), 401, call(api, op, "dead-token", body, JSON, ""));
        assertThat(problem.getString("code")).as(op.getOperationId()).isEqualTo("session_expired");
      }
    }
  }

  @Test
  void everyJsonBodyIsRefusedWhenMalformedNotJsonOrTooLarge(Fixtures fx) {
    Buffer tooLarge = Buffer.buffer("{\"x\":\"" + "a".repeat(2_100_000) + "\"}");
    for (Operation op : contract.contract().operations()) {
      if (op.getRequestBody() != null && takesJson(op)) {
        String id = op.getOperationId();
        String admin = fx.adminToken();
        JsonObject malformed =
            contract.expect(id, 400, call(fx.api(), op, admin, Buffer.buffer("{oops"), JSON, ""));
        assertThat(malformed.getString("code")).as(id).isEqualTo("malformed_json");
        contract.expect(id, 415, call(fx.api(), op, admin, Buffer.buffer("{}"), "text/plain", ""));
        contract.expect(id, 413, call(fx.api(), op, admin, tooLarge, JSON, ""));
      }
    }
  }

  @Test
  void everyOperationOnAnUnknownCommunityIs404(Fixtures fx) {
    for (Operation op : contract.contract().operations()) {
      if (op.getOpenAPIPath().contains("{community}")) {
        String input = VALID_INPUT.getOrDefault(op.getOperationId(), "");
        Buffer body = input.startsWith("{") || input.startsWith("[") ? Buffer.buffer(input) : null;
        String query = input.startsWith("?") ? input : "";
        JsonObject problem =
            contract.expect(
                op.getOperationId(), 404, call(fx.api(), op, fx.adminToken(), body, JSON, query));
        assertThat(problem.getString("code"))
            .as(op.getOperationId())
            .isEqualTo("community_not_found");
      }
    }
  }

  /** Wrong passwords for the user from one address (of its own) until the answer is not 401. */
  private static Api.Response guessUntilThrottled(Api api, TestUser user) {
    Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.17");
    Buffer body = credentials(user, "guess").toBuffer();
    Api.Response answer;
    int guesses = 0;
    do {
      answer = api.send(HttpMethod.POST, "/api/session", null, body, JSON, from);
    } while (answer.status() == 401 && ++guesses < 100);
    return answer;
  }

  @Test
  void anArchivedCommunityRefusesEveryChange(Fixtures fx, ru.metodichka.TestApp app)
      throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String page = Api.page(team.community(), "страница");
    fx.save(team.community(), "страница", team.member().token(), "Страница", "Текст.\n", 0);
    fx.save(team.community(), "страница", team.member().token(), "Страница", "Текст 2.\n", 1);
    api.post(page + "/publish", team.moderator().token(), null);
    TestUser newcomer = fx.user("Новичок");
    try (var db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    String members = "/api" + Api.path("communities", team.community(), "members");
    String moderator = team.moderator().token();
    JsonObject member = new JsonObject().put("role", "member");
    for (JsonObject problem :
        List.of(
            contract.expect("revertPage", 409, api.post(page + "/revert", moderator, revision(1))),
            contract.expect("unpublishPage", 409, api.post(page + "/unpublish", moderator, null)),
            contract.expect("publishPage", 409, api.post(page + "/publish", moderator, null)),
            contract.expect(
                "previewMarkdown",
                409,
                api.post(
                    "/api" + Api.path("communities", team.community(), "preview"),
                    moderator,
                    new JsonObject().put("markdown", "*"))),
            contract.expect(
                "setMemberRole",
                409,
                api.put(members + Api.path(newcomer.login()), moderator, member)),
            contract.expect(
                "endMembership",
                409,
                api.delete(members + Api.path(team.member().login()), team.member().token())))) {
      assertThat(problem.getString("code")).isEqualTo("community_archived");
    }
  }

  @Test
  void joinRequests(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    TestUser teacher = fx.user("Учитель");
    TestUser other = fx.user("Другой учитель");
    String base = "/api" + Api.path("communities", team.community(), "join-requests");
    String moderator = team.moderator().token();
    JsonObject asked =
        contract.expect(
            "askToJoin",
            201,
            api.post(base, teacher.token(), new JsonObject().put("message", "Хочу")));
    assertThat(asked.getString("status")).isEqualTo("requested");
    String id = "/" + asked.getLong("id");
    assertThat(
            contract
                .expect("askToJoin", 409, api.post(base, teacher.token(), new JsonObject()))
                .getString("code"))
        .isEqualTo("request_pending");
    contract.expect(
        "askToJoin", 422, api.post(base, other.token(), new JsonObject().put("message", 5)));
    contract.expect("listJoinRequests", 200, api.get(base, moderator));
    contract.expect("listJoinRequests", 403, api.get(base, team.member().token()));
    contract.expect(
        "listMyJoinRequests", 200, api.get("/api/users/me/join-requests", teacher.token()));
    contract.expect(
        "rejectJoinRequest", 422, api.post(base + id + "/reject", moderator, new JsonObject()));
    JsonObject because = new JsonObject().put("reason", "Нет");
    contract.expect(
        "rejectJoinRequest", 403, api.post(base + id + "/reject", team.member().token(), because));
    contract.expect(
        "approveJoinRequest", 403, api.post(base + id + "/approve", teacher.token(), null));
    contract.expect("approveJoinRequest", 400, api.post(base + "/x/approve", moderator, null));
    contract.expect("rejectJoinRequest", 400, api.post(base + "/x/reject", moderator, because));
    contract.expect("withdrawJoinRequest", 400, api.delete(base + "/x", teacher.token()));
    contract.expect("withdrawJoinRequest", 404, api.delete(base + id, other.token()));
    JsonObject approved =
        contract.expect(
            "approveJoinRequest", 200, api.post(base + id + "/approve", moderator, null));
    assertThat(approved.getString("status")).isEqualTo("active");
    contract.expect("approveJoinRequest", 404, api.post(base + id + "/approve", moderator, null));
    contract.expect("rejectJoinRequest", 404, api.post(base + id + "/reject", moderator, because));
    assertThat(
            contract
                .expect("askToJoin", 409, api.post(base, teacher.token(), new JsonObject()))
                .getString("code"))
        .isEqualTo("already_member");
    String otherId =
        "/"
            + contract
                .expect("askToJoin", 201, api.post(base, other.token(), new JsonObject()))
                .getLong("id");
    contract.expect("withdrawJoinRequest", 204, api.delete(base + otherId, other.token()));
    String again =
        "/"
            + contract
                .expect("askToJoin", 201, api.post(base, other.token(), new JsonObject()))
                .getLong("id");
    TestUser third = fx.user("Третий учитель");
    String thirdId =
        "/"
            + contract
                .expect("askToJoin", 201, api.post(base, third.token(), new JsonObject()))
                .getLong("id");
    JsonObject rejected =
        contract.expect(
            "rejectJoinRequest", 200, api.post(base + thirdId + "/reject", moderator, because));
    assertThat(rejected.getString("reason")).isEqualTo("Нет");
    try (var db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    contract.expect(
        "approveJoinRequest", 409, api.post(base + again + "/approve", moderator, null));
    contract.expect(
        "rejectJoinRequest", 409, api.post(base + again + "/reject", moderator, because));
  }

  @Test
  void theReviewWorkflow(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    TestUser outsider = fx.user("Посторонний");
    String page = Api.page(team.community(), "на-проверку");
    String moderator = team.moderator().token();
    String member = team.member().token();
    fx.save(team.community(), "на-проверку", member, "На проверку", "Текст.\n", 0);
    JsonObject none = new JsonObject();
    JsonObject note = new JsonObject().put("note", "Доработать цели");
    contract.expect(
        "requestReview", 403, api.post(page + "/request-review", outsider.token(), none));
    contract.expect(
        "requestReview",
        422,
        api.post(page + "/request-review", member, new JsonObject().put("note", 1)));
    contract.expect("requestReview", 200, api.post(page + "/request-review", member, note));
    contract.expect("requestReview", 409, api.post(page + "/request-review", member, none));
    contract.expect("returnForWork", 403, api.post(page + "/return", member, note));
    contract.expect("returnForWork", 422, api.post(page + "/return", moderator, none));
    contract.expect("returnForWork", 200, api.post(page + "/return", moderator, note));
    contract.expect("returnForWork", 409, api.post(page + "/return", moderator, note));
    contract.expect("reviewPage", 403, api.post(page + "/review", member, none));
    contract.expect(
        "reviewPage",
        422,
        api.post(page + "/review", moderator, new JsonObject().put("revision", 9)));
    JsonObject reviewed =
        contract.expect("reviewPage", 200, api.post(page + "/review", moderator, none));
    assertThat(reviewed.getInteger("reviewedRevision")).isEqualTo(1);
    contract.expect("getPage", 200, api.get(page, null));
    try (var db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    contract.expect("reviewPage", 409, api.post(page + "/review", moderator, none));
  }

  @Test
  void thePublishChecklist(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    TestUser outsider = fx.user("Посторонний");
    String page = Api.page(team.community(), "к-публикации");
    fx.save(
        team.community(), "к-публикации", team.member().token(), "К публикации", "## Цели\n", 0);
    contract.expect("pageChecklist", 403, api.get(page + "/checklist", outsider.token()));
    JsonObject list =
        contract.expect(
            "pageChecklist", 200, api.get(page + "/checklist", team.moderator().token()));
    assertThat(list.getBoolean("complete")).isFalse();
    // The review queue: a page never reviewed (with its checklist), a published one with edits.
    String member = team.member().token();
    String moderator = team.moderator().token();
    api.post(page + "/request-review", member, new JsonObject().put("note", "Проверьте"));
    String open = Api.page(team.community(), "опубликованная");
    fx.save(team.community(), "опубликованная", member, "Опубликованная", "Раз.\n", 0);
    api.post(open + "/publish", moderator, null);
    fx.save(team.community(), "опубликованная", member, "Опубликованная", "Два.\n", 1);
    JsonObject queue = contract.expect("reviewQueue", 200, api.get("/api/review-queue", moderator));
    assertThat(queue.getJsonArray("items")).hasSize(2);
    // Recent changes of the community, paged.
    String changes = "/api/changes?community=" + team.community();
    JsonObject first = contract.expect("recentChanges", 200, api.get(changes + "&limit=1", member));
    contract.expect(
        "recentChanges",
        200,
        api.get(changes + "&limit=1&cursor=" + first.getString("next"), null));
    contract.expect("recentChanges", 400, api.get(changes + "&cursor=x", null));
    contract.expect("recentChanges", 404, api.get("/api/changes?community=нет-такого", null));
    contract.expect("recentChanges", 422, api.get(changes + "&since=вчера", null));
  }

  @Test
  void thePageLifecycle(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String c = team.community();
    String other = fx.community();
    fx.join(other, team.moderator(), "moderator");
    String member = team.member().token();
    String moderator = team.moderator().token();
    fx.save(c, "жизнь", member, "Жизнь страницы", "Текст.\n", 0);
    fx.save(c, "занято", member, "Занято", "Текст.\n", 0);
    String page = Api.page(c, "жизнь");
    TestUser outsider = fx.user("Посторонний");
    JsonObject title = new JsonObject().put("title", "Новая жизнь");

    contract.expect("renamePage", 403, api.post(page + "/rename", outsider.token(), title));
    contract.expect(
        "renamePage", 422, api.post(page + "/rename", member, new JsonObject().put("title", " ")));
    contract.expect(
        "renamePage",
        409,
        api.post(page + "/rename", member, new JsonObject().put("slug", "занято")));
    contract.expect(
        "renamePage",
        200,
        api.post(page + "/rename", member, title.copy().put("slug", "новая-жизнь")));
    contract.expect("renamePage", 308, api.post(page + "/rename", member, title));
    contract.expect("getPage", 301, api.get(page, member));
    contract.expect("savePage", 308, api.put(page, member, FIRST.copy().put("baseRevision", 2)));

    String renamed = Api.page(c, "новая-жизнь");
    JsonObject to = new JsonObject().put("community", other);
    contract.expect("movePage", 403, api.post(renamed + "/move", member, to));
    contract.expect(
        "movePage",
        422,
        api.post(renamed + "/move", moderator, new JsonObject().put("community", c)));
    fx.save(other, "новая-жизнь", moderator, "Занято там", "Текст.\n", 0);
    contract.expect("movePage", 409, api.post(renamed + "/move", moderator, to));
    contract.expect(
        "movePage",
        200,
        api.post(renamed + "/move", moderator, to.copy().put("slug", "жизнь-там")));

    String moved = Api.page(other, "жизнь-там");
    contract.expect("retirePage", 403, api.post(moved + "/retire", member, null));
    contract.expect("restorePage", 409, api.post(moved + "/restore", moderator, null));
    contract.expect("retirePage", 200, api.post(moved + "/retire", moderator, null));
    contract.expect("retirePage", 409, api.post(moved + "/retire", moderator, null));
    contract.expect("restorePage", 403, api.post(moved + "/restore", member, null));
    contract.expect("restorePage", 200, api.post(moved + "/restore", moderator, null));
    JsonObject history =
        contract.expect("listRevisions", 200, api.get(moved + "/revisions", moderator));
    assertThat(history.getJsonArray("items").getJsonObject(0).getJsonArray("lifecycle"))
        .extracting(e -> ((JsonObject) e).getString("kind"))
        .containsExactly("restored", "retired", "moved", "renamed");
  }

  @Test
  void theActivityPlan(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String moderator = team.moderator().token();
    String member = team.member().token();
    String plan = "/api" + Api.path("communities", team.community(), "plan");
    String year = "2030/31";
    JsonObject draft =
        new JsonObject()
            .put("year", year)
            .put("title", "Семинар")
            .put("form", "in-person")
            .put("starts", "2030-10-01")
            .put("due", "2030-10-02")
            .put("responsible", new io.vertx.core.json.JsonArray().add(team.member().login()));
    JsonObject item =
        contract.expect("createPlanItem", 201, api.post(plan + "/items", moderator, draft));
    String path = plan + "/items/" + item.getLong("id");
    contract.expect("createPlanItem", 403, api.post(plan + "/items", member, draft));
    contract.expect(
        "createPlanItem",
        422,
        api.post(plan + "/items", moderator, draft.copy().put("due", "2030-09-01")));
    contract.expect("getPlan", 200, api.get(plan + "?year=" + encode(year), null));
    contract.expect("getPlan", 422, api.get(plan + "?year=2030", null));
    contract.expect("getPlanDocument", 200, api.get(plan + ".docx?year=" + encode(year), null));
    contract.expect("getPlanDocument", 422, api.get(plan + ".docx?asOf=x", null));
    contract.expect("getPlanItem", 200, api.get(path, null));
    contract.expect("getPlanItem", 400, api.get(plan + "/items/x", null));
    contract.expect("getPlanItem", 404, api.get(plan + "/items/999999999", null));
    contract.expect("getPlanItemHistory", 400, api.get(plan + "/items/0/history", null));
    contract.expect("getPlanItemHistory", 404, api.get(plan + "/items/999999999/history", null));
    JsonObject done = new JsonObject().put("version", 1).put("status", "done");
    contract.expect("editPlanItem", 200, patch(api, path, member, done));
    JsonObject stale =
        contract.expect(
            "editPlanItem", 409, patch(api, path, moderator, done.copy().put("title", "Х")));
    assertThat(stale.getJsonObject("current").getInteger("version")).isEqualTo(2);
    contract.expect(
        "editPlanItem",
        403,
        patch(api, path, fx.user("Чужой").token(), done.copy().put("version", 2)));
    contract.expect(
        "editPlanItem", 422, patch(api, path, moderator, new JsonObject().put("title", "Х")));
    contract.expect("editPlanItem", 400, patch(api, plan + "/items/x", moderator, done));
    contract.expect("editPlanItem", 404, patch(api, plan + "/items/999999999", moderator, done));
    JsonObject history =
        contract.expect("getPlanItemHistory", 200, api.get(path + "/history", null));
    assertThat(history.getJsonArray("items")).hasSize(2);
    try (var db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    contract.expect("createPlanItem", 409, api.post(plan + "/items", moderator, draft));
  }

  @Test
  void meetings(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String moderator = team.moderator().token();
    String member = team.member().token();
    String base = "/api" + Api.path("communities", team.community(), "meetings");
    java.time.OffsetDateTime soon = java.time.OffsetDateTime.now().plusDays(2);
    JsonObject draft =
        new JsonObject()
            .put("title", "Заседание")
            .put("startsAt", soon.toString())
            .put("endsAt", soon.plusHours(2).toString())
            .put("form", "remote")
            .put("link", "https://meet.example.org/x")
            .put("agenda", "1. *Итоги*");
    JsonObject created = contract.expect("createMeeting", 201, api.post(base, moderator, draft));
    String path = base + "/" + created.getLong("id");
    contract.expect("createMeeting", 403, api.post(base, member, draft));
    contract.expect(
        "createMeeting", 422, api.post(base, moderator, draft.copy().put("form", "online")));
    contract.expect("listMeetings", 200, api.get(base, null));
    contract.expect("getMeeting", 200, api.get(path, null));
    contract.expect("getMeeting", 200, api.get(path, member));
    contract.expect("getMeeting", 400, api.get(base + "/x", null));
    contract.expect("getMeeting", 404, api.get(base + "/999999999", null));
    JsonObject title = new JsonObject().put("title", "Заседание 2");
    contract.expect("editMeeting", 200, patch(api, path, moderator, title));
    contract.expect("editMeeting", 403, patch(api, path, member, title));
    contract.expect(
        "editMeeting", 422, patch(api, path, moderator, new JsonObject().put("link", "ftp://x")));
    contract.expect("editMeeting", 400, patch(api, base + "/0", moderator, title));
    contract.expect("editMeeting", 404, patch(api, base + "/999999999", moderator, title));
    JsonObject yes = new JsonObject().put("answer", "yes");
    contract.expect("answerMeeting", 200, api.put(path + "/rsvp", member, yes));
    contract.expect(
        "answerMeeting", 403, api.put(path + "/rsvp", fx.user("Посторонний").token(), yes));
    contract.expect(
        "answerMeeting",
        422,
        api.put(path + "/rsvp", member, new JsonObject().put("answer", "возможно")));
    contract.expect("answerMeeting", 400, api.put(base + "/x/rsvp", member, yes));
    contract.expect("answerMeeting", 404, api.put(base + "/999999999/rsvp", member, yes));
    JsonObject logins =
        new JsonObject()
            .put("logins", new io.vertx.core.json.JsonArray().add(team.member().login()));
    contract.expect(
        "recordMeetingAttendance", 409, api.put(path + "/attendance", moderator, logins));
    JsonObject past =
        draft
            .copy()
            .put("startsAt", soon.minusDays(3).toString())
            .put("endsAt", soon.minusDays(3).plusHours(1).toString());
    String held = base + "/" + api.post(base, moderator, past).json().getLong("id");
    contract.expect(
        "recordMeetingAttendance", 200, api.put(held + "/attendance", moderator, logins));
    contract.expect("recordMeetingAttendance", 403, api.put(held + "/attendance", member, logins));
    contract.expect(
        "recordMeetingAttendance",
        422,
        api.put(
            held + "/attendance",
            moderator,
            new JsonObject().put("logins", new io.vertx.core.json.JsonArray().add("никто-нигде"))));
    contract.expect(
        "recordMeetingAttendance", 400, api.put(base + "/x/attendance", moderator, logins));
    contract.expect(
        "recordMeetingAttendance", 404, api.put(base + "/999999999/attendance", moderator, logins));
    contract.expect("getMeetingAttendance", 200, api.get(held + "/attendance", member));
    contract.expect("getMeetingAttendance", 401, api.get(held + "/attendance", null));
    contract.expect(
        "getMeetingAttendance", 403, api.get(held + "/attendance", fx.user("Чужой").token()));
    contract.expect("getMeetingAttendance", 400, api.get(base + "/x/attendance", member));
    contract.expect("getMeetingAttendance", 404, api.get(base + "/999999999/attendance", member));
    contract.expect("cancelMeeting", 403, api.post(path + "/cancel", member, null));
    contract.expect("cancelMeeting", 409, api.post(held + "/cancel", moderator, null));
    contract.expect("cancelMeeting", 200, api.post(path + "/cancel", moderator, null));
    contract.expect("cancelMeeting", 400, api.post(base + "/x/cancel", moderator, null));
    contract.expect("cancelMeeting", 404, api.post(base + "/999999999/cancel", moderator, null));
    contract.expect("answerMeeting", 409, api.put(path + "/rsvp", member, yes));
    contract.expect("editMeeting", 409, patch(api, path, moderator, title));
    contract.expect("cancelMeeting", 401, api.post(path + "/cancel", null, null));
    try (var db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    contract.expect("createMeeting", 409, api.post(base, moderator, draft));
  }

  @Test
  void theStructure(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String moderator = team.moderator().token();
    fx.save(team.community(), "раздел", team.member().token(), "Раздел", "Текст.\n", 0);
    String path = "/api" + Api.path("communities", team.community(), "structure");
    Buffer tree = Buffer.buffer("[{\"slug\":\"раздел\",\"children\":[]}]");
    contract.expect(
        "putStructure", 200, api.send(HttpMethod.PUT, path, moderator, tree, JSON, Map.of()));
    contract.expect("getStructure", 200, api.get(path, null));
    contract.expect(
        "putStructure",
        403,
        api.send(HttpMethod.PUT, path, team.member().token(), tree, JSON, Map.of()));
    contract.expect(
        "putStructure",
        400,
        api.send(HttpMethod.PUT, path, moderator, Buffer.buffer("{}"), JSON, Map.of()));
    contract.expect(
        "putStructure",
        422,
        api.send(
            HttpMethod.PUT,
            path,
            moderator,
            Buffer.buffer("[{\"slug\":\"нет\"}]"),
            JSON,
            Map.of()));
    contract.expect(
        "putStructure",
        409,
        api.send(HttpMethod.PUT, path, moderator, tree, JSON, Map.of("If-Match", "\"0\"")));
  }

  private static Api.Response patch(Api api, String uri, String token, JsonObject body) {
    return api.send(HttpMethod.PATCH, uri, token, body.toBuffer(), JSON, Map.of());
  }

  @Test
  void evaluation(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String moderator = team.moderator().token();
    String member = team.member().token();
    String base = "/api" + Api.path("communities", team.community());
    String period = "?from=2025-09-01&to=2026-09-01";
    Map<String, String> reads =
        Map.of(
            "getEvaluation", "/evaluation",
            "getEvaluationParticipants", "/evaluation/participants",
            "getEvaluationResults", "/evaluation/results",
            "getEvaluationViews", "/evaluation/views",
            "getEvaluationCitations", "/evaluation/citations",
            "getEvaluationTasks", "/evaluation/tasks",
            "listAssessments", "/assessments",
            "getEvaluationCsv", "/evaluation.csv",
            "getEvaluationWorkbook", "/evaluation.xlsx",
            "getEvaluationPdf", "/evaluation.pdf");
    reads.forEach(
        (id, path) -> {
          contract.expect(id, 200, api.get(base + path + period, moderator));
          contract.expect(id, 403, api.get(base + path + period, member));
          contract.expect(id, 422, api.get(base + path + "?from=x&to=2026-09-01", moderator));
        });
    Map<String, String> overview =
        Map.of(
            "getEvaluationOverview", "/api/evaluation",
            "getEvaluationOverviewCsv", "/api/evaluation.csv",
            "getEvaluationOverviewPdf", "/api/evaluation.pdf");
    overview.forEach(
        (id, path) -> {
          contract.expect(id, 200, api.get(path + period, fx.adminToken()));
          contract.expect(id, 403, api.get(path + period, moderator));
          contract.expect(
              id, 422, api.get(path + "?from=2026-09-01&to=2025-09-01", fx.adminToken()));
        });
    JsonObject assessment =
        new JsonObject()
            .put("from", "2025-09-01")
            .put("to", "2026-09-01")
            .put("relevance", 5)
            .put("solution", 4)
            .put("text", "Задачи года решены.");
    contract.expect(
        "createAssessment", 201, api.post(base + "/assessments", moderator, assessment));
    contract.expect("createAssessment", 403, api.post(base + "/assessments", member, assessment));
    contract.expect(
        "createAssessment",
        422,
        api.post(base + "/assessments", moderator, assessment.copy().put("relevance", 0)));
    JsonObject open = new JsonObject().put("public", true);
    contract.expect(
        "setEvaluationPublicity", 200, api.put(base + "/evaluation/publicity", moderator, open));
    contract.expect(
        "setEvaluationPublicity", 403, api.put(base + "/evaluation/publicity", member, open));
    contract.expect(
        "setEvaluationPublicity",
        422,
        api.put(base + "/evaluation/publicity", moderator, new JsonObject().put("public", "да")));
    try (var db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    contract.expect(
        "createAssessment", 409, api.post(base + "/assessments", moderator, assessment));
    contract.expect(
        "setEvaluationPublicity", 409, api.put(base + "/evaluation/publicity", moderator, open));
  }

  @Test
  void orders(Fixtures fx) {
    Api api = fx.api();
    String admin = fx.adminToken();
    Fixtures.Team team = fx.team();
    Fixtures.Team other = fx.team();
    String teacher = team.member().token();
    contract.expect("listPendingChanges", 200, api.get("/api/orders/pending", admin));
    contract.expect("listPendingChanges", 403, api.get("/api/orders/pending", teacher));
    String draft = "/api/orders/draft.docx?community=" + team.community();
    contract.expect("getOrderDraft", 200, api.get(draft, admin));
    contract.expect("getOrderDraft", 403, api.get(draft, teacher));
    contract.expect("getOrderDraft", 400, api.get("/api/orders/draft.docx", admin));
    String unknown = "/api/orders/draft.docx?community=" + encode("нет-такого");
    contract.expect("getOrderDraft", 404, api.get(unknown, admin));
    String date = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();
    JsonObject order =
        new JsonObject()
            .put("number", Fixtures.unique("од-"))
            .put("date", date)
            .put("communities", new io.vertx.core.json.JsonArray().add(team.community()));
    contract.expect("issueOrder", 403, api.post("/api/orders", teacher, order));
    JsonObject issued = contract.expect("issueOrder", 201, api.post("/api/orders", admin, order));
    contract.expect("issueOrder", 422, api.post("/api/orders", admin, order));
    JsonObject sameNumber = order.copy().put("communities", List.of(other.community()));
    contract.expect("issueOrder", 409, api.post("/api/orders", admin, sameNumber));
    String path = "/api/orders/" + issued.getLong("id");
    contract.expect("getOrder", 200, api.get(path, admin));
    contract.expect("getOrder", 403, api.get(path, teacher));
    contract.expect("getOrder", 400, api.get("/api/orders/x", admin));
    contract.expect("getOrder", 404, api.get("/api/orders/2147483647", admin));
    contract.expect("getOrderDocument", 200, api.get(path + ".docx", admin));
    contract.expect("getOrderDocument", 403, api.get(path + ".docx", teacher));
    contract.expect("getOrderDocument", 400, api.get("/api/orders/x.docx", admin));
    contract.expect("getOrderDocument", 404, api.get("/api/orders/2147483647.docx", admin));
    contract.expect("listOrders", 200, api.get("/api/orders", admin));
    contract.expect("listOrders", 403, api.get("/api/orders", teacher));
    String members = "/api" + Api.path("communities", team.community(), "members");
    JsonObject history =
        contract.expect("listMembershipHistory", 200, api.get(members + "/history", admin));
    assertThat(history.getJsonArray("items").getJsonObject(0).getJsonObject("order"))
        .isEqualTo(new JsonObject().put("number", order.getString("number")).put("date", date));
  }

  @Test
  void experts(Fixtures fx) {
    Api api = fx.api();
    String admin = fx.adminToken();
    Fixtures.Team team = fx.team();
    String teacher = team.member().token();
    JsonObject rubric = contract.expect("getRubric", 200, api.get("/api/rubric", null));
    JsonObject criteria = new JsonObject().put("criteria", rubric.getJsonArray("criteria"));
    contract.expect("editRubric", 200, api.put("/api/rubric", admin, criteria));
    contract.expect("editRubric", 403, api.put("/api/rubric", teacher, criteria));
    contract.expect("editRubric", 422, api.put("/api/rubric", admin, new JsonObject()));
    TestUser expert = fx.user("Эксперт");
    String right = "/api" + Api.path("experts", expert.login());
    contract.expect("grantExpertRight", 200, api.put(right, admin, new JsonObject()));
    contract.expect("grantExpertRight", 403, api.put(right, teacher, new JsonObject()));
    contract.expect(
        "grantExpertRight", 404, api.put("/api/experts/nobody-here", admin, new JsonObject()));
    contract.expect("listExperts", 200, api.get("/api/experts", admin));
    contract.expect("listExperts", 403, api.get("/api/experts", teacher));
    String invite = "/api" + Api.path("communities", team.community(), "expert-reviews");
    JsonObject body =
        new JsonObject()
            .put("expert", expert.login())
            .put("from", "2025-09-01")
            .put("to", "2026-09-01");
    JsonObject invited = contract.expect("inviteExpert", 201, api.post(invite, admin, body));
    contract.expect("inviteExpert", 403, api.post(invite, teacher, body));
    contract.expect("inviteExpert", 422, api.post(invite, admin, body.copy().put("to", "вчера")));
    JsonObject conflict =
        contract.expect(
            "inviteExpert",
            409,
            api.post(invite, admin, body.copy().put("expert", teacherLogin(team, fx))));
    assertThat(conflict.getJsonObject("reason").getString("kind")).isEqualTo("member");
    String review = "/api/expert-reviews/" + invited.getLong("id");
    contract.expect("listExpertReviews", 200, api.get("/api/expert-reviews", expert.token()));
    contract.expect("listExpertReviews", 403, api.get("/api/expert-reviews", teacher));
    contract.expect("getExpertReview", 200, api.get(review, expert.token()));
    contract.expect("getExpertReview", 404, api.get(review, teacher));
    contract.expect("getExpertReview", 400, api.get("/api/expert-reviews/x", admin));
    JsonObject scores = new JsonObject();
    rubric.getJsonArray("criteria").forEach(c -> scores.put(((JsonObject) c).getString("code"), 2));
    JsonObject submission = new JsonObject().put("scores", scores).put("recommendation", "revise");
    String submit = review + "/submission";
    contract.expect("submitExpertReview", 403, api.put(submit, teacher, submission));
    contract.expect(
        "submitExpertReview",
        404,
        api.put("/api/expert-reviews/2147483647/submission", expert.token(), submission));
    contract.expect(
        "submitExpertReview",
        422,
        api.put(submit, expert.token(), new JsonObject().put("recommendation", "да")));
    String composite =
        "/api"
            + Api.path("communities", team.community(), "expert-composite")
            + "?from=2025-09-01&to=2026-09-01";
    contract.expect("getExpertComposite", 403, api.get(composite, expert.token()));
    contract.expect("submitExpertReview", 201, api.put(submit, expert.token(), submission));
    contract.expect("submitExpertReview", 200, api.put(submit, expert.token(), submission));
    JsonObject read =
        contract.expect("getExpertComposite", 200, api.get(composite, expert.token()));
    assertThat(read.getJsonObject("experts").getInteger("reviews")).isEqualTo(1);
    contract.expect("getExpertComposite", 200, api.get(composite, team.moderator().token()));
    contract.expect("getExpertComposite", 403, api.get(composite, teacher));
    contract.expect(
        "getExpertComposite",
        422,
        api.get(
            "/api" + Api.path("communities", team.community(), "expert-composite") + "?from=x",
            admin));
    contract.expect("withdrawExpertRight", 204, api.delete(right, admin));
    contract.expect("withdrawExpertRight", 403, api.delete(right, teacher));
    contract.expect("withdrawExpertRight", 404, api.delete("/api/experts/nobody-here", admin));
  }

  /** A new member of the team's community who holds the expert right: not independent. */
  private static String teacherLogin(Fixtures.Team team, Fixtures fx) {
    TestUser member = fx.user("Участник и эксперт");
    fx.join(team.community(), member, "member");
    var granted =
        fx.api()
            .put("/api" + Api.path("experts", member.login()), fx.adminToken(), new JsonObject());
    assertThat(granted.status()).isEqualTo(200);
    return member.login();
  }

  private static JsonObject revision(int number) {
    return new JsonObject().put("revision", number);
  }

  @Test
  void discussionAndEthicsReports(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String moderator = team.moderator().token();
    String member = team.member().token();
    TestUser outsider = fx.user("Читатель");
    fx.save(team.community(), "обсуждаемая", member, "Обсуждаемая", "Текст.\n", 0);
    fx.save(team.community(), "обсуждаемая", member, "Обсуждаемая", "Текст 2.\n", 1);
    String page = Api.page(team.community(), "обсуждаемая");
    api.post(page + "/publish", moderator, null);
    String comments = page + "/comments";
    JsonObject text = new JsonObject().put("markdown", "Спасибо, **полезно**.");
    JsonObject first =
        contract.expect("postComment", 201, api.post(comments, outsider.token(), text));
    String path = comments + "/" + first.getLong("id");
    contract.expect(
        "postComment",
        201,
        api.post(comments, member, text.copy().put("replyTo", first.getLong("id"))));
    contract.expect(
        "postComment", 422, api.post(comments, member, new JsonObject().put("markdown", " ")));
    contract.expect(
        "postComment",
        404,
        api.post(Api.page(team.community(), "нет") + "/comments", member, text));
    JsonObject discussion = contract.expect("listComments", 200, api.get(comments, null));
    assertThat(discussion.getInteger("count")).isEqualTo(2);
    contract.expect(
        "listComments", 404, api.get(Api.page(team.community(), "нет") + "/comments", null));
    contract.expect("editComment", 200, patch(api, path, outsider.token(), text));
    contract.expect("editComment", 403, patch(api, path, member, text));
    contract.expect("editComment", 422, patch(api, path, outsider.token(), new JsonObject()));
    contract.expect("editComment", 400, patch(api, comments + "/x", outsider.token(), text));
    contract.expect(
        "editComment", 404, patch(api, comments + "/999999999", outsider.token(), text));
    contract.expect("listCommentVersions", 200, api.get(path + "/versions", moderator));
    contract.expect("listCommentVersions", 403, api.get(path + "/versions", member));
    contract.expect("listCommentVersions", 400, api.get(comments + "/x/versions", moderator));
    contract.expect(
        "listCommentVersions", 404, api.get(comments + "/999999999/versions", moderator));
    JsonObject report =
        new JsonObject()
            .put(
                "target",
                new JsonObject()
                    .put("kind", "comment")
                    .put("community", team.community())
                    .put("slug", "обсуждаемая")
                    .put("comment", first.getLong("id")))
            .put("reason", "offensive")
            .put("text", "Грубо");
    JsonObject filed = contract.expect("fileReport", 201, api.post("/api/reports", member, report));
    contract.expect(
        "fileReport", 422, api.post("/api/reports", member, new JsonObject().put("reason", "x")));
    contract.expect(
        "fileReport",
        404,
        api.post(
            "/api/reports",
            member,
            report
                .copy()
                .put("target", report.getJsonObject("target").copy().put("comment", 999999))));
    contract.expect("listReports", 200, api.get("/api/reports?status=open", moderator));
    contract.expect("listReports", 400, api.get("/api/reports?status=x", moderator));
    contract.expect("listMyReports", 200, api.get("/api/reports/mine", member));
    String resolve = "/api/reports/" + filed.getLong("id") + "/resolve";
    JsonObject hidden = new JsonObject().put("action", "hidden").put("note", "Скрыто");
    contract.expect("resolveReport", 403, api.post(resolve, member, hidden));
    contract.expect(
        "resolveReport", 422, api.post(resolve, moderator, new JsonObject().put("action", "x")));
    contract.expect("resolveReport", 400, api.post("/api/reports/x/resolve", moderator, hidden));
    contract.expect(
        "resolveReport", 404, api.post("/api/reports/999999999/resolve", moderator, hidden));
    contract.expect("resolveReport", 200, api.post(resolve, moderator, hidden));
    contract.expect("resolveReport", 409, api.post(resolve, moderator, hidden));
    contract.expect("editComment", 409, patch(api, path, outsider.token(), text));
    JsonObject reason = new JsonObject().put("reason", "Не по теме");
    contract.expect("hideComment", 200, api.post(path + "/hide", moderator, reason));
    contract.expect("hideComment", 403, api.post(path + "/hide", member, reason));
    contract.expect("hideComment", 422, api.post(path + "/hide", moderator, new JsonObject()));
    contract.expect("hideComment", 400, api.post(comments + "/x/hide", moderator, reason));
    contract.expect("hideComment", 404, api.post(comments + "/999999999/hide", moderator, reason));
    contract.expect("deleteComment", 403, api.delete(path, member));
    contract.expect("deleteComment", 400, api.delete(comments + "/x", member));
    contract.expect("deleteComment", 404, api.delete(comments + "/999999999", member));
    contract.expect("deleteComment", 204, api.delete(path, outsider.token()));
    try (var db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    contract.expect("postComment", 409, api.post(comments, member, text));
    contract.expect("hideComment", 409, api.post(path + "/hide", moderator, reason));
  }

  @Test
  void aConflictSettledHunkByHunkIsMarkedInTheHistory(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    String page = Api.page(team.community(), "разрешение");
    fx.save(team.community(), "разрешение", member, "Т", "Раз\nДва\nТри\n", 0);
    fx.save(team.community(), "разрешение", member, "Т", "Раз\nДва (их)\nТри\n", 1);
    JsonObject mine = new JsonObject().put("title", "Т").put("markdown", "Раз\nДва (моё)\nТри\n");
    contract.expect("savePage", 409, api.put(page, member, mine.copy().put("baseRevision", 1)));
    JsonObject settle =
        mine.copy()
            .put("baseRevision", 1)
            .put("resolvesConflictWith", 2)
            .put(
                "choices",
                new io.vertx.core.json.JsonArray().add(new JsonObject().put("text", "Два")));
    contract.expect(
        "savePage",
        422,
        api.put(page, member, settle.copy().put("choices", new io.vertx.core.json.JsonArray())));
    contract.expect("savePage", 200, api.put(page, member, settle));
    JsonObject history =
        contract.expect("listRevisions", 200, api.get(page + "/revisions", member));
    assertThat(history.getJsonArray("items").getJsonObject(0).getInteger("resolvedConflictWith"))
        .isEqualTo(2);
    JsonObject third = contract.expect("getRevision", 200, api.get(page + "/revisions/3", member));
    assertThat(third.getInteger("resolvedConflictWith")).isEqualTo(2);
  }

  @Test
  void serviceAndSessions(Fixtures fx) {
    Api api = fx.api();
    contract.expect("health", 200, api.get("/health", null));
    contract.expect("getOpenApi", 200, api.get("/api/openapi.yaml", null));
    TestUser user = fx.user("Учитель");
    JsonObject login =
        contract.expect(
            "login", 200, api.post("/api/session", null, credentials(user, Fixtures.PASSWORD)));
    String token = login.getString("token");
    contract.expect("login", 401, api.post("/api/session", null, credentials(user, "wrong!")));
    contract.expect(
        "login", 429, guessUntilThrottled(api, fx.user("Учитель, чей пароль угадывают")));
    JsonObject noPassword = new JsonObject().put("login", user.login());
    contract.expect("login", 422, api.post("/api/session", null, noPassword));
    contract.expect("getMe", 200, api.get("/api/users/me", token));
    contract.expect("getCsrfToken", 200, api.get("/api/csrf", null));
    contract.expect("getMe", 401, api.get("/api/users/me", null));
    contract.expect("logout", 204, api.delete("/api/session", token));
    contract.expect("logout", 204, api.delete("/api/session", null));
    contract.expect("getMe", 401, api.get("/api/users/me", token));
  }

  @Test
  void creatingUsers(Fixtures fx) {
    Api api = fx.api();
    JsonObject user =
        new JsonObject()
            .put("login", Fixtures.unique("oa"))
            .put("password", "long-password")
            .put("name", "Учитель")
            .put("institution", "Лицей № 1");
    contract.expect("createUser", 201, api.post("/api/users", fx.adminToken(), user));
    contract.expect("createUser", 409, api.post("/api/users", fx.adminToken(), user));
    contract.expect("createUser", 401, api.post("/api/users", null, user));
    contract.expect("createUser", 403, api.post("/api/users", fx.user("У").token(), user));
    JsonObject bad = new JsonObject().put("login", "я").put("password", "short");
    contract.expect("createUser", 422, api.post("/api/users", fx.adminToken(), bad));
  }

  @Test
  void managingAccounts(Fixtures fx) {
    Api api = fx.api();
    String admin = fx.adminToken();
    TestUser teacher = fx.user("Учитель, чьей записью управляют");
    String user = "/api" + Api.path("users", teacher.login());
    String stranger = fx.user("Посторонний").token();

    contract.expect("listUsers", 200, api.get("/api/users?q=" + teacher.login(), admin));
    contract.expect("listUsers", 400, api.get("/api/users?limit=0", admin));
    contract.expect("listUsers", 401, api.get("/api/users", null));
    contract.expect("listUsers", 403, api.get("/api/users", stranger));
    contract.expect("getUser", 200, api.get(user, admin));
    contract.expect("getUser", 401, api.get(user, null));
    contract.expect("getUser", 403, api.get(user, stranger));
    contract.expect("getUser", 404, api.get("/api/users/nobody-here", admin));

    JsonObject change = new JsonObject().put("position", "учитель музыки").put("methodist", true);
    contract.expect("updateUser", 200, patch(api, user, admin, change));
    contract.expect("updateUser", 400, patch(api, user, admin, new JsonObject()));
    contract.expect("updateUser", 401, patch(api, user, null, change));
    contract.expect("updateUser", 403, patch(api, user, stranger, change));
    contract.expect("updateUser", 404, patch(api, "/api/users/nobody-here", admin, change));
    contract.expect(
        "updateUser",
        409,
        patch(api, "/api/users/admin", admin, new JsonObject().put("disabled", true)));
    contract.expect(
        "updateUser", 422, patch(api, user, admin, new JsonObject().put("email", "нет")));
    contract.expect("getUserEvents", 200, api.get(user + "/events", admin));
    contract.expect("getUserEvents", 401, api.get(user + "/events", null));
    contract.expect("getUserEvents", 403, api.get(user + "/events", stranger));
    contract.expect("getUserEvents", 404, api.get("/api/users/nobody-here/events", admin));

    JsonObject link =
        contract.expect("issuePasswordReset", 201, api.post(user + "/password-reset", admin, null));
    String token = link.getString("url").substring(link.getString("url").lastIndexOf('/') + 1);
    contract.expect("issuePasswordReset", 401, api.post(user + "/password-reset", null, null));
    contract.expect("issuePasswordReset", 403, api.post(user + "/password-reset", stranger, null));
    contract.expect(
        "issuePasswordReset", 404, api.post("/api/users/nobody-here/password-reset", admin, null));
    String reset = "/api/password-resets/" + token;
    contract.expect(
        "redeemPasswordReset", 422, api.post(reset, null, new JsonObject().put("password", "x")));
    contract.expect(
        "redeemPasswordReset",
        204,
        api.post(reset, null, new JsonObject().put("password", "new-password-42")));
    contract.expect(
        "redeemPasswordReset",
        404,
        api.post(reset, null, new JsonObject().put("password", "new-password-42")));

    String session =
        contract
            .expect(
                "login",
                200,
                api.post("/api/session", null, credentials(teacher, "new-password-42")))
            .getString("token");
    JsonObject wrongOld = new JsonObject().put("old", "not-it").put("new", "other-password-42");
    contract.expect("changeOwnPassword", 401, api.post("/api/me/password", null, wrongOld));
    contract.expect("changeOwnPassword", 422, api.post("/api/me/password", session, wrongOld));
    contract.expect(
        "changeOwnPassword",
        204,
        api.post(
            "/api/me/password",
            session,
            new JsonObject().put("old", "new-password-42").put("new", "other-password-42")));
    Api.Response answer;
    int guesses = 0;
    do {
      answer =
          api.send(
              HttpMethod.POST,
              "/api/me/password",
              session,
              wrongOld.toBuffer(),
              JSON,
              Map.of("X-Forwarded-For", "203.0.113.29"));
    } while (answer.status() == 422 && ++guesses < 100);
    contract.expect("changeOwnPassword", 429, answer);

    // Another person, disabled: their right password is refused with 403, and no link is issued.
    TestUser former = fx.user("Бывший учитель");
    String formerUri = "/api" + Api.path("users", former.login());
    contract.expect(
        "updateUser", 200, patch(api, formerUri, admin, new JsonObject().put("disabled", true)));
    contract.expect(
        "login", 403, api.post("/api/session", null, credentials(former, Fixtures.PASSWORD)));
    contract.expect(
        "issuePasswordReset", 409, api.post(formerUri + "/password-reset", admin, null));

    String login = Fixtures.unique("oa");
    String file = "login;name\n" + login + ";Импорт\n";
    contract.expect("importUsers", 200, csv(api, "/api/users/import", admin, file));
    contract.expect("importUsers", 201, csv(api, "/api/users/import?dryRun=false", admin, file));
    contract.expect("importUsers", 422, csv(api, "/api/users/import?dryRun=false", admin, file));
    contract.expect("importUsers", 400, csv(api, "/api/users/import?dryRun=maybe", admin, file));
    contract.expect("importUsers", 401, csv(api, "/api/users/import", null, file));
    contract.expect("importUsers", 403, csv(api, "/api/users/import", stranger, file));
    contract.expect(
        "importUsers",
        415,
        api.send(HttpMethod.POST, "/api/users/import", admin, Buffer.buffer("{}"), JSON, Map.of()));
    String places = "name\nШкола " + login + "\n";
    contract.expect("importInstitutions", 200, csv(api, "/api/institutions/import", admin, places));
    contract.expect(
        "importInstitutions",
        201,
        csv(api, "/api/institutions/import?dryRun=false", admin, places));
    contract.expect(
        "importInstitutions",
        422,
        csv(api, "/api/institutions/import?dryRun=false", admin, places));
    contract.expect("importInstitutions", 401, csv(api, "/api/institutions/import", null, places));
    contract.expect(
        "importInstitutions", 403, csv(api, "/api/institutions/import", stranger, places));
    contract.expect(
        "importInstitutions",
        415,
        api.send(
            HttpMethod.POST,
            "/api/institutions/import",
            admin,
            Buffer.buffer("{}"),
            JSON,
            Map.of()));
  }

  private static Api.Response csv(Api api, String uri, String token, String text) {
    return api.send(HttpMethod.POST, uri, token, Buffer.buffer(text), "text/plain", Map.of());
  }

  @Test
  void linkingIdentities(Fixtures fx) {
    Api api = fx.api();
    String login = fx.user("Связь").login();
    String path = "/api/users/" + login + "/identities";
    JsonObject identity =
        new JsonObject()
            .put("issuer", "https://sso.example.ru/realms/district")
            .put("subject", Fixtures.unique("sub"));
    contract.expect("linkIdentity", 201, api.post(path, fx.adminToken(), identity));
    contract.expect("linkIdentity", 409, api.post(path, fx.adminToken(), identity));
    contract.expect("linkIdentity", 401, api.post(path, null, identity));
    contract.expect("linkIdentity", 403, api.post(path, fx.user("Л").token(), identity));
    contract.expect(
        "linkIdentity",
        404,
        api.post("/api/users/nobody-here/identities", fx.adminToken(), identity));
    contract.expect(
        "linkIdentity",
        422,
        api.post(path, fx.adminToken(), new JsonObject().put("issuer", "https://x")));
  }

  @Test
  void creatingAndReadingCommunities(Fixtures fx) {
    Api api = fx.api();
    String admin = fx.adminToken();
    String slug = "сообщество-" + Fixtures.unique("oa");
    JsonObject body = new JsonObject().put("slug", slug).put("name", "Сообщество").put("task", "З");
    Api.Response created = api.post("/api/communities", admin, body);
    contract.expect("createCommunity", 201, created);
    assertThat(URLDecoder.decode(created.headers().get("Location"), StandardCharsets.UTF_8))
        .as("Location of the new community")
        .isEqualTo("/api/communities/" + slug);
    body.put("slug", slug.toUpperCase(Locale.ROOT));
    contract.expect("createCommunity", 409, api.post("/api/communities", admin, body));
    contract.expect(
        "createCommunity", 403, api.post("/api/communities", fx.user("У").token(), body));
    body.put("slug", "два слова").remove("task");
    contract.expect("createCommunity", 422, api.post("/api/communities", admin, body));
    contract.expect("listCommunities", 200, api.get("/api/communities", null));
    contract.expect("getCommunity", 200, api.get("/api" + Api.path("communities", slug), null));
  }

  @Test
  void membershipsAndTheirHistory(Fixtures fx) {
    Api api = fx.api();
    String admin = fx.adminToken();
    TestUser teacher = fx.user("Учитель");
    TestUser methodist = fx.methodist("Методист");
    String members = "/api" + Api.path("communities", fx.community(), "members");
    String teacherPath = members + Api.path(teacher.login());
    String methodistPath = members + Api.path(methodist.login());
    JsonObject order = new JsonObject().put("number", "12-о").put("date", "2026-10-01");
    JsonObject asModerator = new JsonObject().put("role", "moderator").put("order", order);
    JsonObject asMember = new JsonObject().put("role", "member");
    contract.expect("setMemberRole", 201, api.put(methodistPath, admin, asModerator));
    contract.expect("setMemberRole", 201, api.put(teacherPath, admin, asMember));
    contract.expect("setMemberRole", 200, api.put(teacherPath, methodist.token(), asMember));
    contract.expect("setMemberRole", 403, api.put(methodistPath, teacher.token(), asMember));
    contract.expect("setMemberRole", 404, api.put(members + "/nobody", admin, asMember));
    JsonObject wrong =
        new JsonObject().put("role", "boss").put("order", new JsonObject().put("date", "вчера"));
    contract.expect("setMemberRole", 422, api.put(teacherPath, admin, wrong));
    contract.expect("listMembers", 200, api.get(members, null));
    JsonObject me = contract.expect("getMe", 200, api.get("/api/users/me", teacher.token()));
    assertThat(me.getJsonArray("memberships").size()).as("teacher's memberships").isEqualTo(1);
    contract.expect("listMembershipHistory", 401, api.get(members + "/history", null));
    contract.expect("listMembershipHistory", 403, api.get(members + "/history", teacher.token()));
    contract.expect("endMembership", 403, api.delete(methodistPath, teacher.token()));
    // Only methodists may be moderators, and only the centre appoints them.
    contract.expect("setMemberRole", 422, api.put(teacherPath, admin, asModerator));
    contract.expect("setMemberRole", 403, api.put(teacherPath, methodist.token(), asModerator));
    contract.expect("endMembership", 204, api.delete(teacherPath, teacher.token()));
    contract.expect("endMembership", 404, api.delete(teacherPath, teacher.token()));
    contract.expect("endMembership", 422, api.delete(methodistPath + "?reason=bored", admin));
    contract.expect("endMembership", 204, api.delete(methodistPath + "?note=x", admin));
    JsonObject history =
        contract.expect("listMembershipHistory", 200, api.get(members + "/history", admin));
    assertThat(history.getJsonArray("items").size()).as("periods, ended ones too").isEqualTo(2);
  }

  @Test
  void savingAPage(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    String page = Api.page(team.community(), "контракт");
    Map<String, String> key = Map.of("Idempotency-Key", Fixtures.unique("key"));
    contract.expect("savePage", 201, put(api, page, member, FIRST, key));
    contract.expect("savePage", 201, put(api, page, member, FIRST, key));
    contract.expect("savePage", 422, put(api, page, member, FIRST.copy().put("summary", ""), key));
    Map<String, String> badKey = Map.of("Idempotency-Key", "two words");
    contract.expect("savePage", 400, put(api, page, member, FIRST, badKey));
    String moderator = team.moderator().token();
    contract.expect("savePage", 200, api.put(page, moderator, edit(1, "Раз!\nДва\nТри\nЧетыре\n")));
    JsonObject merged =
        contract.expect(
            "savePage", 200, api.put(page, member, edit(1, "Раз\nДва\nТри\nЧетыре!\n")));
    assertThat(merged.getBoolean("merged")).as("a clean three-way merge").isTrue();
    contract.expect("savePage", 409, api.put(page, member, edit(1, "Раз?\nДва\nТри\nЧетыре\n")));
    JsonObject same =
        contract.expect(
            "savePage", 200, api.put(page, member, edit(3, "Раз!\nДва\nТри\nЧетыре!\n")));
    assertThat(same.getBoolean("unchanged")).as("the current text saved again").isTrue();
    contract.expect("savePage", 401, api.put(page, null, FIRST));
    contract.expect("savePage", 403, api.put(page, fx.user("Чужой").token(), FIRST));
    contract.expect("savePage", 422, api.put(page, member, new JsonObject().put("title", 1)));
    String twoWords = Api.page(team.community(), "два слова");
    contract.expect("savePage", 400, api.put(twoWords, member, FIRST));
    String missing = Api.page(team.community(), "нет");
    contract.expect("savePage", 404, api.put(missing, member, edit(5, "Текст\n")));
  }

  @Test
  void readingAPageAndItsHistory(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    String page = threeRevisions(fx, team);
    fx.save(team.community(), "ссылка", member, "Ссылка", "См. [[Контракт]].\n", 0);
    contract.expect("listPages", 200, api.get(pages(team.community()), member));
    String part = pages(team.community()) + "?limit=1";
    JsonObject first = contract.expect("listPages", 200, api.get(part, member));
    assertThat(first.getString("next")).as("a second page follows").isNotBlank();
    contract.expect("listPages", 200, api.get(part + "&after=" + first.getString("next"), member));
    contract.expect("listPages", 400, api.get(pages(team.community()) + "?limit=0", member));
    contract.expect("listPages", 400, api.get(pages(team.community()) + "?after=x.y", member));
    contract.expect("getPage", 200, api.get(page, member));
    contract.expect("getPage", 404, api.get(page, null));
    Map<String, String> english = Map.of("Accept-Language", "en");
    JsonObject problem =
        contract.expect("getPage", 404, api.send(HttpMethod.GET, page, null, null, null, english));
    assertThat(problem.getString("title")).as("English problem title").matches("[ -~]+");
    contract.expect("listRevisions", 200, api.get(page + "/revisions?before=3&limit=1", member));
    contract.expect("listRevisions", 400, api.get(page + "/revisions?limit=0", member));
    contract.expect("getRevision", 200, api.get(page + "/revisions/1", member));
    contract.expect("getRevision", 400, api.get(page + "/revisions/0", member));
    contract.expect("getRevision", 404, api.get(page + "/revisions/99", member));
    JsonObject diff =
        contract.expect("diffRevisions", 200, api.get(page + "/diff?from=1&to=3", member));
    assertThat(diff.encode()).as("changed lines carry word segments").contains("\"words\"");
    contract.expect("diffRevisions", 400, api.get(page + "/diff?from=1", member));
    JsonObject backlinks =
        contract.expect("listBacklinks", 200, api.get(page + "/backlinks", member));
    assertThat(backlinks.getJsonArray("items").size()).as("pages linking here").isEqualTo(1);
  }

  @Test
  void revertingAndPublishing(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    String moderator = team.moderator().token();
    String page = threeRevisions(fx, team);
    JsonObject revision = new JsonObject().put("revision", 1);
    contract.expect("revertPage", 200, api.post(page + "/revert", member, revision));
    contract.expect("revertPage", 403, api.post(page + "/revert", fx.user("Ч").token(), revision));
    JsonObject absent = new JsonObject().put("revision", 99);
    contract.expect("revertPage", 404, api.post(page + "/revert", member, absent));
    contract.expect("revertPage", 422, api.post(page + "/revert", member, new JsonObject()));
    contract.expect("publishPage", 200, api.post(page + "/publish", moderator, null));
    contract.expect("getPage", 200, api.get(page, null));
    contract.expect("publishPage", 403, api.post(page + "/publish", member, null));
    // U+0000 can never be in a slug: such a page does not exist, as for GET.
    String unstorable = Api.page(team.community(), "a\u0000b");
    contract.expect("publishPage", 404, api.post(unstorable + "/publish", moderator, null));
    contract.expect("unpublishPage", 404, api.post(unstorable + "/unpublish", moderator, null));
    contract.expect("unpublishPage", 403, api.post(page + "/unpublish", member, null));
    contract.expect("unpublishPage", 200, api.post(page + "/unpublish", moderator, null));
    String missing = Api.page(team.community(), "нет", "unpublish");
    contract.expect("unpublishPage", 404, api.post(missing, moderator, null));
  }

  @Test
  void wordInAndOut(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    fx.save(team.community(), "вордовская", member, "Вордовская", "# Вордовская\n\nТекст.\n", 0);
    String page = Api.page(team.community(), "вордовская");
    String stranger = fx.user("Посторонний").token();
    for (String format : List.of("docx", "pdf")) {
      String op = format.equals("docx") ? "exportPageDocx" : "exportPagePdf";
      contract.expect(op, 200, api.get(page + "/export." + format, member));
      contract.expect(op, 400, api.get(page + "/export." + format + "?revision=x", member));
      contract.expect(op, 404, api.get(page + "/export." + format, stranger));
    }
    String importing = "/api" + Api.path("communities", team.community(), "import");
    String docx = "application/octet-stream";
    Buffer lesson = Buffer.buffer(ru.metodichka.wordio.WordDocs.lessonPlan());
    contract.expect(
        "importWordDocument",
        200,
        api.send(HttpMethod.POST, importing, member, lesson, docx, Map.of()));
    contract.expect(
        "importWordDocument",
        401,
        api.send(HttpMethod.POST, importing, null, lesson, docx, Map.of()));
    contract.expect(
        "importWordDocument",
        403,
        api.send(HttpMethod.POST, importing, stranger, lesson, docx, Map.of()));
    contract.expect(
        "importWordDocument",
        422,
        api.send(HttpMethod.POST, importing, member, Buffer.buffer("PK?"), docx, Map.of()));
    contract.expect(
        "importWordDocument",
        413,
        tooLargeUpload(app.app().port(), importing, member, "----contract"));
    JsonObject html = new JsonObject().put("html", "<h2>Цели</h2><ul><li>одна</li></ul>");
    JsonObject md =
        contract.expect("convertHtml", 200, api.post("/api/convert/html", member, html));
    assertThat(md.getString("markdown")).isEqualTo("## Цели\n\n- одна\n");
    contract.expect("convertHtml", 401, api.post("/api/convert/html", null, html));
    contract.expect("convertHtml", 422, api.post("/api/convert/html", member, new JsonObject()));
  }

  @Test
  void previewingMarkdown(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String preview = "/api" + Api.path("communities", team.community(), "preview");
    JsonObject markdown = new JsonObject().put("markdown", "# Заголовок\n\n[[Нет такой]]\n");
    JsonObject html =
        contract.expect("previewMarkdown", 200, api.post(preview, team.member().token(), markdown));
    assertThat(html.getString("html")).contains("<h1", "wikilink-missing");
    contract.expect("previewMarkdown", 401, api.post(preview, null, markdown));
    contract.expect("previewMarkdown", 403, api.post(preview, fx.user("Чужой").token(), markdown));
    Map<String, String> cookie = Map.of("Cookie", "mtd_session=" + team.member().token());
    contract.expect(
        "previewMarkdown",
        403,
        api.send(HttpMethod.POST, preview, null, markdown.toBuffer(), JSON, cookie));
    contract.expect(
        "previewMarkdown", 422, api.post(preview, team.member().token(), new JsonObject()));
  }

  @Test
  void watchingAndNotifications(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    fx.save(team.community(), "наблюдаемая", member, "Наблюдаемая", "1\n", 0);
    fx.save(team.community(), "наблюдаемая", team.moderator().token(), "Наблюдаемая", "2\n", 1);
    JsonObject whole = new JsonObject().put("community", team.community());
    Buffer wholeBody = whole.toBuffer();
    contract.expect("watch", 204, api.put("/api/watch", member, whole));
    contract.expect(
        "watch", 404, api.put("/api/watch", member, whole.copy().put("slug", "нет-такой")));
    contract.expect("watch", 422, api.put("/api/watch", member, new JsonObject()));
    JsonObject watches = contract.expect("listWatches", 200, api.get("/api/watch", member));
    assertThat(watches.getJsonArray("items")).hasSize(2);
    contract.expect(
        "unwatch",
        204,
        api.send(HttpMethod.DELETE, "/api/watch", member, wholeBody, JSON, Map.of()));
    contract.expect(
        "unwatch",
        404,
        api.send(HttpMethod.DELETE, "/api/watch", member, wholeBody, JSON, Map.of()));
    contract.expect(
        "unwatch",
        422,
        api.send(HttpMethod.DELETE, "/api/watch", member, Buffer.buffer("{}"), JSON, Map.of()));
    JsonObject list =
        contract.expect("listNotifications", 200, api.get("/api/notifications?limit=1", member));
    assertThat(list.getJsonArray("items")).hasSize(1);
    contract.expect(
        "markNotificationsRead",
        200,
        api.post("/api/notifications/read", member, new JsonObject().put("all", true)));
    contract.expect(
        "markNotificationsRead",
        422,
        api.post("/api/notifications/read", member, new JsonObject().put("ids", "все")));
    contract.expect("getNotificationSettings", 200, api.get("/api/notifications/settings", member));
    JsonObject digest =
        new JsonObject().put("delivery", new JsonObject().put("page-changed", "digest"));
    contract.expect(
        "putNotificationSettings", 200, api.put("/api/notifications/settings", member, digest));
    contract.expect(
        "putNotificationSettings",
        422,
        api.put(
            "/api/notifications/settings",
            member,
            new JsonObject().put("delivery", new JsonObject().put("page-changed", "weekly"))));
    long id;
    try (var db = app.jdbc();
        var query = db.prepareStatement("SELECT id FROM users WHERE login = ?")) {
      query.setString(1, team.member().login());
      try (var rows = query.executeQuery()) {
        rows.next();
        id = rows.getLong(1);
      }
    }
    String token = app.app().parts().mailOutbox().unsubscribeToken(id);
    contract.expect("unsubscribe", 200, api.post("/api/unsubscribe?token=" + token, null, null));
    contract.expect("unsubscribe", 404, api.post("/api/unsubscribe?token=1.all.x", null, null));
  }

  @Test
  void searching(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    fx.save(team.community(), "гидропоника", team.member().token(), "Гидропоника", "Опыт.", 0);
    String query = "/api/search?q=" + encode("гидропоника") + "&community=" + team.community();
    JsonObject found =
        Eventually.until(
            "the new page to be searchable",
            Duration.ofSeconds(10),
            () -> contract.expect("search", 200, api.get(query, team.member().token())),
            result -> result.getLong("total") > 0);
    assertThat(found.getJsonArray("items")).hasSize(1);
    contract.expect("search", 400, api.get("/api/search?sort=loudest", null));
    JsonObject titles =
        contract.expect(
            "suggestTitles",
            200,
            api.get("/api/search/suggest?q=" + encode("гидро"), team.member().token()));
    assertThat(titles.getJsonArray("items")).isNotEmpty();
    contract.expect("suggestTitles", 400, api.get("/api/search/suggest?size=0", null));
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Page "контракт" with revisions 1, 2 (moderator) and 3 (member's edit of 1, merged). */
  private static String threeRevisions(Fixtures fx, Fixtures.Team team) {
    String c = team.community();
    String text = FIRST.getString("markdown");
    fx.save(c, "контракт", team.member().token(), "Контракт", text, 0);
    fx.save(c, "контракт", team.moderator().token(), "Контракт", "Раз!" + text.substring(3), 1);
    fx.save(c, "контракт", team.member().token(), "Контракт", text.replace("Четыре", "Ч!"), 1);
    return Api.page(c, "контракт");
  }

  /** A request to an operation with the ABSENT path parameters. */
  /** Whether the operation's body is JSON (uploads are multipart, streamed past the limit). */
  private static boolean takesJson(Operation op) {
    return op.getRequestBody().getContent().containsKey(JSON);
  }

  @Test
  void attachments(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    fx.save(team.community(), "файлы", member, "Файлы", "Текст.\n", 0);
    // Published: an outsider sees it, so an upload is refused (403), not hidden (404).
    api.post(Api.page(team.community(), "файлы", "publish"), team.moderator().token(), null);
    String list = Api.page(team.community(), "файлы", "attachments");
    String file = list + Api.path("план.txt");
    String boundary = "----contract";
    Buffer multipart =
        Buffer.buffer(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"план.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nПлан урока.\r\n--"
                + boundary
                + "--\r\n");
    String type = "multipart/form-data; boundary=" + boundary;
    contract.expect(
        "uploadAttachment",
        201,
        api.send(HttpMethod.POST, list, member, multipart, type, Map.of()));
    contract.expect("listAttachments", 200, api.get(list, member));
    var download = api.get(file, member);
    contract.expect("downloadAttachment", 200, download);
    contract.expect(
        "downloadAttachment",
        304,
        api.send(
            HttpMethod.GET,
            file,
            member,
            null,
            null,
            Map.of("If-None-Match", download.headers().get("ETag"))));
    contract.expect("downloadAttachment", 404, api.get(list + Api.path("нет.txt"), member));
    contract.expect(
        "downloadAttachmentVersion", 200, api.get(file + Api.path("versions", "1"), member));
    contract.expect(
        "downloadAttachmentVersion",
        304,
        api.send(
            HttpMethod.GET,
            file + Api.path("versions", "1"),
            member,
            null,
            null,
            Map.of("If-None-Match", download.headers().get("ETag"))));
    contract.expect("getAttachmentText", 200, api.get(file + "/text", member));
    contract.expect(
        "uploadAttachment",
        403,
        api.send(HttpMethod.POST, list, fx.user("Чужой").token(), multipart, type, Map.of()));
    contract.expect(
        "uploadAttachment",
        415,
        api.send(HttpMethod.POST, list, member, Buffer.buffer("{}"), JSON, Map.of()));
    Buffer noFile =
        Buffer.buffer(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx\r\n--"
                + boundary
                + "--\r\n");
    contract.expect(
        "uploadAttachment", 422, api.send(HttpMethod.POST, list, member, noFile, type, Map.of()));
    contract.expect(
        "uploadAttachment", 413, tooLargeUpload(app.app().port(), list, member, boundary));
    String hide = file + "/hide";
    contract.expect(
        "hideAttachment", 403, api.post(hide, member, new JsonObject().put("hidden", true)));
    contract.expect(
        "hideAttachment",
        422,
        api.post(
            hide,
            team.moderator().token(),
            new JsonObject().put("hidden", true).put("reason", "x".repeat(3000))));
    contract.expect(
        "hideAttachment",
        200,
        api.post(hide, team.moderator().token(), new JsonObject().put("hidden", true)));
    try (var db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, team.community());
      archive.executeUpdate();
    }
    contract.expect(
        "uploadAttachment",
        409,
        api.send(HttpMethod.POST, list, member, multipart, type, Map.of()));
    contract.expect(
        "hideAttachment",
        409,
        api.post(hide, team.moderator().token(), new JsonObject().put("hidden", false)));
  }

  @Test
  void imagesAndFilesKeptForAPage(Fixtures fx, ru.metodichka.TestApp app) throws Exception {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    String stranger = fx.user("Посторонний с картинкой").token();
    fx.save(team.community(), "рисунки", member, "Рисунки", "![](attachment:круг.png)\n", 0);
    api.post(Api.page(team.community(), "рисунки", "publish"), team.moderator().token(), null);
    String boundary = "----contract";
    String type = "multipart/form-data; boundary=" + boundary;
    Buffer png = multipart(boundary, "круг.png", ru.metodichka.wordio.WordDocs.png(1600, 800));
    String list = Api.page(team.community(), "рисунки", "attachments");
    api.send(HttpMethod.POST, list, member, png, type, Map.of());
    String preview = list + Api.path("круг.png", "preview");
    contract.expect("getAttachmentPreview", 200, api.get(preview, member));
    contract.expect(
        "getAttachmentPreview",
        304,
        api.send(
            HttpMethod.GET,
            preview,
            member,
            null,
            null,
            Map.of("If-None-Match", api.get(preview, member).headers().get("ETag"))));
    contract.expect(
        "getAttachmentPreview", 404, api.get(list + Api.path("нет.png", "preview"), member));

    String pending = "/api" + Api.path("communities", team.community(), "pending-files");
    JsonObject kept =
        contract.expect(
            "keepPendingFile",
            201,
            api.send(HttpMethod.POST, pending, member, png, type, Map.of()));
    String token = kept.getString("token");
    contract.expect(
        "keepPendingFile", 403, api.send(HttpMethod.POST, pending, stranger, png, type, Map.of()));
    contract.expect(
        "keepPendingFile",
        404,
        api.send(
            HttpMethod.POST,
            pending + "?token=" + token,
            team.moderator().token(),
            png,
            type,
            Map.of()));
    contract.expect(
        "keepPendingFile",
        415,
        api.send(HttpMethod.POST, pending, member, Buffer.buffer("{}"), JSON, Map.of()));
    Buffer noFile =
        Buffer.buffer(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx\r\n--"
                + boundary
                + "--\r\n");
    contract.expect(
        "keepPendingFile", 422, api.send(HttpMethod.POST, pending, member, noFile, type, Map.of()));
    contract.expect(
        "keepPendingFile", 413, tooLargeUpload(app.app().port(), pending, member, boundary));

    String set = pending + Api.path(token);
    contract.expect("listPendingFiles", 200, api.get(set, member));
    contract.expect("listPendingFiles", 403, api.get(set, stranger));
    contract.expect("listPendingFiles", 404, api.get(set, team.moderator().token()));
    String one = set + Api.path("круг.png");
    contract.expect("downloadPendingFile", 200, api.get(one, member));
    String etag = api.get(one, member).headers().get("ETag");
    contract.expect(
        "downloadPendingFile",
        304,
        api.send(HttpMethod.GET, one, member, null, null, Map.of("If-None-Match", etag)));
    contract.expect("downloadPendingFile", 403, api.get(one, stranger));
    contract.expect("downloadPendingFile", 404, api.get(set + Api.path("нет.png"), member));
    contract.expect("getPendingFilePreview", 200, api.get(one + "/preview", member));
    String previewTag = api.get(one + "/preview", member).headers().get("ETag");
    contract.expect(
        "getPendingFilePreview",
        304,
        api.send(
            HttpMethod.GET,
            one + "/preview",
            member,
            null,
            null,
            Map.of("If-None-Match", previewTag)));
    contract.expect("getPendingFilePreview", 403, api.get(one + "/preview", stranger));
    contract.expect(
        "getPendingFilePreview", 404, api.get(one + "/preview", team.moderator().token()));

    String attach = set + "/attach";
    contract.expect(
        "attachPendingFiles", 422, api.post(attach, member, new JsonObject().put("page", "")));
    contract.expect(
        "attachPendingFiles",
        403,
        api.post(attach, stranger, new JsonObject().put("page", "рисунки")));
    contract.expect(
        "attachPendingFiles",
        404,
        api.post(attach, member, new JsonObject().put("page", "нет-такой")));
    contract.expect(
        "attachPendingFiles",
        200,
        api.post(attach, member, new JsonObject().put("page", "рисунки")));
  }

  private static Buffer multipart(String boundary, String name, byte[] content) {
    Buffer body = Buffer.buffer();
    body.appendString("--" + boundary + "\r\n");
    body.appendString(
        "Content-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n", "UTF-8");
    body.appendString("Content-Type: application/octet-stream\r\n\r\n");
    body.appendBytes(content);
    body.appendString("\r\n--" + boundary + "--\r\n");
    return body;
  }

  /**
   * An upload that announces 60 MB (over the default limit) and sends its first bytes: the answer
   * comes before the rest is read, so the rest is never sent. Raw HTTP, read back as a response.
   */
  private static Api.Response tooLargeUpload(int port, String list, String token, String boundary)
      throws java.io.IOException {
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      String head =
          "POST "
              + list
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + token
              + "\r\nContent-Type: multipart/form-data; boundary="
              + boundary
              + "\r\nContent-Length: 60000000\r\n\r\n--"
              + boundary
              + "\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
      var in = new java.io.BufferedInputStream(socket.getInputStream());
      String status = line(in);
      var headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        headers.add(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
      }
      byte[] body = in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
      return new Api.Response(Integer.parseInt(status.split(" ")[1]), headers, Buffer.buffer(body));
    }
  }

  private static String line(java.io.InputStream in) throws java.io.IOException {
    var out = new java.io.ByteArrayOutputStream();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Api.Response call(
      Api api, Operation op, String token, Buffer body, String contentType, String query) {
    String uri = ServedContract.path(op);
    for (var parameter : ABSENT.entrySet()) {
      uri =
          uri.replace("{" + parameter.getKey() + "}", Api.path(parameter.getValue()).substring(1));
    }
    return api.send(op.getHttpMethod(), uri + query, token, body, contentType, Map.of());
  }

  private static Api.Response put(
      Api api, String uri, String token, JsonObject body, Map<String, String> headers) {
    return api.send(HttpMethod.PUT, uri, token, body.toBuffer(), "application/json", headers);
  }

  /** The first save's fields with another text, based on revision {@code base}. */
  private static JsonObject edit(int base, String markdown) {
    return FIRST.copy().put("baseRevision", base).put("markdown", markdown);
  }

  private static String pages(String community) {
    return "/api" + Api.path("communities", community, "pages");
  }

  private static JsonObject credentials(TestUser user, String password) {
    return new JsonObject().put("login", user.login()).put("password", password);
  }
}
