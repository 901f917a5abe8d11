package ru.metodichka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.Fixtures.TestUser;

/**
 * Who hears about what: watchers of a page or a community, never the actor, and never about what
 * they may not see (a draft reaches insiders only, an unreviewed edit of a published page nobody
 * outside, a former member nothing of the drafts they once edited).
 */
@ExtendWith(AppExtension.class)
class NotificationsIT {
  private final Api api;
  private final Fixtures fx;

  NotificationsIT(Api api, Fixtures fx) {
    this.api = api;
    this.fx = fx;
  }

  @Test
  void anEditorWatchesWhatTheyEditAndHearsOfOthersChangesButNeverOfTheirOwn() {
    var team = fx.team();
    fx.save(team.community(), "квест", team.member().token(), "Квест", "Начало.\n", 0);
    assertThat(notifications(team.member())).isEmpty();
    fx.save(team.community(), "квест", team.moderator().token(), "Квест", "Начало. Ещё.\n", 1);

    JsonArray mine = notifications(team.member());
    assertThat(mine).hasSize(1);
    JsonObject note = mine.getJsonObject(0);
    assertThat(note.getString("kind")).isEqualTo("page-changed");
    assertThat(note.getString("title")).isEqualTo("Квест");
    assertThat(note.getString("link")).isEqualTo("/c/" + team.community() + "/квест");
    assertThat(note.getString("actor")).isEqualTo("Ольга Сергеевна Смирнова");
    assertThat(note.getBoolean("read")).isFalse();
    assertThat(notifications(team.moderator())).isEmpty();
  }

