package ru.metodichka.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;

/**
 * The review workflow end to end in a real browser: a teacher edits a published page; the public
 * still reads and finds only the reviewed text; the moderator finds the edit in the queue with the
 * difference and reviews it there; the public reads the new text within a second.
 */
@ExtendWith(AppExtension.class)
@BrowserTest
class ReviewQueueBrowserIT {
  private static final Duration INDEXED = Duration.ofSeconds(10);
  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void aTeachersEditReachesThePublicOnlyOnceTheModeratorReviewsItFromTheQueue(
      TestApp app, Fixtures fx) {
    var team = fx.team();
    Api api = fx.api();
    String word = "палеонтология" + Fixtures.unique("x").replaceAll("[^a-z]", "");
    fx.save(
        team.community(),
        "экскурсия",
        team.member().token(),
        "Экскурсия в музей",
        "Маршрут по залам краеведческого музея.\n",
        0);
    assertThat(
            api.post(
                    Api.page(team.community(), "экскурсия", "publish"),
                    team.moderator().token(),
                    null)
                .status())
        .isEqualTo(200);
    String page = "/c/" + team.community() + "/экскурсия";

    // The teacher edits the published page in the editor.
    Browser teacher = browsers.open(app.app().port());
    teacher.login(team.member().login(), Fixtures.PASSWORD).go(page + "/edit");
    teacher.fill(
        "#markdown", "Маршрут по залам краеведческого музея.\n\nНовый зал: " + word + ".\n");
    teacher.type("#summary", "Добавлен новый зал");
    teacher.click("#save");
    teacher.waitForText("#unreviewed", "1");

    // The public still reads the reviewed text, and search finds only it.
    Browser visitor = browsers.open(app.app().port());
    visitor.go(page);
    assertThat(visitor.text(".page-body")).contains("Маршрут").doesNotContain(word);
    String query = "q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
    Eventually.until(
        "the community's search finds the edit",
        INDEXED,
        () -> api.get("/api/search?" + query, team.member().token()).json().getInteger("total"),
        total -> total == 1);
    assertThat(api.get("/api/search?" + query, null).json().getInteger("total")).isZero();
    visitor.go("/search?q=" + URLEncoder.encode("краеведческого музея", StandardCharsets.UTF_8));
    assertThat(visitor.html()).doesNotContain(word);

    // The moderator finds it in the queue, with the difference, and reviews it there.
    Browser moderator = browsers.open(app.app().port());
    moderator.login(team.moderator().login(), Fixtures.PASSWORD).go("/");
    moderator.click("#attention");
    moderator.click("#queue-link");
    moderator.waitForPath("/moderation/review");
    String item = "li.queue-item[data-slug='экскурсия']";
    assertThat(moderator.text(item + " .diff ins")).contains(word);
    assertThat(moderator.text(item)).contains("Анна Петровна Иванова");
    moderator.click(item + " .review-button");
    moderator.waitForText("#queue-notice", "проверена");
    assertThat(moderator.has(item)).isFalse();

    // The public reads the new text within a second.
    Eventually.until(
        "the public reads the reviewed edit",
        WITHIN_A_SECOND,
        () -> api.get(Api.page(team.community(), "экскурсия"), null).json(),
        (JsonObject json) -> json.getString("markdown").contains(word));
    visitor.go(page);
    assertThat(visitor.text(".page-body")).contains(word);
  }
}
