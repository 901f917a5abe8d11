package ru.metodichka.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/**
 * Who may read the publish checklist, publish from it, read the review queue, the recent changes
 * and the personal feed, and what each of them is shown: every audience on every route of the
 * checklist, the queue and recent changes.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAuthorizationIT {
  private static final String SECRET = "Тайные правки";
  private Api api;
  private Audiences audiences;
  private String c;
  private String draft;
  private String open;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    this.c = audiences.community();
    String member = audiences.token(Audience.MEMBER);
    this.draft = Fixtures.unique("черновик");
    fx.save(c, draft, member, "Черновик " + draft, "Текст черновика.\n", 0);
    this.open = Fixtures.unique("открытая");
    fx.save(c, open, member, "Открытая", "Проверенный текст.\n", 0);
    assertThat(
            api.post(Api.page(c, open, "publish"), audiences.token(Audience.MODERATOR), null)
                .status())
        .isEqualTo(200);
    fx.save(c, open, member, "Открытая", SECRET + ".\n", 1);
  }

  private WebSession web(Audience audience) {
    String token = audiences.token(audience);
    return token == null ? new WebSession(api) : WebSession.withToken(api, token);
  }

  @Test
  void insidersReadTheChecklistAndOnlyModeratorsPublishFromIt() {
    for (Audience audience : Audience.values()) {
      var list = api.get(Api.page(c, draft, "checklist"), audiences.token(audience));
      assertThat(list.status())
          .as(audience + " " + list)
          .isEqualTo(audience.insider() ? 200 : Audiences.refused(audience));
      if (audience.insider()) {
        var screen = web(audience).page("/c" + Api.path(c, draft));
        assertThat(screen.getElementById("checklist") != null)
            .as(audience + " sees the checklist")
            .isEqualTo(audience.moderator());
      }
    }
    for (Audience audience : Audience.values()) {
      if (audience.moderator()) {
        continue;
      }
      var refused =
          web(audience).postForm("/c" + Api.path(c, draft, "publish"), Map.of("note", "Публикую"));
      assertThat(refused.status())
          .as(audience + " " + refused)
          .isEqualTo(Audiences.refused(audience));
    }
    assertThat(api.get(Api.page(c, draft), null).status()).isEqualTo(404);
  }

  @Test
  void theQueueIsEveryLoggedInUsersOwnAndListsOnlyWhatTheyModerate() {
    for (Audience audience : Audience.values()) {
      var queue = api.get("/api/review-queue", audiences.token(audience));
      if (audience == Audience.ANONYMOUS) {
        assertThat(queue.status()).isEqualTo(401);
        assertThat(web(audience).get("/moderation/review").status()).isEqualTo(302);
        continue;
      }
      assertThat(queue.status()).as(audience + " " + queue).isEqualTo(200);
      boolean listed =
          queue.items().stream()
              .map(JsonObject.class::cast)
              .anyMatch(
                  i -> i.getString("slug").equals(open) && i.getString("community").equals(c));
      assertThat(listed).as(audience + " queue").isEqualTo(audience.moderator());
      var screen = web(audience).page("/moderation/review");
      assertThat(screen.select("li.queue-item[data-slug=" + open + "]").isEmpty())
          .as(audience + " queue screen")
          .isEqualTo(!audience.moderator());
      assertThat(screen.text().contains("Тайные")).isEqualTo(audience.moderator());
    }
  }

  @Test
  void recentChangesShowDraftsAndUnreviewedEditsOnlyToInsiders() {
    String byCommunity = "/api/changes?community=" + URLEncoder.encode(c, StandardCharsets.UTF_8);
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      var changes = api.get(byCommunity, token);
      assertThat(changes.status()).as(audience + " " + changes).isEqualTo(200);
      String json = changes.text();
      assertThat(json.contains(draft)).as(audience + " draft").isEqualTo(audience.insider());
      assertThat(json.contains("\"revision\":2"))
          .as(audience + " unreviewed edit")
          .isEqualTo(audience.insider());
      assertThat(json).contains(open);
      // Across communities, by this test's author: other tests' changes do not crowd them out.
      String everywhere = "/changes?author=" + audiences.login(Audience.MEMBER);
      for (String screen : new String[] {"/c/" + c + "/changes", everywhere}) {
        var doc = web(audience).page(screen);
        assertThat(doc.select("tr.change[data-slug=" + draft + "]").isEmpty())
            .as(audience + " " + screen)
            .isEqualTo(!audience.insider());
        assertThat(doc.select("tr.change[data-slug=" + open + "][data-revision=2]").isEmpty())
            .as(audience + " " + screen + " unreviewed")
            .isEqualTo(!audience.insider());
      }
    }
  }

  @Test
  void everyLoggedInUserHasAFeedOfWhatTheyMaySee() {
    for (Audience audience : Audience.values()) {
      WebSession web = web(audience);
      var made = web.postForm("/me/feed-token", Map.of());
      if (audience == Audience.ANONYMOUS) {
        assertThat(made.status()).isEqualTo(401);
        assertThat(web.postForm("/me/feed-token/revoke", Map.of()).status()).isEqualTo(401);
        continue;
      }
      assertThat(made.status()).as(audience + " " + made).isEqualTo(200);
      String address = made.document().getElementById("feed-address").val();
      var feed = api.get(address.substring(address.indexOf("/changes/feed.atom")), null);
      assertThat(feed.status()).isEqualTo(200);
      assertThat(feed.text().contains("Открытая (версия 2)"))
          .as(audience + " feed: the unreviewed edit")
          .isEqualTo(audience.insider());
      assertThat(feed.text()).contains("Открытая (версия 1)");
      assertThat(feed.text().contains(draft)).as(audience + " feed").isEqualTo(audience.insider());
      assertThat(web.postForm("/me/feed-token/revoke", Map.of()).status()).isEqualTo(303);
    }
  }
}
