package ru.metodichka.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** Recent changes in full: filters, paging, marks, the screens and the personal Atom feed. */
@ExtendWith(AppExtension.class)
class ChangesIT {
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
  }

  private JsonObject changes(String query, String token) {
    var response = api.get("/api/changes?community=" + enc(team.community()) + query, token);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> rows(JsonObject slice) {
    List<String> rows = new ArrayList<>();
    for (Object item : slice.getJsonArray("items")) {
      JsonObject e = (JsonObject) item;
      rows.add(e.getString("slug") + "@" + e.getInteger("revision"));
    }
    return rows;
  }

  private JsonArray marks(JsonObject slice, String slug, int revision) {
    for (Object item : slice.getJsonArray("items")) {
      JsonObject e = (JsonObject) item;
      if (e.getString("slug").equals(slug) && e.getInteger("revision") == revision) {
        return e.getJsonArray("marks");
      }
    }
    throw new AssertionError(slug + "@" + revision + " not in " + slice.encodePrettily());
  }

  @Test
  void theCommunitySeesEveryRevisionAndThePublicOnlyReviewedOnesOfPublishedPages() {
    fx.save(team.community(), "черновик", team.member().token(), "Черновик", "Текст.\n", 0);
    fx.save(team.community(), "открытая", team.member().token(), "Открытая", "Раз.\n", 0);
    api.post(Api.page(team.community(), "открытая", "publish"), team.moderator().token(), null);
    fx.save(team.community(), "открытая", team.member().token(), "Открытая", "Два.\n", 1);

    assertThat(rows(changes("", team.member().token())))
        .containsExactly("открытая@2", "открытая@1", "черновик@1");
    assertThat(rows(changes("", null))).containsExactly("открытая@1");
    assertThat(rows(changes("", fx.user("Чужой").token()))).containsExactly("открытая@1");
    assertThat(marks(changes("", null), "открытая", 1)).contains("reviewed");

    // The screens follow the same rule.
    var publicScreen = new WebSession(api).page("/c/" + team.community() + "/changes");
    assertThat(publicScreen.select("tr.change").eachAttr("data-slug")).containsExactly("открытая");
    var memberScreen = WebSession.withToken(api, team.member().token()).page("/changes?mine=1");
    assertThat(memberScreen.select("tr.change[data-slug=черновик]")).hasSize(1);
    assertThat(memberScreen.select("tr.change[data-slug=открытая] a[href*=diff]")).isNotEmpty();
    // Across communities (other tests' pages are there too): nothing of this community's draft.
    String draft = "tr.change a[href='/c/" + team.community() + "/черновик']";
    assertThat(memberScreen.select(draft)).hasSize(1);
    assertThat(new WebSession(api).page("/changes").select(draft)).isEmpty();
  }

  @Test
  void changesAreFilteredAndPagedByACursor() {
    fx.save(team.community(), "проект", team.member().token(), "Проект", "Раз.\n", 0);
    var kind =
        new JsonObject()
            .put("title", "Практика")
            .put("markdown", "Раз.\n")
            .put("baseRevision", 0)
            .put("kind", "practice");
    api.put(Api.page(team.community(), "практика"), team.moderator().token(), kind);
    fx.save(team.community(), "проект", team.member().token(), "Проект", "Два.\n", 1);
    String member = team.member().token();

    assertThat(rows(changes("&author=" + team.moderator().login(), member)))
        .containsExactly("практика@1");
    assertThat(rows(changes("&kind=practice", member))).containsExactly("практика@1");
    assertThat(rows(changes("&since=2000-01-01", member))).hasSize(3);
    assertThat(rows(changes("&since=2100-01-01T00:00:00Z", member))).isEmpty();

    JsonObject first = changes("&limit=2", member);
    assertThat(rows(first)).containsExactly("проект@2", "практика@1");
    JsonObject second = changes("&limit=2&cursor=" + first.getString("next"), member);
    assertThat(rows(second)).containsExactly("проект@1");
    assertThat(second.containsKey("next")).isFalse();
  }

  @Test
  void revertsRenamesMergedSavesAndConflictResolutionsAreMarked() {
    fx.save(team.community(), "план", team.member().token(), "План", "А\nБ\nВ\n", 0);
    fx.save(team.community(), "план", team.member().token(), "План", "А1\nБ\nВ\n", 1);
    // Saved on revision 1 while revision 2 exists: merged.
    fx.save(team.community(), "план", team.moderator().token(), "План", "А\nБ\nВ2\n", 1);
    api.post(
        Api.page(team.community(), "план", "revert"),
        team.member().token(),
        new JsonObject().put("revision", 1));
    api.post(
        Api.page(team.community(), "план", "rename"),
        team.member().token(),
        new JsonObject().put("title", "План работы"));
    // A text the member settled after an edit conflict with revision 5.
    var settled =
        api.put(
            Api.page(team.community(), "план"),
            team.member().token(),
            new JsonObject()
                .put("title", "План работы")
                .put("markdown", "А\nБ\nВ3\n")
                .put("baseRevision", 5)
                .put("resolvesConflictWith", 5));
    assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
    JsonObject slice = changes("", team.member().token());
    assertThat(marks(slice, "план", 3)).contains("merged");
    assertThat(marks(slice, "план", 4)).contains("revert");
    assertThat(marks(slice, "план", 5)).contains("renamed");
    assertThat(marks(slice, "план", 6)).containsExactly("resolved");
  }

  @Test
  void badFiltersAreRefusedNamingThem() {
    assertThat(api.get("/api/changes?community=нет-такого", null).status()).isEqualTo(404);
    assertThat(api.get("/api/changes?kind=poem", null).status()).isEqualTo(422);
    assertThat(api.get("/api/changes?since=вчера", null).status()).isEqualTo(422);
    assertThat(api.get("/api/changes?cursor=abc", null).status()).isEqualTo(400);
    assertThat(api.get("/api/changes?limit=0", null).status()).isEqualTo(400);
    assertThat(api.get("/api/changes", null).status()).isEqualTo(200);
  }

  @Test
  void thePersonalFeedShowsWhatItsUserMaySeeUntilRevoked() {
    fx.save(team.community(), "черновик", team.member().token(), "Секретный черновик", "Т.\n", 0);
    WebSession member = WebSession.withToken(api, team.member().token());
    assertThat(member.page("/me").getElementById("feed-make")).isNotNull();
    var made = member.postForm("/me/feed-token", Map.of());
    assertThat(made.status()).isEqualTo(200);
    String address = made.document().getElementById("feed-address").val();
    String path = address.substring(address.indexOf("/changes/feed.atom"));
    var feed = api.get(path, null);
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.contentType()).startsWith("application/atom+xml");
    assertThat(feed.headers().get("Cache-Control")).contains("no-store");
    assertThat(feed.text()).contains("Секретный черновик").doesNotContain("token=");
    assertThat(member.page("/me").getElementById("feed-revoke")).isNotNull();

    // Someone else's token shows them only what they may see.
    WebSession outsider = WebSession.withToken(api, fx.user("Посторонний").token());
    String other =
        outsider
            .postForm("/me/feed-token", Map.of())
            .document()
            .getElementById("feed-address")
            .val();
    assertThat(api.get(other.substring(other.indexOf("/changes/feed.atom")), null).text())
        .doesNotContain("Секретный черновик");

    // A new token replaces the old; revoking ends it.
    String renewed =
        member.postForm("/me/feed-token", Map.of()).document().getElementById("feed-address").val();
    assertThat(api.get(path, null).status()).isEqualTo(404);
    String renewedPath = renewed.substring(renewed.indexOf("/changes/feed.atom"));
    assertThat(api.get(renewedPath, null).status()).isEqualTo(200);
    assertThat(member.postForm("/me/feed-token/revoke", Map.of()).status()).isEqualTo(303);
    assertThat(api.get(renewedPath, null).status()).isEqualTo(404);
    assertThat(api.get("/changes/feed.atom", null).status()).isEqualTo(404);
  }
}
