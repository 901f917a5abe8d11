package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

@ExtendWith(AppExtension.class)
class PageLinksIT {
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
  }

  private Document html(String slug) {
    return Jsoup.parse(
        api.get(Api.page(team.community(), slug), team.member().token()).json().getString("html"));
  }

  @Test
  void wikiLinksLeadToExistingPagesAndMarkMissingOnes() {
    fx.save(
        team.community(),
        "проектная-деятельность",
        team.member().token(),
        "Проектная деятельность",
        "Текст.\n",
        0);
    fx.save(
        team.community(),
        "план",
        team.member().token(),
        "План",
        "См. [[Проектная деятельность]] и [[Портфолио ученика|портфолио]].\n",
        0);

    Document doc = html("план");
    Element existing = doc.selectFirst("a:contains(Проектная деятельность)");
    assertThat(existing.attr("href"))
        .isEqualTo("/c/" + team.community() + "/проектная-деятельность");
    assertThat(existing.hasClass("wikilink-missing")).isFalse();
    Element missing = doc.selectFirst("a:contains(портфолио)");
    assertThat(missing.hasClass("wikilink-missing")).isTrue();
    // A red link opens the editor of the missing page, its title filled in.
    assertThat(missing.attr("href"))
        .isEqualTo(
            "/c/"
                + team.community()
                + "/new?title=%D0%9F%D0%BE%D1%80%D1%82%D1%84%D0%BE%D0%BB%D0%B8%D0%BE+%D1%83%D1%87%D0%B5%D0%BD%D0%B8%D0%BA%D0%B0");

    fx.save(
        team.community(),
        "портфолио",
        team.member().token(),
        "Портфолио ученика",
        "Теперь есть.\n",
        0);
    Element nowExisting = html("план").selectFirst("a:contains(портфолио)");
    assertThat(nowExisting.hasClass("wikilink-missing")).isFalse();
    assertThat(nowExisting.attr("href")).isEqualTo("/c/" + team.community() + "/портфолио");
  }

  @Test
  void aVisitorsLinksFollowPagesEnteringAndLeavingThePublicAtOnce() {
    String c = team.community();
    fx.save(c, "указатель", team.member().token(), "Указатель", "См. [[Цель визита]].\n", 0);
    publish(c, "указатель");
    assertThat(anonymousLinks(c)).as("no such page: plain text").isEmpty();

    fx.save(c, "цель-визита", team.member().token(), "Цель визита", "Черновик.\n", 0);
    assertThat(anonymousLinks(c)).as("a draft: still plain text").isEmpty();

    publish(c, "цель-визита");
    assertThat(anonymousLinks(c)).containsExactly("/c/" + c + "/цель-визита");

    var unpublished = api.post(Api.page(c, "цель-визита", "unpublish"), fx.adminToken(), null);
    assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
    assertThat(anonymousLinks(c)).as("withdrawn: plain text again").isEmpty();
  }

  private java.util.List<String> anonymousLinks(String c) {
    var answer = api.get(Api.page(c, "указатель"), null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return Jsoup.parse(answer.json().getString("html")).select("a").eachAttr("href");
  }

  private void publish(String c, String slug) {
    var answer = api.post(Api.page(c, slug, "publish"), fx.adminToken(), null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  @Test
  void backlinksListPagesWhoseCurrentTextLinksHere() {
    fx.save(team.community(), "цель", team.member().token(), "Цель", "Сюда ведут ссылки.\n", 0);
    fx.save(
        team.community(),
        "источник",
        team.member().token(),
        "Источник",
        "Ссылка на [[цель]].\n",
        0);
    fx.save(
        team.community(), "другой", team.member().token(), "Другой", "Тоже [[Цель|туда]].\n", 0);
    String other = fx.community();
    fx.join(other, team.member(), "member");
    fx.save(
        other, "сосед", team.member().token(), "Сосед", "[[" + team.community() + ":Цель]]\n", 0);
    api.post(Api.page(other, "сосед", "publish"), fx.adminToken(), null);

    JsonArray backlinks =
        api.get(Api.page(team.community(), "цель", "backlinks"), team.member().token()).items();
    assertThat(backlinks.stream().map(o -> ((JsonObject) o).getString("slug")))
        .containsExactlyInAnyOrder("источник", "другой", "сосед");

    fx.save(
        team.community(), "источник", team.member().token(), "Источник", "Ссылки больше нет.\n", 1);
    JsonArray after =
        api.get(Api.page(team.community(), "цель", "backlinks"), team.member().token()).items();
    assertThat(after.stream().map(o -> ((JsonObject) o).getString("slug")))
        .containsExactlyInAnyOrder("другой", "сосед");
  }

  @Test
  void hostileMarkdownIsNeutralised() {
    String hostile =
        """
        <script>alert('xss')</script>
        <img src=x onerror="alert(1)">
        [клик](javascript:alert(1))
        <iframe src="https://evil.example"></iframe>
        <a href="https://example.org" onclick="steal()">внешняя</a>
        <form action="/api/session"><input name="x"></form>
        """;
    fx.save(
        team.community(), "атака", team.member().token(), "<script>alert(1)</script>", hostile, 0);
    JsonObject page = api.get(Api.page(team.community(), "атака"), team.member().token()).json();
    Document doc = Jsoup.parse(page.getString("html"));
    assertThat(doc.select("script, iframe, form, input:not([type=checkbox])")).isEmpty();
    assertThat(
            doc.getAllElements().stream()
                .flatMap(e -> e.attributes().asList().stream())
                .filter(
                    a ->
                        a.getKey().startsWith("on")
                            || a.getValue().toLowerCase().contains("javascript:")))
        .isEmpty();
    assertThat(doc.selectFirst("a[href=https://example.org]").attr("rel"))
        .contains("nofollow")
        .contains("noopener");
    assertThat(page.getString("title")).isEqualTo("<script>alert(1)</script>");
  }

  @Test
  void aPreviewLinkToAnotherCommunitysDraftReadsExactlyAsALinkToAMissingPage() {
    fx.save(team.community(), "тайна", team.member().token(), "Тайный черновик", "Т.\n", 0);
    String other = fx.community();
    var neighbour = fx.user("Учитель соседнего сообщества");
    fx.join(other, neighbour, "member");
    String markdown =
        "[[" + team.community() + ":Тайный черновик]] и [[" + team.community() + ":Нет такой]]";

    var preview =
        api.post(
            "/api" + Api.path("communities", other, "preview"),
            neighbour.token(),
            new JsonObject().put("markdown", markdown));
    assertThat(preview.status()).isEqualTo(200);
    String html = preview.json().getString("html");
    Document doc = Jsoup.parseBodyFragment(html);
    assertThat(doc.select("a.wikilink")).isEmpty();
    assertThat(doc.select("span.wikilink-missing").eachText())
        .containsExactly("Тайный черновик", "Нет такой");
    assertThat(html).doesNotContain("тайна");
    assertThat(api.get(Api.page(team.community(), "тайна"), neighbour.token()).status())
        .isEqualTo(404);

    // A member of the draft's community sees the link, as they see the draft.
    var own =
        api.post(
            "/api" + Api.path("communities", team.community(), "preview"),
            team.member().token(),
            new JsonObject().put("markdown", markdown));
    Document ownDoc = Jsoup.parseBodyFragment(own.json().getString("html"));
    assertThat(ownDoc.selectFirst("a.wikilink:not(.wikilink-missing)").attr("href"))
        .isEqualTo("/c/" + team.community() + "/тайна");
    assertThat(ownDoc.selectFirst("a.wikilink-missing").attr("href"))
        .startsWith("/c/" + team.community() + "/new?title=");
  }

  @Test
  void anonymousReadersOfAPublishedPageSeeALinkedDraftAsPlainText() {
    fx.save(team.community(), "набросок", team.member().token(), "Набросок", "Т.\n", 0);
    fx.save(
        team.community(),
        "витрина",
        team.member().token(),
        "Витрина",
        "См. [[Набросок]] и [[Чего нет]].\n",
        0);
    api.post(Api.page(team.community(), "витрина", "publish"), team.moderator().token(), null);

    var page = api.get("/c" + Api.path(team.community(), "витрина"), null);
    assertThat(page.status()).isEqualTo(200);
    Document doc = page.document();
    assertThat(doc.select(".page-body a.wikilink")).isEmpty();
    assertThat(doc.select(".page-body span.wikilink-missing").eachText())
        .containsExactly("Набросок", "Чего нет");
    assertThat(page.text()).doesNotContain("/набросок").doesNotContain("/new?title=");
    // The member still gets the link and the red link.
    Document members =
        Jsoup.parse(
            api.get(Api.page(team.community(), "витрина"), team.member().token())
                .json()
                .getString("html"));
    assertThat(members.select("a.wikilink").eachAttr("href"))
        .contains("/c/" + team.community() + "/набросок");
  }

  /**
   * Issue 15, part 6: from a published page, a visitor or a teacher who may not create pages here
   * never follows a link into a login wall: links to missing pages, drafts and missing pages of
   * other communities are plain text in the page view; the community's member gets the red links
   * that open the editor.
   */
  @Test
  void nobodyWhoMayNotCreateThePageMeetsALoginWallFromAPublishedPage() {
    String c = team.community();
    String other = fx.community();
    fx.save(c, "готово", team.member().token(), "Готово", "Опубликовано.\n", 0);
    api.post(Api.page(c, "готово", "publish"), team.moderator().token(), null);
    fx.save(c, "черновик", team.member().token(), "Черновик", "Ещё пишется.\n", 0);
    fx.save(
        c,
        "витрина-2",
        team.member().token(),
        "Витрина",
        "[[Готово]], [[Черновик]], [[Чего нет]] и [[" + other + ":Там нет]].\n",
        0);
    api.post(Api.page(c, "витрина-2", "publish"), team.moderator().token(), null);
    String path = "/c" + Api.path(c, "витрина-2");

    var anonymous = new ru.metodichka.WebSession(api);
    var outsider = ru.metodichka.WebSession.withToken(api, fx.user("Учитель другой школы").token());
    for (var reader : java.util.List.of(anonymous, outsider)) {
      Document doc = reader.page(path);
      Element body = doc.selectFirst(".page-body");
      assertThat(body.select("a").eachText()).containsExactly("Готово");
      assertThat(body.select("span.wikilink-missing").eachText())
          .containsExactly("Черновик", "Чего нет", "Там нет");
      assertThat(body.html())
          .doesNotContain("/new?")
          .doesNotContain("/login")
          .doesNotContain("черновик");
      for (String href : body.select("a[href]").eachAttr("href")) {
        assertThat(reader.get(href).status()).as(href).isEqualTo(200);
      }
    }

    Element members =
        ru.metodichka.WebSession.withToken(api, team.member().token())
            .page(path)
            .selectFirst(".page-body");
    assertThat(members.select("a.wikilink:not(.wikilink-missing)").eachAttr("href"))
        .containsExactly("/c/" + c + "/готово", "/c/" + c + "/черновик");
    assertThat(members.select("a.wikilink-missing").eachAttr("href"))
        .singleElement()
        .asString()
        .startsWith("/c/" + c + "/new?title=");
    // Another community's missing page is not theirs to create either.
    assertThat(members.select("span.wikilink-missing").eachText()).containsExactly("Там нет");
  }
}
