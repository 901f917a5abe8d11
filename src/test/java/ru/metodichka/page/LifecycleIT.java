package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * A page's lifecycle breaks no link: renamed, moved and retired pages keep their old addresses
 * (redirects for ever), their wiki links by the old title, their history and their place out of or
 * back in the bank.
 */
@ExtendWith(AppExtension.class)
class LifecycleIT {
  private static final Duration INDEXED = Duration.ofSeconds(10);
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
  }

  private String screen(String community, String slug) {
    return "/c" + Api.path(community, slug);
  }

  /** The page's body as the reader sees it (the API's HTML). */
  private Document body(String community, String slug, String token) {
    var page = api.get(Api.page(community, slug), token);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return org.jsoup.Jsoup.parse(page.json().getString("html"));
  }

  private static String decoded(String location) {
    return URLDecoder.decode(location, StandardCharsets.UTF_8);
  }

  @Test
  void aRenamedDraftAnswersAtItsOldAddressesAndItsOldTitleForEver() {
    String c = team.community();
    String member = team.member().token();
    fx.save(c, "старое", member, "Старое название", "Текст урока.\n", 0);
    fx.save(c, "ссылки", member, "Ссылки", "См. [[Старое название]] и [[старое]].\n", 0);

    var renamed =
        api.post(
            Api.page(c, "старое", "rename"),
            member,
            new JsonObject().put("title", "Новое название").put("slug", "новое"));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().getString("slug")).isEqualTo("новое");
    assertThat(renamed.json().getString("title")).isEqualTo("Новое название");

    // Old addresses: 301 for reads (screens and API, deeper paths and queries too), 308 for acts.
    var api301 = api.get(Api.page(c, "старое"), member);
    assertThat(api301.status()).isEqualTo(301);
    assertThat(decoded(api301.location())).isEqualTo("/api/communities/" + c + "/pages/новое");
    var history301 = api.get(screen(c, "старое") + "/history?before=5", member);
    assertThat(history301.status()).isEqualTo(301);
    assertThat(decoded(history301.location())).isEqualTo("/c/" + c + "/новое/history?before=5");
    var edit308 =
        api.put(
            Api.page(c, "старое"),
            member,
            new JsonObject()
                .put("title", "Новое название")
                .put("markdown", "x")
                .put("baseRevision", 2));
    assertThat(edit308.status()).isEqualTo(308);
    assertThat(decoded(edit308.location())).isEqualTo("/api/communities/" + c + "/pages/новое");
    // The old address is never another page's.
    var taken =
        api.put(
            Api.page(c, "старое"),
            member,
            new JsonObject().put("title", "Другое").put("markdown", "x").put("baseRevision", 0));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().getString("code")).isEqualTo("page_slug_taken");
    // Nobody who may not see the draft learns where it went.
    assertThat(api.get(Api.page(c, "старое"), null).status()).isEqualTo(404);
    assertThat(api.get(screen(c, "старое"), fx.user("Чужой").token()).status()).isEqualTo(404);

    // Wiki links by the old title and the old address lead to the page; its backlinks say so.
    var links = body(c, "ссылки", member).select("a.wikilink");
    assertThat(links.eachAttr("href")).containsOnly("/c/" + c + "/новое");
    assertThat(links.hasClass("wikilink-missing")).isFalse();
    assertThat(api.get(Api.page(c, "новое", "backlinks"), member).items())
        .extracting(o -> ((JsonObject) o).getString("slug"))
        .containsExactly("ссылки");

    // The history carries the rename: a revision with the new title and the rename's mark.
    var revisions = api.get(Api.page(c, "новое", "revisions"), member).items();
    assertThat(revisions).hasSize(2);
    JsonObject act = revisions.getJsonObject(0).getJsonArray("lifecycle").getJsonObject(0);
    assertThat(act.getString("kind")).isEqualTo("renamed");
    assertThat(act.getJsonObject("from").getString("title")).isEqualTo("Старое название");
    assertThat(act.getJsonObject("to").getString("slug")).isEqualTo("новое");
    var history = api.get(screen(c, "новое") + "/history", member).document();
    assertThat(history.select("#rev-2 .mark-renamed").text())
        .contains("Старое название")
        .contains("Новое название");
  }

  @Test
  void aTitleChangedInTheEditorKeepsLinksByTheOldTitle() {
    String c = team.community();
    String member = team.member().token();
    fx.save(c, "план", member, "План недели", "Текст.\n", 0);
    fx.save(c, "обзор", member, "Обзор", "См. [[План недели]].\n", 0);
    fx.save(c, "план", member, "План на неделю", "Текст.\n", 1);

    assertThat(body(c, "обзор", member).select("a.wikilink").eachAttr("href"))
        .containsExactly("/c/" + c + "/план");
    // A new page with the old title takes the links back: the living title wins.
    fx.save(c, "план-недели", member, "План недели", "Другой план.\n", 0);
    assertThat(body(c, "обзор", member).select("a.wikilink").eachAttr("href"))
        .containsExactly("/c/" + c + "/план-недели");
  }

  @Test
  void aPublishedPageIsRenamedByItsModeratorsAndThePublicReadsAndFindsTheNewTitleAtOnce() {
    String c = team.community();
    fx.save(c, "проект", team.member().token(), "Проект «Наш край»", "Описание проекта.\n", 0);
    assertThat(api.post(Api.page(c, "проект", "publish"), team.moderator().token(), null).status())
        .isEqualTo(200);
    String title = "Краеведение " + Fixtures.unique("x").replaceAll("[^a-z]", "");

    var byMember =
        api.post(
            Api.page(c, "проект", "rename"),
            team.member().token(),
            new JsonObject().put("title", title));
    assertThat(byMember.status()).isEqualTo(403);
    var renamed =
        api.post(
            Api.page(c, "проект", "rename"),
            team.moderator().token(),
            new JsonObject().put("title", title).put("slug", "краеведение"));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

    // The public: the old address redirects, the new one shows the new title, reviewed at once.
    var old = api.get(screen(c, "проект"), null);
    assertThat(old.status()).isEqualTo(301);
    assertThat(decoded(old.location())).isEqualTo("/c/" + c + "/краеведение");
    JsonObject page = api.get(Api.page(c, "краеведение"), null).json();
    assertThat(page.getString("title")).isEqualTo(title);
    assertThat(page.getInteger("reviewedRevision")).isEqualTo(2);
    assertThat(api.get("/bank/feed.atom", null).text()).contains(title);
    Eventually.until(
        "the public's search finds the new title",
        INDEXED,
        () ->
            api.get(
                    "/api/search?q="
                        + URLEncoder.encode(title, StandardCharsets.UTF_8)
                        + "&community="
                        + URLEncoder.encode(c, StandardCharsets.UTF_8),
                    null)
                .text()
                .contains("краеведение"));
  }

  @Test
  void aMovedPageTakesItsHistoryAndLeavesARedirectAndItsLinksBehindItWork() {
    String from = team.community();
    String to = fx.community();
    fx.join(to, team.moderator(), "moderator");
    String member = team.member().token();
    String moderator = team.moderator().token();
    fx.save(from, "кружок", member, "Кружок робототехники", "Первая версия.\n", 0);
    fx.save(from, "кружок", member, "Кружок робототехники", "Вторая версия.\n", 1);
    fx.save(from, "указатель", member, "Указатель", "[[Кружок робототехники]]\n", 0);

    // Moderators of both communities move; a moderator of one does not.
    var stranger = fx.methodist("Модератор только источника");
    fx.join(from, stranger, "moderator");
    var refused =
        api.post(
            Api.page(from, "кружок", "move"),
            stranger.token(),
            new JsonObject().put("community", to));
    assertThat(refused.status()).isEqualTo(403);
    var same =
        api.post(
            Api.page(from, "кружок", "move"), moderator, new JsonObject().put("community", from));
    assertThat(same.status()).isEqualTo(422);
    fx.save(to, "занято", moderator, "Занято", "Текст.\n", 0);
    var taken =
        api.post(
            Api.page(from, "кружок", "move"),
            moderator,
            new JsonObject().put("community", to).put("slug", "занято"));
    assertThat(taken.status()).isEqualTo(409);

    var moved =
        api.post(
            Api.page(from, "кружок", "move"), moderator, new JsonObject().put("community", to));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().getString("community")).isEqualTo(to);

    var old = api.get(Api.page(from, "кружок", "revisions"), moderator);
    assertThat(old.status()).isEqualTo(301);
    assertThat(decoded(old.location()))
        .isEqualTo("/api/communities/" + to + "/pages/кружок/revisions");
    var revisions = api.get(Api.page(to, "кружок", "revisions"), moderator).items();
    assertThat(revisions).hasSize(2);
    JsonObject act = revisions.getJsonObject(0).getJsonArray("lifecycle").getJsonObject(0);
    assertThat(act.getString("kind")).isEqualTo("moved");
    assertThat(act.getJsonObject("from").getString("community")).isEqualTo(from);
    // The member of the old community who wrote it no longer sees the draft where it went.
    assertThat(api.get(Api.page(from, "кружок"), member).status()).isEqualTo(404);
    // The link left behind leads to the page in its new community.
    assertThat(body(from, "указатель", moderator).select("a.wikilink").eachAttr("href"))
        .containsExactly("/c/" + to + "/кружок");
    var history = api.get(screen(to, "кружок") + "/history", moderator).document();
    assertThat(history.select("#rev-2 .mark-moved")).hasSize(1);
  }

  @Test
  void aRetiredPageLeavesTheBankAndSearchIsReadOnlyForItsCommunityAndComesBackWhenRestored() {
    String c = team.community();
    String word = "палеонтология" + Fixtures.unique("x").replaceAll("[^a-z]", "");
    fx.save(c, "музей", team.member().token(), "Школьный музей", "Про " + word + ".\n", 0);
    String page = Api.page(c, "музей");
    assertThat(api.post(page + "/publish", team.moderator().token(), null).status()).isEqualTo(200);
    String search =
        "/api/search?q="
            + URLEncoder.encode(word, StandardCharsets.UTF_8)
            + "&community="
            + URLEncoder.encode(c, StandardCharsets.UTF_8);
    Eventually.until("found", INDEXED, () -> api.get(search, null).text().contains("музей"));

    assertThat(api.post(page + "/retire", team.member().token(), null).status()).isEqualTo(403);
    var retired = api.post(page + "/retire", team.moderator().token(), null);
    assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
    assertThat(retired.json().getString("status")).isEqualTo("archived");
    assertThat(api.post(page + "/retire", team.moderator().token(), null).status()).isEqualTo(409);

    assertThat(api.get(page, null).status()).isEqualTo(404);
    assertThat(api.get(screen(c, "музей"), null).status()).isEqualTo(404);
    var forMember = api.get(screen(c, "музей"), team.member().token()).document();
    assertThat(forMember.getElementById("retired")).isNotNull();
    assertThat(forMember.getElementById("rename-link")).isNull();
    assertThat(forMember.select("a[href$=/edit]")).isEmpty();
    var save =
        api.put(
            page,
            team.member().token(),
            new JsonObject()
                .put("title", "Школьный музей")
                .put("markdown", "x")
                .put("baseRevision", 1));
    assertThat(save.status()).isEqualTo(409);
    assertThat(save.json().getString("code")).isEqualTo("page_archived");
    assertThat(api.post(page + "/publish", team.moderator().token(), null).status()).isEqualTo(409);
    Eventually.until(
        "search leaves it out for everyone",
        INDEXED,
        () ->
            api.get(search, null).text().contains("\"total\":0")
                && api.get(search, team.member().token()).text().contains("\"total\":0"));
    assertThat(api.get("/bank/feed.atom", null).text()).doesNotContain(word);

    var restored = api.post(page + "/restore", team.moderator().token(), null);
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().getString("status")).isEqualTo("published");
    assertThat(api.get(page, null).json().getString("markdown")).contains(word);
    assertThat(api.post(page + "/restore", team.moderator().token(), null).status()).isEqualTo(409);
    Eventually.until("found again", INDEXED, () -> api.get(search, null).text().contains("музей"));
    var history = api.get(screen(c, "музей") + "/history", null).document();
    assertThat(history.select(".mark-retired")).hasSize(1);
    assertThat(history.select(".mark-restored")).hasSize(1);
  }

  @Test
  void theFormsRenameAndMoveAndShowARefusalWithWhatWasTyped() {
    String c = team.community();
    String member = team.member().token();
    fx.save(c, "заметка", member, "Заметка", "Текст.\n", 0);
    fx.save(c, "занятая", member, "Занятая", "Текст.\n", 0);
    WebSession web = WebSession.withToken(api, member);
    var form = web.page(screen(c, "заметка") + "/rename");
    assertThat(form.getElementById("rename-title").val()).isEqualTo("Заметка");

    var refused =
        web.postForm(
            screen(c, "заметка") + "/rename", Map.of("title", "Моя заметка", "slug", "занятая"));
    assertThat(refused.status()).isEqualTo(409);
    var again = refused.document();
    assertThat(again.getElementById("lifecycle-errors").text()).contains("занятая");
    assertThat(again.getElementById("rename-title").val()).isEqualTo("Моя заметка");

    var done =
        web.postForm(
            screen(c, "заметка") + "/rename",
            Map.of("title", "Моя заметка", "slug", "моя-заметка"));
    assertThat(done.status()).isEqualTo(303);
    assertThat(decoded(done.location())).isEqualTo("/c/" + c + "/моя-заметка?renamed=1");
    assertThat(web.page(screen(c, "моя-заметка") + "?renamed=1").text())
        .contains("Страница переименована");
    // A member may not move: the move form is the moderators'.
    assertThat(web.get(screen(c, "моя-заметка") + "/move").status()).isEqualTo(403);
    var moderator = WebSession.withToken(api, team.moderator().token());
    assertThat(moderator.get(screen(c, "моя-заметка") + "/move").status()).isEqualTo(200);
  }
}
