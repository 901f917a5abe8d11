package ru.metodichka.page.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;
import ru.metodichka.page.Markdown;
import ru.metodichka.page.ResultKind;

/** The editor screens as a browser without JavaScript uses them: forms, cookies, CSRF tokens. */
@ExtendWith(AppExtension.class)
class EditorScreensIT {
  private static final String TEXT = "Раз\nДва\nТри\nЧетыре\n";
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;
  private String slug;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
    this.slug = "урок";
    fx.save(team.community(), slug, team.member().token(), "Открытый урок", TEXT, 0);
  }

  @Test
  void theEditorHasLabelledControlsTheCurrentTextAndTheCsrfField() {
    String session = team.member().token();
    Api.Response response = get(editPath(), session);
    assertThat(response.status()).isEqualTo(200);
    Document doc = Jsoup.parse(response.text());
    for (String id : new String[] {"title", "kind", "markdown", "summary"}) {
      assertThat(doc.select("label[for=" + id + "]")).as("label of #" + id).hasSize(1);
    }
    assertThat(doc.getElementById("title").val()).isEqualTo("Открытый урок");
    assertThat(text(doc, "markdown")).isEqualTo(TEXT);
    assertThat(doc.select("#kind option")).hasSize(ResultKind.values().length);
    assertThat(doc.select("#kind option[selected]").val()).isEqualTo("article");
    assertThat(doc.getElementById("base-revision").val()).isEqualTo("1");
    assertThat(doc.selectFirst("input[name=csrf]").val()).isEqualTo(csrf(session));
    assertThat(doc.selectFirst("input[name=idempotencyKey]").val()).isNotBlank();
    assertThat(doc.getElementById("save")).isNotNull();
    assertThat(doc.getElementById("preview")).isNotNull();
    // Each button named in plain words (its text, or a label where it shows a letter) with a
    // tooltip.
    assertThat(doc.select("#toolbar button"))
        .hasSize(10)
        .allMatch(
            b ->
                b.hasAttr("aria-label")
                    || (b.select("[aria-hidden]").isEmpty() && !b.text().isBlank()))
        .allMatch(b -> !b.attr("title").isBlank());
    assertThat(doc.select("#toolbar button").eachText()).contains("Ссылка", "Ссылка на страницу");
    assertThat(doc.select("#editor-modes button")).hasSize(2);
    assertThat(doc.select("details#wikilink-help").text()).contains("[[", "|", ":");
    assertThat(doc.getElementById("slug")).as("no slug field when editing").isNull();
    assertThat(doc.select("script[src=/assets/editor.js]")).hasSize(1);
  }

  @Test
  void theNewPageFormTakesItsTitleFromTheLinkAndHasASlugField() {
    Api.Response response =
        get(
            Api.path("c", team.community(), "new") + "?title=" + encode("Портфолио ученика"),
            team.member().token());
    assertThat(response.status()).isEqualTo(200);
    Document doc = Jsoup.parse(response.text());
    assertThat(doc.getElementById("title").val()).isEqualTo("Портфолио ученика");
    assertThat(doc.select("label[for=slug]")).hasSize(1);
    assertThat(doc.getElementById("base-revision").val()).isEqualTo("0");
  }

  @Test
  void visitorsAreAskedToLogInAndOutsidersAreRefused() {
    Api.Response anonymous = get(editPath(), null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(Jsoup.parse(anonymous.text()).select("main a[href^=/login]")).isNotEmpty();
    assertThat(get(Api.path("c", team.community(), "new"), null).status()).isEqualTo(401);
    String outsider = fx.user("Посторонний").token();
    assertThat(get(editPath(), outsider).status()).isEqualTo(403);
    assertThat(get(Api.path("c", team.community(), "new"), outsider).status()).isEqualTo(403);
  }

  @Test
  void aFormSaveCreatesARevisionAndSaysSoOnThePage() {
    String session = team.member().token();
    Api.Response response = post(editPath(), session, form(session, "Раз\nДва\nТри\nПять\n", 1));
    assertThat(response.status()).isEqualTo(303);
    String location = response.headers().get("Location");
    assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
        .isEqualTo("/c/" + team.community() + "/" + slug + "?saved=1");
    assertThat(current().getInteger("revision")).isEqualTo(2);
    assertThat(current().getString("markdown")).isEqualTo("Раз\nДва\nТри\nПять\n");
    Document page = Jsoup.parse(get(location, session).text());
    assertThat(page.getElementById("save-notice").text()).isEqualTo("Изменения сохранены.");
  }

  @Test
  void aNewPageIsCreatedWithASlugMadeFromItsTitle() {
    String session = team.member().token();
    Map<String, String> fields = form(session, "Текст новой страницы\n", 0);
    fields.put("title", "План работы на год");
    fields.put("slug", "");
    fields.put("kind", "project");
    Api.Response response = post(Api.path("c", team.community(), "new"), session, fields);
    assertThat(response.status()).as(response.text()).isEqualTo(303);
    assertThat(URLDecoder.decode(response.headers().get("Location"), StandardCharsets.UTF_8))
        .isEqualTo("/c/" + team.community() + "/план-работы-на-год?created=1");
    JsonObject page = api.get(Api.page(team.community(), "план-работы-на-год"), session).json();
    assertThat(page.getString("kind")).isEqualTo("project");
    assertThat(page.getString("title")).isEqualTo("План работы на год");
  }

  @Test
  void aHundredKilobytePageSavesThroughTheForm() {
    String session = team.member().token();
    String longText =
        ("Абзац о проектной деятельности в начальной школе. ".repeat(20) + "\n\n").repeat(110);
    assertThat(longText.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(100_000);
    Api.Response response = post(editPath(), session, form(session, longText, 1));
    assertThat(response.status()).as(response.text()).isEqualTo(303);
    assertThat(current().getString("markdown")).isEqualTo(Markdown.normalize(longText));
  }

  @Test
  void aFormWithoutOrWithAWrongCsrfTokenSavesNothing() {
    String session = team.member().token();
    Map<String, String> fields = form(session, "Подделка\n", 1);
    fields.remove("csrf");
    assertThat(post(editPath(), null, fields).status()).isEqualTo(403);
    assertThat(post(editPath(), session, fields).status()).isEqualTo(403);
    fields.put("csrf", "not-the-token");
    assertThat(post(editPath(), session, fields).status()).isEqualTo(403);
    assertThat(current().getInteger("revision")).isEqualTo(1);
  }

  @Test
  void aStaleTokenBringsTheFormBackWithTheTextAndAFreshToken() {
    String oldSession = fx.login(team.member().login(), Fixtures.PASSWORD);
    Map<String, String> fields = form(oldSession, "Мой долгий текст\n", 1);
    fields.put("summary", "Дописала вывод");
    // The user logged in again in another tab: the form's token belongs to the old session.
    String newSession = fx.login(team.member().login(), Fixtures.PASSWORD);
    Api.Response response = post(editPath(), newSession, fields);
    assertThat(response.status()).isEqualTo(403);
    Document doc = Jsoup.parse(response.text());
    assertThat(doc.getElementById("editor-notice").text())
        .startsWith("Форма устарела — проверьте текст и сохраните ещё раз");
    assertThat(text(doc, "markdown")).isEqualTo("Мой долгий текст\n");
    assertThat(doc.getElementById("summary").val()).isEqualTo("Дописала вывод");
    assertThat(current().getInteger("revision")).isEqualTo(1);

    Api.Response again = post(editPath(), newSession, fieldsOf(doc));
    assertThat(again.status()).as(again.text()).isEqualTo(303);
    assertThat(current().getString("markdown")).isEqualTo("Мой долгий текст\n");
  }

  @Test
  void aDoubleSubmittedFormSavesOnce() {
    String session = team.member().token();
    Map<String, String> fields = form(session, "Раз\nДва\n", 1);
    assertThat(post(editPath(), session, fields).status()).isEqualTo(303);
    assertThat(post(editPath(), session, fields).status()).isEqualTo(303);
    assertThat(current().getInteger("revision")).isEqualTo(2);
  }

  @Test
  void aStaleSaveThatMergesCleanlyIsSavedAndSaysSo() {
    fx.save(
        team.community(),
        slug,
        team.moderator().token(),
        "Открытый урок",
        "Раз!\nДва\nТри\nЧетыре\n",
        1);
    String session = team.member().token();
    Api.Response response = post(editPath(), session, form(session, "Раз\nДва\nТри\nЧетыре!\n", 1));
    assertThat(response.status()).isEqualTo(303);
    assertThat(response.headers().get("Location")).endsWith("?merged=1");
    assertThat(current().getString("markdown")).isEqualTo("Раз!\nДва\nТри\nЧетыре!\n");
    Document page = Jsoup.parse(get(response.headers().get("Location"), session).text());
    assertThat(page.getElementById("save-notice").text())
        .contains("Ваши изменения объединены с правками, сделанными за это время");
  }

  @Test
  void anOverlappingSaveShowsTheConflictWithTheUsersTextAndSavingItResolvesIt() {
    String theirs = "Раз!\nДва\nТри\nЧетыре\n";
    fx.save(team.community(), slug, team.moderator().token(), "Открытый урок", theirs, 1);
    String session = team.member().token();
    String mine = "Раз, по-моему\nДва\nТри\nЧетыре\n";
    Api.Response response = post(editPath(), session, form(session, mine, 1));
    assertThat(response.status()).isEqualTo(409);
    Document doc = Jsoup.parse(response.text());
    assertThat(doc.select(".conflict")).hasSize(1);
    assertThat(doc.getElementById("conflict-explanation").text()).contains("версии 1", "2");
    assertThat(text(doc, "markdown")).isEqualTo(mine);
    assertThat(text(doc, "current-markdown")).isEqualTo(theirs);
    assertThat(doc.getElementById("base-revision").val()).isEqualTo("2");
    assertThat(doc.select(".conflict-changes .diff-removed").text()).contains("Раз");
    assertThat(doc.select(".conflict-changes ins").text()).isEqualTo("!");
    assertThat(doc.select(".overlap-yours").text()).isEqualTo("Раз, по-моему");
    assertThat(current().getInteger("revision")).isEqualTo(2);

    Map<String, String> resolved = fieldsOf(doc);
    resolved.put("markdown", "Раз! по-моему\nДва\nТри\nЧетыре\n");
    assertThat(doc.getElementById("editor-form").attr("action"))
        .isEqualTo("/c/" + team.community() + "/" + slug + "/edit");
    Api.Response saved = post(editPath(), session, resolved);
    assertThat(saved.status()).as(saved.text()).isEqualTo(303);
    assertThat(current().getInteger("revision")).isEqualTo(3);
    assertThat(current().getString("markdown")).isEqualTo("Раз! по-моему\nДва\nТри\nЧетыре\n");
  }

  @Test
  void anOverlappingSaveIsSettledPlaceByPlaceWithoutJavaScriptAndMarkedInTheHistory() {
    fx.save(
        team.community(),
        slug,
        team.moderator().token(),
        "Открытый урок",
        "Раз!\nДва\nТри\nЧетыре!\n",
        1);
    String session = team.member().token();
    String mine = "Раз, по-моему\nДва\nТри\nЧетыре, по-моему\n";
    Document doc = Jsoup.parse(post(editPath(), session, form(session, mine, 1)).text());
    assertThat(doc.select("#resolve-form fieldset.overlap")).hasSize(2);
    assertThat(doc.select("#resolve-form input[type=radio][required]")).hasSize(2);
    assertThat(doc.select("label[for=hand-1]")).hasSize(1);
    assertThat(doc.select("#resolve-form input[name=resolvesConflictWith]").val()).isEqualTo("2");
    assertThat(doc.select("#editor-form input[name=resolvesConflictWith]").val()).isEqualTo("2");
    assertThat(text(doc, "hand-1")).isEqualTo("Четыре!\nЧетыре, по-моему\n");

    Map<String, String> fields = resolveFieldsOf(doc);
    fields.put("choice.0", "mine");
    // A place left without a choice brings the conflict back, saying so, and saves nothing.
    Api.Response incomplete = post(editPath(), session, fields);
    assertThat(incomplete.status()).isEqualTo(409);
    assertThat(Jsoup.parse(incomplete.text()).getElementById("resolve-errors")).isNotNull();
    assertThat(current().getInteger("revision")).isEqualTo(2);

    fields.put("choice.1", "hand");
    fields.put("hand.1", "Четыре — вместе");
    Api.Response saved = post(editPath(), session, fields);
    assertThat(saved.status()).as(saved.text()).isEqualTo(303);
    assertThat(URLDecoder.decode(saved.headers().get("Location"), StandardCharsets.UTF_8))
        .endsWith("?resolved=1");
    assertThat(current().getString("markdown"))
        .isEqualTo("Раз, по-моему\nДва\nТри\nЧетыре — вместе\n");
    JsonObject newest =
        api.get(Api.page(team.community(), slug, "revisions"), session).items().getJsonObject(0);
    assertThat(newest.getInteger("resolvedConflictWith")).isEqualTo(2);
    Document history =
        Jsoup.parse(get(Api.path("c", team.community(), slug, "history"), session).text());
    assertThat(history.select("#rev-3 .mark-resolved").text())
        .isEqualTo("разрешён конфликт с версией 2");
    assertThat(history.select("#rev-3 .mark-resolved").attr("href")).endsWith("/diff?from=2&to=3");
  }

  @Test
  void theWholeTextSavedFromTheConflictScreenIsMarkedToo() {
    fx.save(
        team.community(),
        slug,
        team.moderator().token(),
        "Открытый урок",
        "Раз!\nДва\nТри\nЧетыре\n",
        1);
    String session = team.member().token();
    Document doc =
        Jsoup.parse(post(editPath(), session, form(session, "Раз?\nДва\nТри\nЧетыре\n", 1)).text());
    Map<String, String> fields = fieldsOf(doc);
    fields.put("markdown", "Раз!?\nДва\nТри\nЧетыре\n");
    assertThat(post(editPath(), session, fields).status()).isEqualTo(303);
    JsonObject newest =
        api.get(Api.page(team.community(), slug, "revisions"), session).items().getJsonObject(0);
    assertThat(newest.getInteger("revision")).isEqualTo(3);
    assertThat(newest.getInteger("resolvedConflictWith")).isEqualTo(2);
  }

  @Test
  void previewWithoutJavaScriptRendersTheTextAndKeepsIt() {
    String session = team.member().token();
    Map<String, String> fields = form(session, "## Цели\n\n<script>alert(1)</script>\n", 1);
    fields.put("action", "preview");
    Api.Response response = post(editPath(), session, fields);
    assertThat(response.status()).isEqualTo(200);
    Document doc = Jsoup.parse(response.text());
    assertThat(doc.select("#preview-output h2").text()).isEqualTo("Цели");
    assertThat(doc.select("#preview-output script")).isEmpty();
    assertThat(text(doc, "markdown")).contains("<script>alert(1)</script>");
    assertThat(current().getInteger("revision")).isEqualTo(1);
  }

  @Test
  void thePreviewApiReturnsSanitisedHtmlToMembersWithTheCsrfHeader() {
    String session = team.member().token();
    String uri = "/api" + Api.path("communities", team.community(), "preview");
    Buffer body =
        new JsonObject()
            .put("markdown", "# Урок\n\n<script>alert(1)</script>\n\n[[Открытый урок]] [[Нет]]\n")
            .toBuffer();
    Map<String, String> headers =
        Map.of("Cookie", "mtd_session=" + session, "X-CSRF-Token", csrf(session));
    Api.Response ok = api.send(HttpMethod.POST, uri, null, body, "application/json", headers);
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    Document html = Jsoup.parseBodyFragment(ok.json().getString("html"));
    assertThat(html.select("script")).isEmpty();
    assertThat(ok.json().getString("html")).doesNotContain("<script", "alert(1)</");
    assertThat(html.select("h1").text()).isEqualTo("Урок");
    Element existing = html.selectFirst("a:contains(Открытый урок)");
    assertThat(existing.attr("href")).isEqualTo("/c/" + team.community() + "/" + slug);
    assertThat(html.selectFirst("a:contains(Нет)").hasClass("wikilink-missing")).isTrue();

    Map<String, String> noToken = Map.of("Cookie", "mtd_session=" + session);
    assertThat(api.send(HttpMethod.POST, uri, null, body, "application/json", noToken).status())
        .isEqualTo(403);
    String outsider = fx.user("Посторонний").token();
    Map<String, String> outsiders =
        Map.of("Cookie", "mtd_session=" + outsider, "X-CSRF-Token", csrf(outsider));
    assertThat(api.send(HttpMethod.POST, uri, null, body, "application/json", outsiders).status())
        .isEqualTo(403);
  }

  // ---- helpers ----

  private String editPath() {
    return Api.path("c", team.community(), slug, "edit");
  }

  private JsonObject current() {
    return api.get(Api.page(team.community(), slug), team.member().token()).json();
  }

  /** The editor's fields as a browser would send them for this session. */
  private Map<String, String> form(String session, String markdown, int base) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", csrf(session));
    fields.put("idempotencyKey", Fixtures.unique("key"));
    fields.put("baseRevision", String.valueOf(base));
    fields.put("title", "Открытый урок");
    fields.put("kind", "article");
    fields.put("markdown", markdown);
    fields.put("summary", "");
    return fields;
  }

  /** A textarea's text as a browser submits it (HTML drops one newline after the start tag). */
  private static String text(Document doc, String id) {
    String text = doc.getElementById(id).wholeText();
    return text.startsWith("\n") ? text.substring(1) : text;
  }

  /** What submitting the editor form of a rendered screen would send. */
  private static Map<String, String> fieldsOf(Document doc) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input :
        doc.select("#editor-form input[name], #editor-form textarea, #editor-form select")) {
      String value =
          switch (input.tagName()) {
            case "select" -> input.select("option[selected]").val();
            case "textarea" -> text(doc, input.id());
            default -> input.val();
          };
      fields.put(input.attr("name"), value);
    }
    return fields;
  }

  private static Map<String, String> resolveFieldsOf(Document doc) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input :
        doc.select("#resolve-form input[name]:not([type=radio]), #resolve-form textarea")) {
      fields.put(
          input.attr("name"),
          input.tagName().equals("textarea") ? text(doc, input.id()) : input.val());
    }
    return fields;
  }

  private String csrf(String session) {
    return browser(session).api(HttpMethod.GET, "/api/csrf", null, null).json().getString("token");
  }

  private Api.Response get(String uri, String session) {
    return browser(session).get(uri);
  }

  private Api.Response post(String uri, String session, Map<String, String> fields) {
    return browser(session).postRaw(uri, fields);
  }

  private WebSession browser(String session) {
    return session == null ? new WebSession(api) : WebSession.withToken(api, session);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
