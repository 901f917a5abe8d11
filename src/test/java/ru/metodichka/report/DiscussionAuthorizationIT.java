package ru.metodichka.report;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Who may do what with the discussion and ethics reports, for every audience: comments are read by
 * whoever may see the page and posted by its logged-in readers; only authors edit and delete, only
 * the community's moderators (and administrators) hide, see reports and resolve them; a hidden
 * comment's text and a hidden revision reach nobody else — not the page, the API, the history, a
 * diff, the recent changes, the Atom feed or search.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscussionAuthorizationIT {
  private Api api;
  private Fixtures fx;
  private Audiences audiences;
  private String community;
  private String moderator;
  private String member;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    this.community = audiences.community();
    this.moderator = audiences.token(Audience.MODERATOR);
    this.member = audiences.token(Audience.MEMBER);
    fx.save(community, "открытая", member, "Открытая", "Текст.\n", 0);
    api.post(Api.page(community, "открытая", "publish"), moderator, null);
    fx.save(community, "черновик", member, "Черновик", "Набросок.\n", 0);
  }

  private String comments(String slug) {
    return Api.page(community, slug, "comments");
  }

  private long comment(String slug, String token, String text) {
    var posted = api.post(comments(slug), token, new JsonObject().put("markdown", text));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    return posted.json().getLong("id");
  }

  /** A screen, its path percent-encoded as a browser sends it. */
  private Api.Response screen(String path, String token) {
    return api.get(ru.metodichka.web.Redirect.encoded(path), token);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void everyoneReadsTheCommentsOfAPublishedPageOnlyInsidersThoseOfADraft() {
    comment("открытая", member, "Открытое обсуждение");
    comment("черновик", member, "Обсуждение черновика");
    for (Audience a : Audience.values()) {
      String token = audiences.token(a);
      var open = api.get(comments("открытая"), token);
      assertThat(open.status()).as(a.name()).isEqualTo(200);
      assertThat(open.text()).as(a.name()).contains("Открытое обсуждение");
      var draft = api.get(comments("черновик"), token);
      assertThat(draft.status()).as(a.name()).isEqualTo(a.insider() ? 200 : 404);
      assertThat(draft.text().contains("Обсуждение черновика")).as(a.name()).isEqualTo(a.insider());
      String screen = screen("/c/" + community + "/черновик", token).text();
      assertThat(screen.contains("Обсуждение черновика")).as(a.name()).isEqualTo(a.insider());
    }
  }

  @Test
  void loggedInReadersCommentOnPublishedPagesInsidersOnDraftsToo() {
    for (Audience a : Audience.values()) {
      String token = audiences.token(a);
      JsonObject text = new JsonObject().put("markdown", "Комментарий " + a);
      int open = api.post(comments("открытая"), token, text).status();
      assertThat(open).as(a.name()).isEqualTo(a == Audience.ANONYMOUS ? 401 : 201);
      int draft = api.post(comments("черновик"), token, text).status();
      int expected = a == Audience.ANONYMOUS ? 401 : a.insider() ? 201 : 404;
      assertThat(draft).as(a.name()).isEqualTo(expected);
    }
  }

  @Test
  void onlyTheAuthorEditsAndDeletesOnlyModeratorsHideAndReadTheEarlierTexts() {
    String outsider = audiences.token(Audience.OUTSIDER);
    for (Audience a : Audience.values()) {
      long id = comment("открытая", outsider, "Чужой комментарий");
      String path = comments("открытая") + "/" + id;
      int own = a == Audience.OUTSIDER ? 200 : Audiences.refused(a);
      var edit =
          api.send(
              io.vertx.core.http.HttpMethod.PATCH,
              path,
              audiences.token(a),
              new JsonObject().put("markdown", "Правка").toBuffer(),
              "application/json",
              java.util.Map.of());
      assertThat(edit.status()).as(a.name()).isEqualTo(own);
      int versions = a.moderator() ? 200 : Audiences.refused(a);
      assertThat(api.get(path + "/versions", audiences.token(a)).status())
          .as(a.name())
          .isEqualTo(versions);
      var hide =
          api.post(path + "/hide", audiences.token(a), new JsonObject().put("reason", "Офтоп"));
      assertThat(hide.status()).as(a.name()).isEqualTo(a.moderator() ? 200 : Audiences.refused(a));
      int delete = api.delete(path, audiences.token(a)).status();
      assertThat(delete)
          .as(a.name())
          .isEqualTo(a == Audience.OUTSIDER ? 204 : Audiences.refused(a));
    }
  }

  @Test
  void aHiddenCommentsTextReachesOnlyModeratorsAndADeletedOneNobody() {
    long hidden = comment("открытая", audiences.token(Audience.OUTSIDER), "Грубость-" + hashCode());
    var hide =
        api.post(
            comments("открытая") + "/" + hidden + "/hide",
            moderator,
            new JsonObject().put("reason", "Оскорбление"));
    assertThat(hide.status()).isEqualTo(200);
    long deleted = comment("открытая", member, "Передумал-" + hashCode());
    assertThat(api.delete(comments("открытая") + "/" + deleted, member).status()).isEqualTo(204);
    for (Audience a : Audience.values()) {
      String token = audiences.token(a);
      String json = api.get(comments("открытая"), token).text();
      String screen = screen("/c/" + community + "/открытая", token).text();
      assertThat(json.contains("Грубость-" + hashCode())).as(a.name()).isEqualTo(a.moderator());
      assertThat(screen.contains("Грубость-" + hashCode())).as(a.name()).isEqualTo(a.moderator());
      assertThat(json).as(a.name()).doesNotContain("Передумал-" + hashCode());
      assertThat(screen).as(a.name()).doesNotContain("Передумал-" + hashCode());
      assertThat(screen).as(a.name()).contains("комментарий удалён");
    }
  }

  @Test
  void aNewCommentReachesTheCachedPublicViewAtOnce() {
    String path = "/c/" + community + "/открытая";
    screen(path, null);
    screen(path, null);
    comment("открытая", member, "Свежий-" + System.nanoTime());
    String latest =
        api.get(comments("открытая"), null).items().stream()
            .map(o -> ((JsonObject) o).getString("markdown"))
            .filter(t -> t != null && t.startsWith("Свежий-"))
            .reduce((x, y) -> y)
            .orElseThrow();
    assertThat(screen(path, null).text()).contains(latest);
  }

  private JsonObject report(String kind, String slug, Object id) {
    JsonObject target =
        new JsonObject().put("kind", kind).put("community", community).put("slug", slug);
    if (kind.equals("comment")) {
      target.put("comment", id);
    }
    if (kind.equals("revision")) {
      target.put("revision", id);
    }
    return new JsonObject().put("target", target).put("reason", "spam").put("text", "Реклама");
  }

  @Test
  void loggedInUsersReportWhatTheyMaySee() {
    long onDraft = comment("черновик", member, "Комментарий к черновику");
    long onOpen = comment("открытая", member, "Комментарий к открытой");
    for (Audience a : Audience.values()) {
      String token = audiences.token(a);
      int open = api.post("/api/reports", token, report("comment", "открытая", onOpen)).status();
      assertThat(open).as(a.name()).isEqualTo(a == Audience.ANONYMOUS ? 401 : 201);
      int page = api.post("/api/reports", token, report("page", "открытая", null)).status();
      assertThat(page).as(a.name()).isEqualTo(a == Audience.ANONYMOUS ? 401 : 201);
      int draft = api.post("/api/reports", token, report("comment", "черновик", onDraft)).status();
      assertThat(draft)
          .as(a.name())
          .isEqualTo(a == Audience.ANONYMOUS ? 401 : a.insider() ? 201 : 404);
      var mine = api.get("/api/reports/mine", token);
      assertThat(mine.status()).as(a.name()).isEqualTo(a == Audience.ANONYMOUS ? 401 : 200);
    }
  }

  @Test
  void onlyTheCommunitysModeratorsSeeTheQueueAndResolve() {
    long onOpen = comment("открытая", member, "На рассмотрение");
    for (Audience a : Audience.values()) {
      var filed =
          api.post(
              "/api/reports",
              audiences.token(Audience.OUTSIDER),
              report("comment", "открытая", onOpen));
      long id = filed.json().getLong("id");
      String token = audiences.token(a);
      var queue = api.get("/api/reports?status=open", token);
      assertThat(queue.status()).as(a.name()).isEqualTo(a == Audience.ANONYMOUS ? 401 : 200);
      if (a != Audience.ANONYMOUS) {
        boolean listed = queue.items().stream().anyMatch(o -> ((JsonObject) o).getLong("id") == id);
        assertThat(listed).as(a.name()).isEqualTo(a.moderator());
        String screen = screen("/moderation/reports", token).text();
        assertThat(screen.contains("id=\"report-" + id + "\""))
            .as(a.name())
            .isEqualTo(a.moderator());
      }
      var resolved =
          api.post(
              "/api/reports/" + id + "/resolve",
              token,
              new JsonObject().put("action", "dismissed").put("note", "Нарушения нет"));
      assertThat(resolved.status())
          .as(a.name())
          .isEqualTo(a.moderator() ? 200 : Audiences.refused(a));
    }
    var mine = api.get("/api/reports/mine", audiences.token(Audience.OUTSIDER)).items();
    assertThat(mine.stream().map(o -> ((JsonObject) o).getString("note")))
        .contains("Нарушения нет");
  }

  @Test
  void aHiddenRevisionReachesNoOneButModerators() {
    String secret = "тайна" + Math.abs(System.nanoTime() % 1_000_000);
    String slug = "с-тайной";
    String page = Api.page(community, slug);
    fx.save(community, slug, member, "С тайной", "Чистый текст.\n", 0);
    var second =
        api.put(
            page,
            member,
            new JsonObject()
                .put("title", "С тайной")
                .put("markdown", "Телефон ученика: " + secret + "\n")
                .put("summary", "сводка " + secret)
                .put("baseRevision", 1));
    assertThat(second.status()).isEqualTo(200);
    api.post(page + "/publish", moderator, null);
    Eventually.until(
        "the index to hold the secret",
        Duration.ofSeconds(30),
        () -> api.get("/api/search?q=" + encode(secret), null).json().getLong("total"),
        total -> total > 0);
    long id =
        api.post("/api/reports", audiences.token(Audience.OUTSIDER), report("revision", slug, 2))
            .json()
            .getLong("id");
    var resolved =
        api.post(
            "/api/reports/" + id + "/resolve",
            moderator,
            new JsonObject().put("action", "hidden").put("note", "Персональные данные"));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    var now = api.get(page, null).json();
    assertThat(now.getInteger("revision")).isEqualTo(3);
    assertThat(now.getString("markdown")).isEqualTo("Чистый текст.\n");
    Eventually.until(
        "the index to forget the secret",
        Duration.ofSeconds(30),
        () -> api.get("/api/search?q=" + encode(secret), moderator).json().getLong("total"),
        total -> total == 0);
    for (Audience a : Audience.values()) {
      String token = audiences.token(a);
      boolean sees = a.moderator();
      JsonArray history = api.get(page + "/revisions", token).json().getJsonArray("items");
      JsonObject entry =
          history.stream()
              .map(o -> (JsonObject) o)
              .filter(e -> e.getInteger("revision") == 2)
              .findFirst()
              .orElseThrow();
      assertThat(entry.getBoolean("hidden")).as(a.name()).isTrue();
      assertThat(entry.getString("summary").contains(secret)).as(a.name()).isEqualTo(sees);
      assertThat(api.get(page + "/revisions/2", token).status())
          .as(a.name())
          .isEqualTo(sees ? 200 : 404);
      assertThat(api.get(page + "/diff?from=1&to=2", token).status())
          .as(a.name())
          .isEqualTo(sees ? 200 : 404);
      String changes = api.get("/api/changes?community=" + encode(community), token).text();
      assertThat(changes.contains(secret)).as(a.name()).isEqualTo(sees);
      String screens =
          screen("/c/" + community + "/" + slug + "/history", token).text()
              + screen("/c/" + community + "/" + slug + "/revisions/2", token).text()
              + screen("/c/" + community + "/" + slug + "/diff?from=1&to=2", token).text()
              + screen("/c/" + community + "/changes", token).text();
      assertThat(screens.contains(secret)).as(a.name()).isEqualTo(sees);
      assertThat(api.get("/api/search?q=" + encode(secret), token).json().getLong("total"))
          .as(a.name())
          .isZero();
      if (a == Audience.MEMBER) {
        var revert = api.post(page + "/revert", token, new JsonObject().put("revision", 2));
        assertThat(revert.status())
            .as("a member may not bring back a hidden revision")
            .isEqualTo(404);
      }
    }
    assertThat(api.get("/changes/feed.atom", null).text()).doesNotContain(secret);
    var mine = api.get("/api/reports/mine", audiences.token(Audience.OUTSIDER)).items();
    assertThat(
            mine.stream()
                .map(o -> (JsonObject) o)
                .filter(r -> r.getLong("id") == id)
                .map(r -> r.getString("action")))
        .containsExactly("hidden");
  }

  @Test
  void screensOfReportsAskAnonymousVisitorsToLogIn() {
    for (String path : List.of("/moderation/reports", "/me/reports")) {
      var anonymous = screen(path, null);
      assertThat(anonymous.status()).as(path).isIn(302, 303);
      for (Audience a : Audience.values()) {
        if (a != Audience.ANONYMOUS) {
          assertThat(api.get(path, audiences.token(a)).status()).as(a + " " + path).isEqualTo(200);
        }
      }
    }
  }
}
