package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;

/**
 * Reviewed versions of published pages: the public reads and finds the reviewed revision, the
 * community the latest, until a moderator reviews the edits.
 */
@ExtendWith(AppExtension.class)
class ReviewIT {
  private static final Duration INDEXED = Duration.ofSeconds(10);
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;
  private String page;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
    this.page = Api.page(team.community(), "программа");
    fx.save(
        team.community(), "программа", team.member().token(), "Программа", "Первая редакция.\n", 0);
    assertThat(api.post(page + "/publish", team.moderator().token(), null).status()).isEqualTo(200);
  }

  private String search(String word, String token) {
    return api.get(
            "/api/search?q="
                + URLEncoder.encode(word, StandardCharsets.UTF_8)
                + "&community="
                + URLEncoder.encode(team.community(), StandardCharsets.UTF_8),
            token)
        .text();
  }

  @Test
  void anEditToAPublishedPageWaitsForReviewWhileThePublicReadsAndFindsTheReviewedText() {
    String word = "стереометрия" + Fixtures.unique("x").replaceAll("[^a-z]", "");
    fx.save(
        team.community(),
        "программа",
        team.member().token(),
        "Программа (новая)",
        "Вторая редакция: " + word + ".\n",
        1);

    // The public: the reviewed text, title and history, and nothing of revision 2.
    JsonObject visitor = api.get(page, null).json();
    assertThat(visitor.getString("markdown")).isEqualTo("Первая редакция.\n");
    assertThat(visitor.getString("title")).isEqualTo("Программа");
    assertThat(visitor.getInteger("revision")).isEqualTo(1);
    assertThat(api.get(page + "/revisions/2", null).status()).isEqualTo(404);
    assertThat(api.get(page + "/diff?from=1&to=2", null).status()).isEqualTo(404);
    assertThat(api.get(page + "/revisions", null).items()).hasSize(1);
    String screen = api.get("/c" + Api.path(team.community(), "программа"), null).text();
    assertThat(screen).doesNotContain(word).doesNotContain("Программа (новая)");
    assertThat(api.get("/bank/feed.atom", null).text()).doesNotContain(word);
    // The community: the latest text, with the banner.
    assertThat(api.get(page, team.member().token()).json().getString("markdown")).contains(word);
    var memberScreen =
        api.get("/c" + Api.path(team.community(), "программа"), team.member().token()).document();
    assertThat(memberScreen.getElementById("unreviewed").text()).contains("1");
    // Search: members find the new word, the public does not, even once the index caught up.
    Eventually.until(
        "the member's search finds the edit",
        INDEXED,
        () -> search(word, team.member().token()).contains("программа"));
    assertThat(search(word, null)).contains("\"total\":0");
    assertThat(search("редакция", null)).contains("\"total\":1");

    // The moderator reviews it: the public reads and finds the new text.
    var reviewed =
        api.post(page + "/review", team.moderator().token(), new JsonObject().put("revision", 2));
    assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
    assertThat(reviewed.json().getInteger("reviewedRevision")).isEqualTo(2);
    assertThat(api.get(page, null).json().getString("markdown")).contains(word);
    assertThat(api.get("/c" + Api.path(team.community(), "программа"), null).text()).contains(word);
    Eventually.until(
        "the public's search finds the reviewed edit",
        INDEXED,
        () -> search(word, null).contains("программа"));
    var history = api.get("/c" + Api.path(team.community(), "программа") + "/history", null);
    assertThat(history.document().select("#rev-2 .mark-reviewed")).hasSize(1);
  }

  @Test
  void aMemberAsksForAReviewOfADraftAndTheModeratorReturnsItWithANote() {
    String draft = Api.page(team.community(), "черновик");
    fx.save(team.community(), "черновик", team.member().token(), "Черновик", "Текст.\n", 0);
    var asked =
        api.post(
            draft + "/request-review",
            team.member().token(),
            new JsonObject().put("note", "Готово к публикации"));
    assertThat(asked.json().getString("status")).isEqualTo("review");
    assertThat(
            api.post(draft + "/request-review", team.member().token(), new JsonObject()).status())
        .isEqualTo(409);
    assertThat(api.post(draft + "/return", team.moderator().token(), new JsonObject()).status())
        .isEqualTo(422);
    assertThat(api.post(draft + "/return", team.member().token(), note("x")).status())
        .isEqualTo(403);
    var returned = api.post(draft + "/return", team.moderator().token(), note("Добавьте цели"));
    assertThat(returned.json().getString("status")).isEqualTo("draft");
    assertThat(api.get(draft, null).status()).isEqualTo(404);
    var history =
        api.get("/c" + Api.path(team.community(), "черновик") + "/history", team.member().token())
            .document();
    assertThat(history.select(".mark-returned").attr("title")).contains("Добавьте цели");
    assertThat(history.select(".mark-requested")).hasSize(1);
  }

  @Test
  void reviewingAnOlderRevisionOrNoneIsRefused() {
    assertThat(
            api.post(
                    page + "/review", team.moderator().token(), new JsonObject().put("revision", 7))
                .status())
        .isEqualTo(422);
    assertThat(
            api.post(page + "/review", team.member().token(), new JsonObject().put("revision", 1))
                .status())
        .isEqualTo(403);
    assertThat(api.post(page + "/request-review", team.member().token(), new JsonObject()).status())
        .as("nothing unreviewed")
        .isEqualTo(409);
    assertThat(
            api.post(page + "/unpublish", team.moderator().token(), null)
                .json()
                .getString("status"))
        .isEqualTo("draft");
    assertThat(api.get(page, null).status()).isEqualTo(404);
  }

  private static JsonObject note(String text) {
    return new JsonObject().put("note", text);
  }
}