  @Test
  void autoWatchTurnedOffMeansEditingWatchesNothing() {
    var team = fx.team();
    var off =
        api.put("/api/notifications/settings", team.member().token(), body("autoWatch", false));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.json().getBoolean("autoWatch")).isFalse();
    fx.save(team.community(), "тихая", team.member().token(), "Тихая", "Текст.\n", 0);
    fx.save(team.community(), "тихая", team.moderator().token(), "Тихая", "Текст. Ещё.\n", 1);
    assertThat(notifications(team.member())).isEmpty();
    assertThat(api.get("/api/watch", team.member().token()).json().getJsonArray("items")).isEmpty();
  }

  @Test
  void aDraftsChangeReachesInsidersOnlyAndAFormerMemberNothing() {
    var team = fx.team();
    TestUser outsider = fx.user("Учитель другой школы");
    TestUser leaver = fx.user("Уходящая участница");
    fx.join(team.community(), leaver, "member");
    fx.save(team.community(), "черновик", leaver.token(), "Черновик", "Текст.\n", 0);
    // The outsider watches the whole community; a draft page is not theirs to watch.
    assertThat(api.put("/api/watch", outsider.token(), watch(team.community(), null)).status())
        .isEqualTo(204);
    assertThat(
            api.put("/api/watch", outsider.token(), watch(team.community(), "черновик")).status())
        .isEqualTo(404);
    assertThat(api.put("/api/watch", team.member().token(), watch(team.community(), null)).status())
        .isEqualTo(204);
    var left =
        api.delete(
            "/api" + Api.path("communities", team.community(), "members", leaver.login()),
            leaver.token());
    assertThat(left.status()).isEqualTo(204);

    fx.save(team.community(), "черновик", team.moderator().token(), "Черновик", "Текст!\n", 1);

    assertThat(kinds(team.member())).containsExactly("page-changed");
    assertThat(notifications(outsider)).isEmpty();
    assertThat(notifications(leaver)).isEmpty();
    // What a former member watches no longer lists the draft either.
    assertThat(api.get("/api/watch", leaver.token()).json().getJsonArray("items")).isEmpty();
  }

  @Test
  void anUnreviewedEditOfAPublishedPageReachesNoOneOutsideUntilReviewed() {
    var team = fx.team();
    TestUser outsider = fx.user("Читатель банка");
    fx.save(team.community(), "открытая", team.member().token(), "Открытая", "Текст.\n", 0);
    var published =
        api.post(Api.page(team.community(), "открытая", "publish"), team.moderator().token(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    assertThat(
            api.put("/api/watch", outsider.token(), watch(team.community(), "открытая")).status())
        .isEqualTo(204);

    var watched = api.put("/api/watch", team.moderator().token(), watch(team.community(), null));
    assertThat(watched.status()).isEqualTo(204);
    fx.save(team.community(), "открытая", team.member().token(), "Открытая", "Текст 2.\n", 1);

    assertThat(notifications(outsider)).isEmpty();
    assertThat(kinds(team.moderator())).containsExactly("page-changed");
  }

  @Test
  void aJoinRequestReachesTheModeratorsAndTheDecisionTheTeacher() {
    var team = fx.team();
    TestUser teacher = fx.user("Новая учительница");
    var asked =
        api.post(
            "/api" + Api.path("communities", team.community(), "join-requests"),
            teacher.token(),
            body("message", "Хочу участвовать"));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    assertThat(kinds(team.moderator())).containsExactly("join-request");
    assertThat(notifications(team.member())).isEmpty();
    assertThat(notifications(teacher)).isEmpty();

    long id = asked.json().getLong("id");
    var approved =
        api.post(
            "/api" + Api.path("communities", team.community(), "join-requests", id + "", "approve"),
            team.moderator().token(),
            null);
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    JsonObject decision = notifications(teacher).getJsonObject(0);
    assertThat(decision.getString("kind")).isEqualTo("join-decision");
    assertThat(decision.getString("detail")).isEqualTo("approved");
    assertThat(decision.getString("link")).isEqualTo("/c/" + team.community());
  }

  @Test
  void aReviewRequestReachesTheModeratorsAndEachDecisionTheAuthorsWhoMaySeeThePage() {
    var team = fx.team();
    TestUser outsider = fx.user("Читатель банка");
    TestUser coauthor = fx.user("Соавтор, ушедшая из сообщества");
    fx.join(team.community(), coauthor, "member");
    fx.save(team.community(), "проект", team.member().token(), "Проект", "Текст.\n", 0);
    fx.save(team.community(), "проект", coauthor.token(), "Проект", "Текст. Ещё.\n", 1);
    var left =
        api.delete(
            "/api" + Api.path("communities", team.community(), "members", coauthor.login()),
            coauthor.token());
    assertThat(left.status()).isEqualTo(204);
    assertThat(api.put("/api/watch", outsider.token(), watch(team.community(), null)).status())
        .isEqualTo(204);

    act(team.member(), team.community(), "request-review", body("note", "Проверьте, пожалуйста"));
    JsonObject asked = notifications(team.moderator()).getJsonObject(0);
    assertThat(asked.getString("kind")).isEqualTo("review-request");
    assertThat(asked.getString("title")).isEqualTo("Проект");
    assertThat(asked.getString("link")).isEqualTo("/c/" + team.community() + "/проект");
    assertThat(asked.getString("actor")).isEqualTo("Анна Петровна Иванова");

    act(team.moderator(), team.community(), "return", body("note", "Добавьте критерии"));
    assertThat(decisions(team.member())).containsExactly("returned");
    // A draft's decisions reach no one outside: not the former member who wrote part of it.
    assertThat(decisions(coauthor)).isEmpty();

    act(team.member(), team.community(), "request-review", body("note", "Добавили"));
    act(team.moderator(), team.community(), "publish", null);
    assertThat(decisions(team.member())).containsExactly("published", "returned");
    // Published, the page is everyone's to read: its former co-author hears of it too.
    assertThat(decisions(coauthor)).containsExactly("published");

    fx.save(team.community(), "проект", team.member().token(), "Проект", "Текст 2.\n", 2);
    act(team.member(), team.community(), "request-review", body("note", "Правки"));
    act(team.moderator(), team.community(), "review", new JsonObject());
    assertThat(decisions(coauthor)).containsExactly("edits-published", "published");
    act(team.moderator(), team.community(), "unpublish", null);
    assertThat(decisions(team.member()))
        .containsExactly("unpublished", "edits-published", "published", "returned");
    // A draft again: what its former co-author was told of it is no longer theirs to read.
    assertThat(decisions(coauthor)).isEmpty();
    assertThat(decisions(team.moderator())).isEmpty();
    assertThat(notifications(outsider)).isEmpty();
  }

  private void act(TestUser actor, String community, String act, JsonObject body) {
    var done = api.post(Api.page(community, "проект", act), actor.token(), body);
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
  }

  /** The details of a user's review decisions, the newest first. */
  private List<String> decisions(TestUser user) {
    return notifications(user).stream()
        .map(o -> (JsonObject) o)
        .filter(n -> n.getString("kind").equals("review-decision"))
        .map(n -> n.getString("detail"))
        .toList();
  }

  @Test
  void whoIsMadeResponsibleForAPlanItemHearsOfItTheModeratorWhoDidItNot() {
    var team = fx.team();
    var created =
        api.post(
            "/api" + Api.path("communities", team.community(), "plan", "items"),
            team.moderator().token(),
            new JsonObject()
                .put("title", "Открытый урок")
                .put("form", "in-person")
                .put("starts", java.time.LocalDate.now().toString())
                .put("due", java.time.LocalDate.now().plusDays(10).toString())
                .put(
                    "responsible",
                    new JsonArray().add(team.member().login()).add(team.moderator().login())));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject note = notifications(team.member()).getJsonObject(0);
    assertThat(note.getString("kind")).isEqualTo("plan-assigned");
    assertThat(note.getString("title")).isEqualTo("Открытый урок");
    assertThat(note.getString("at")).isNotNull();
    assertThat(notifications(team.moderator())).isEmpty();
  }

  @Test
  void readingMarksAndTheHeaderCountsWhatIsUnread() {
    var team = fx.team();
    fx.save(team.community(), "счёт", team.member().token(), "Счёт", "1\n", 0);
    fx.save(team.community(), "счёт", team.moderator().token(), "Счёт", "1 2\n", 1);
    fx.save(team.community(), "счёт", team.moderator().token(), "Счёт", "1 2 3\n", 2);
    var list = api.get("/api/notifications", team.member().token()).json();
    assertThat(list.getLong("unread")).isEqualTo(2);
    var screen = api.get("/me/notifications", team.member().token()).document();
    assertThat(screen.select("#nav-notifications .count").text()).isEqualTo("2");
    assertThat(screen.select("#notifications li.unread")).hasSize(2);

    long first = list.getJsonArray("items").getJsonObject(0).getLong("id");
    var marked =
        api.post(
            "/api/notifications/read",
            team.member().token(),
            new JsonObject().put("ids", new JsonArray().add(first)));
    assertThat(marked.json().getInteger("marked")).isEqualTo(1);
    assertThat(marked.json().getLong("unread")).isEqualTo(1);
    // Someone else's notifications are not theirs to mark.
    var foreign =
        api.post(
            "/api/notifications/read",
            team.moderator().token(),
            new JsonObject().put("ids", new JsonArray().add(first + 1)));
    assertThat(foreign.json().getInteger("marked")).isZero();
    var all = api.post("/api/notifications/read", team.member().token(), body("all", true));
    assertThat(all.json().getLong("unread")).isZero();
    assertThat(
            api.get("/me/notifications", team.member().token())
                .document()
                .select("#nav-notifications .count"))
        .isEmpty();
  }

  @Test
  void badInputNamesEachField() {
    TestUser user = fx.user("Учитель");
    var read = api.post("/api/notifications/read", user.token(), body("ids", "все"));
    assertThat(read.status()).isEqualTo(422);
    assertThat(read.text()).contains("\"ids\"");
    var settings =
        api.put(
            "/api/notifications/settings",
            user.token(),
            new JsonObject()
                .put("autoWatch", "да")
                .put("delivery", new JsonObject().put("meeting", "weekly").put("nope", "off")));
    assertThat(settings.status()).isEqualTo(422);
    assertThat(settings.text())
        .contains("\"autoWatch\"")
        .contains("\"delivery.meeting\"")
        .contains("\"delivery.nope\"");
    var watch = api.put("/api/watch", user.token(), new JsonObject());
    assertThat(watch.status()).isEqualTo(422);
    assertThat(watch.text()).contains("\"community\"");
  }

  @Test
  void settingsKeepEachKindsChoice() {
    TestUser user = fx.user("Учитель");
    var before = api.get("/api/notifications/settings", user.token()).json();
    assertThat(before.getJsonObject("delivery").getString("meeting")).isEqualTo("immediate");
    var saved =
        api.put(
            "/api/notifications/settings",
            user.token(),
            new JsonObject()
                .put("delivery", new JsonObject().put("meeting", "digest").put("comment", "off")));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    JsonObject delivery = saved.json().getJsonObject("delivery");
    assertThat(delivery.getString("meeting")).isEqualTo("digest");
    assertThat(delivery.getString("comment")).isEqualTo("off");
    assertThat(delivery.getString("page-changed")).isEqualTo("immediate");
    assertThat(saved.json().getBoolean("autoWatch")).isTrue();
  }

  @Test
  void theWatchButtonOfAPageWatchesItAndTheSettingsScreenListsIt() {
    var team = fx.team();
    TestUser reader = fx.user("Читатель");
    fx.save(team.community(), "с-кнопкой", team.member().token(), "С кнопкой", "Т.\n", 0);
    var page = api.get("/c" + Api.path(team.community(), "с-кнопкой"), team.member().token());
    assertThat(page.document().select("form[action=/watch] button#watch")).hasSize(1);
    var watched =
        api.send(
            io.vertx.core.http.HttpMethod.POST,
            "/watch",
            team.member().token(),
            io.vertx.core.buffer.Buffer.buffer(
                "community="
                    + team.community()
                    + "&slug=%D1%81-%D0%BA%D0%BD%D0%BE%D0%BF%D0%BA%D0%BE%D0%B9&back=/me"),
            "application/x-www-form-urlencoded",
            java.util.Map.of());
    assertThat(watched.status()).as(watched.toString()).isEqualTo(303);
    var settings = api.get("/me/notifications/settings", team.member().token()).document();
    assertThat(settings.select("#watches li").text()).contains("С кнопкой");
    // Someone who may not see the draft cannot watch it through the form either.
    var refused =
        api.send(
            io.vertx.core.http.HttpMethod.POST,
            "/watch",
            reader.token(),
            io.vertx.core.buffer.Buffer.buffer(
                "community="
                    + team.community()
                    + "&slug=%D1%81-%D0%BA%D0%BD%D0%BE%D0%BF%D0%BA%D0%BE%D0%B9"),
            "application/x-www-form-urlencoded",
            java.util.Map.of());
    assertThat(refused.status()).isEqualTo(404);
  }

  @Test
  void commentsRepliesMeetingsAndResolvedReportsAreTold() {
    var team = fx.team();
    String c = team.community();
    fx.save(c, "обсуждение", team.member().token(), "Обсуждение", "Текст.\n", 0);
    String comments = Api.page(c, "обсуждение", "comments");

    // A comment on a page the member watches (they edited it); a reply to the moderator's comment.
    var posted = api.post(comments, team.moderator().token(), body("markdown", "Хороший  *план*."));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(kinds(team.member())).contains("comment");
    var reply =
        api.post(
            comments,
            team.member().token(),
            body("markdown", "Спасибо!").put("replyTo", posted.json().getLong("id")));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(kinds(team.moderator())).contains("reply");

    // A meeting planned in the community: its members hear of it, the moderator who planned not.
    var meeting =
        api.post(
            "/api" + Api.path("communities", c, "meetings"),
            team.moderator().token(),
            new JsonObject()
                .put("title", "Методический час")
                .put("startsAt", "2031-03-10T15:00:00+03:00")
                .put("endsAt", "2031-03-10T16:00:00+03:00")
                .put("form", "in-person")
                .put("place", "Кабинет 12"));
    assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
    assertThat(notifications(team.member()).stream().map(JsonObject.class::cast))
        .anySatisfy(
            n -> {
              assertThat(n.getString("kind")).isEqualTo("meeting");
              assertThat(n.getString("title")).contains("Методический час");
            });
    assertThat(kinds(team.moderator())).doesNotContain("meeting");

    // A report filed by the member and dismissed by the moderator: the member learns it.
    var report =
        api.post(
            "/api/reports",
            team.member().token(),
            new JsonObject()
                .put(
                    "target",
                    new JsonObject()
                        .put("kind", "comment")
                        .put("community", c)
                        .put("slug", "обсуждение")
                        .put("comment", posted.json().getLong("id")))
                .put("reason", "other")
                .put("text", "Проверьте, пожалуйста."));
    assertThat(report.status()).as(report.toString()).isEqualTo(201);
    var resolved =
        api.post(
            "/api/reports/" + report.json().getLong("id") + "/resolve",
            team.moderator().token(),
            new JsonObject().put("action", "dismissed").put("note", "Нарушения нет."));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    assertThat(kinds(team.member())).contains("report-resolved");
  }

  private JsonArray notifications(TestUser user) {
    var response = api.get("/api/notifications", user.token());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().getJsonArray("items");
  }

  private List<String> kinds(TestUser user) {
    return notifications(user).stream().map(o -> ((JsonObject) o).getString("kind")).toList();
  }

  static JsonObject watch(String community, String slug) {
    JsonObject body = new JsonObject().put("community", community);
    return slug == null ? body : body.put("slug", slug);
  }

  private static JsonObject body(String key, Object value) {
    return new JsonObject().put(key, value);
  }
}
