package ru.metodichka.page.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** The history screens over HTTP, as a browser without scripts sees them. */
@ExtendWith(AppExtension.class)
class HistoryScreensIT {
  private static final String SLUG = "история";
  private static final String V1 = "Раз.\nДва яблока.\nТри.\n";
  private static final String V2 = "Раз.\nДва груши.\nТри.\n";
  private static final String V3 = "Раз.\nДва груши.\nТри.\nЧетыре.\n";
  private Fixtures fx;
  private Api api;
  private Fixtures.Team team;
  private WebSession member;
  private WebSession anonymous;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
    this.member = WebSession.withToken(api, team.member().token());
    this.anonymous = new WebSession(api);
    save(team.member().token(), "История", V1, 0, "Первая версия");
    save(team.moderator().token(), "История", V2, 1, "Яблоки заменены грушами");
    save(team.member().token(), "История", V3, 2, "Добавлена четвёртая строка");
  }

  @Test
  void historyListsEveryRevisionNewestFirstWithAuthorsAndSummaries() {
    Document doc = member.page(screen("history"));
    var rows = doc.select("ol.history li.revision");
    assertThat(rows.eachAttr("id")).containsExactly("rev-3", "rev-2", "rev-1");
    assertThat(rows.get(0).selectFirst(".author").text()).isEqualTo("Анна Петровна Иванова");
    assertThat(rows.get(1).selectFirst(".author").text()).isEqualTo("Ольга Сергеевна Смирнова");
    assertThat(rows.eachText()).anyMatch(t -> t.contains("Яблоки заменены грушами"));
    assertThat(rows.get(2).selectFirst("q.summary").text()).isEqualTo("Первая версия");
    assertThat(rows.get(0).selectFirst("time").attr("datetime")).isNotBlank();
    assertThat(rows.get(0).selectFirst(".delta.plus").text()).isEqualTo("(+8)");
    assertThat(rows.get(0).selectFirst(".mark-current")).isNotNull();
    assertThat(rows.get(0).selectFirst("a.rev-link").attr("href"))
        .isEqualTo("/c/" + team.community() + "/" + SLUG + "/revisions/3");
    assertThat(rows.get(0).selectFirst("a.diff-prev").attr("href")).endsWith("/diff?from=2&to=3");
    assertThat(rows.get(2).selectFirst("a.diff-prev")).isNull();
  }

  @Test
  void compareFormPreselectsThePreviousAndTheCurrentRevision() {
    Document doc = member.page(screen("history"));
    Element form = doc.getElementById("compare");
    assertThat(form.attr("method")).isEqualTo("get");
    assertThat(form.attr("action")).endsWith("/" + SLUG + "/diff");
    assertThat(form.selectFirst("button[type=submit]")).isNotNull();
    assertThat(doc.select("input[name=from][checked]").eachAttr("value")).containsExactly("2");
    assertThat(doc.select("input[name=to][checked]").eachAttr("value")).containsExactly("3");
    for (Element radio : doc.select("input[type=radio]")) {
      assertThat(radio.attr("form")).isEqualTo("compare");
      assertThat(doc.select("label[for=" + radio.id() + "]").text()).isNotBlank();
    }
  }

  @Test
  void historyPagesBackwardsThroughLongHistories() {
    Document first = member.page(screen("history") + "?limit=2");
    assertThat(first.select("li.revision").eachAttr("id")).containsExactly("rev-3", "rev-2");
    String older = first.getElementById("older").attr("href");
    assertThat(older).contains("before=2");
    Document second = member.page(older);
    assertThat(second.select("li.revision").eachAttr("id")).containsExactly("rev-1");
    assertThat(second.getElementById("older")).isNull();
    assertThat(second.getElementById("newer")).isNotNull();
  }

  @Test
  void diffShowsDeletedWordsLeftAndInsertedWordsRight() {
    Document doc = member.page(screen("diff") + "?from=1&to=2");
    assertThat(doc.select(".diff .side.old del").eachText()).containsExactly("яблока");
    assertThat(doc.select(".diff .side.new ins").eachText()).containsExactly("груши");
    assertThat(doc.select(".diff .side.old ins")).isEmpty();
    assertThat(doc.select(".diff .side.new del")).isEmpty();
    assertThat(doc.select(".diff-row.changed")).hasSize(1);
    assertThat(doc.select(".rev-head.old").text())
        .contains("Версия 1", "Анна Петровна Иванова", "Первая версия");
    assertThat(doc.select(".rev-head.new").text())
        .contains("Версия 2", "Ольга Сергеевна Смирнова", "Яблоки заменены грушами");
    assertThat(doc.getElementById("previous-diff")).isNull();
    assertThat(doc.getElementById("next-diff").attr("href")).endsWith("/diff?from=2&to=3");
    assertThat(doc.select(".diff .visually-hidden").eachText()).contains("удалено:", "добавлено:");
  }

  @Test
  void diffCollapsesUnchangedLinesAndShowsWholeAddedLines() {
    String longText = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    save(team.member().token(), "История", longText, 3, "");
    save(team.member().token(), "История", longText.replace("e\n", "E\n") + "k\n", 4, "");
    Document doc = member.page(screen("diff") + "?from=4&to=5");
    assertThat(doc.select(".diff-row.collapsed").eachText()).contains("1 строка без изменений");
    assertThat(doc.select(".diff-row.added .side.new ins").eachText()).containsExactly("k");
    assertThat(doc.getElementById("previous-diff").attr("href")).endsWith("/diff?from=3&to=4");
  }

  @Test
  void reversedOrEqualRevisionsStillCompare() {
    Document reversed = member.page(screen("diff") + "?from=2&to=1");
    assertThat(reversed.select(".diff .side.old del").eachText()).containsExactly("яблока");
    Document same = member.page(screen("diff") + "?from=2&to=2");
    assertThat(same.getElementById("no-differences")).isNotNull();
    assertThat(same.select(".diff")).isEmpty();
  }

  @Test
  void missingRevisionIsAFriendlyNotFoundAndBadParametersAFriendlyBadRequest() {
    var missing = member.get(screen("diff") + "?from=1&to=99");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("text/html");
    assertThat(missing.text()).contains("Версия не найдена");
    assertThat(member.get(screen("revisions", "99")).status()).isEqualTo(404);
    var bad = member.get(screen("diff") + "?from=abc&to=2");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("text/html");
    assertThat(bad.text()).contains("from");
    assertThat(member.get(screen("diff") + "?from=1").status()).isEqualTo(400);
    assertThat(member.get(screen("revisions", "x")).status()).isEqualTo(400);
  }

  @Test
  void hostileSummaryAndTitleAreEscaped() {
    String hostile = "<script>alert(1)</script>";
    save(team.member().token(), hostile, V3 + "Пять.\n", 3, hostile);
    for (String uri :
        new String[] {
          screen("history"), screen("diff") + "?from=3&to=4", screen("revisions", "4")
        }) {
      var response = member.get(uri);
      assertThat(response.status()).as(uri).isEqualTo(200);
      assertThat(response.text()).as(uri).doesNotContain(hostile).contains("&lt;script&gt;");
    }
    Document diff = member.page(screen("diff") + "?from=3&to=4");
    assertThat(diff.select("#title-change ins").text()).isEqualTo(hostile);
    assertThat(diff.select("script:not([src])")).isEmpty();
  }

  @Test
  void anonymousVisitorsDoNotSeeTheHistoryOfADraft() {
    assertThat(anonymous.get(screen("history")).status()).isEqualTo(404);
    assertThat(anonymous.get(screen("revisions", "1")).status()).isEqualTo(404);
    assertThat(anonymous.get(screen("diff") + "?from=1&to=2").status()).isEqualTo(404);
    assertThat(anonymous.get(screen("revert") + "?to=1").status()).isEqualTo(404);
  }

  @Test
  void oldRevisionIsShownWithANoticeAndALinkToTheCurrentPage() {
    Document doc = member.page(screen("revisions", "1"));
    String notice = doc.getElementById("revision-notice").text();
    assertThat(notice).contains("Это версия 1 от", "текущая версия — 3");
    assertThat(doc.select("#revision-notice a").attr("href"))
        .isEqualTo("/c/" + team.community() + "/" + SLUG);
    assertThat(doc.select(".page-body").text()).contains("Два яблока.");
    assertThat(doc.getElementById("revert").attr("href")).endsWith("/revert?to=1");
  }

  @Test
  void revertAsksForConfirmationFirst() {
    Document doc = member.page(screen("revert") + "?to=1");
    Element form = doc.getElementById("revert");
    assertThat(form.attr("method")).isEqualTo("post");
    assertThat(form.selectFirst("input[name=to]").attr("value")).isEqualTo("1");
    assertThat(form.selectFirst("input[name=csrf]").attr("value")).isNotBlank();
    assertThat(doc.getElementById("revert-cancel").attr("href")).endsWith("/history");
    assertThat(doc.getElementById("revert-explain").text()).contains("версия 4");
    assertThat(doc.select(".revert-summary").text())
        .contains("Анна Петровна Иванова", "Первая версия");
    // History rows offer it too: a link without scripts, a confirming form with them.
    Document history = member.page(screen("history"));
    assertThat(history.select("#rev-1 a.revert-link").attr("href")).endsWith("/revert?to=1");
    assertThat(history.select("#rev-1 form.revert").attr("data-confirm")).isNotBlank();
    assertThat(history.select("#rev-3 .revert-link, #rev-3 form.revert")).isEmpty();
  }

  @Test
  void revertWithoutCsrfTokenIsRejectedAndChangesNothing() {
    var response = member.postRaw(screen("revert"), Map.of("to", "1"));
    assertThat(response.status()).isEqualTo(403);
    assertThat(revisionCount()).isEqualTo(3);
    var forged = member.postRaw(screen("revert"), Map.of("to", "1", "csrf", "forged"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(revisionCount()).isEqualTo(3);
  }

  @Test
  void revertWithCsrfTokenAppendsARevisionWithTheOldText() {
    String csrf = member.csrf(screen("revert") + "?to=1");
    var response = member.postRaw(screen("revert"), Map.of("to", "1", "csrf", csrf));
    assertThat(response.status()).isEqualTo(303);
    String location = response.headers().get("Location");
    assertThat(location).isEqualTo(Api.path("c", team.community(), SLUG) + "?reverted=1");
    JsonObject reverted =
        api.get(Api.page(team.community(), SLUG, "revisions", "4"), team.member().token()).json();
    assertThat(reverted.getString("markdown")).isEqualTo(V1);
    assertThat(reverted.getInteger("revertedFrom")).isEqualTo(1);
    assertThat(revisionCount()).isEqualTo(4);
    Document page = member.page(location);
    assertThat(page.getElementById("reverted").text()).contains("версии 1");
  }

  @Test
  void revertToTheCurrentRevisionOrWithABadNumberAppendsNothing() {
    String csrf = member.csrf(screen("history"));
    var same = member.postRaw(screen("revert"), Map.of("to", "3", "csrf", csrf));
    assertThat(same.status()).isEqualTo(303);
    assertThat(same.headers().get("Location")).isEqualTo(Api.path("c", team.community(), SLUG));
    assertThat(member.postRaw(screen("revert"), Map.of("to", "x", "csrf", csrf)).status())
        .isEqualTo(400);
    assertThat(member.postRaw(screen("revert"), Map.of("to", "9", "csrf", csrf)).status())
        .isEqualTo(404);
    assertThat(member.page(screen("revert") + "?to=3").getElementById("revert")).isNull();
    assertThat(revisionCount()).isEqualTo(3);
  }

  @Test
  void nonMembersSeeNoRevertControlsAndCannotRevert() {
    publish();
    WebSession stranger = WebSession.withToken(api, fx.user("Посторонний Учитель").token());
    Document history = stranger.page(screen("history"));
    assertThat(history.select("li.revision")).hasSize(3);
    assertThat(history.select(".revert, .revert-link, #revert")).isEmpty();
    assertThat(stranger.page(screen("revisions", "1")).getElementById("revert")).isNull();
    assertThat(stranger.get(screen("revert") + "?to=1").status()).isEqualTo(403);
    String csrf = stranger.csrf(screen("history"));
    var response = stranger.postRaw(screen("revert"), Map.of("to", "1", "csrf", csrf));
    assertThat(response.status()).isEqualTo(403);
    assertThat(revisionCount()).isEqualTo(3);
    // Anonymous visitors of a published page see the history, and no revert controls either.
    Document open = anonymous.page(screen("history"));
    assertThat(open.select("li.revision")).hasSize(3);
    assertThat(open.select(".revert, .revert-link, #revert")).isEmpty();
  }

  private void save(String token, String title, String markdown, int base, String summary) {
    var response =
        api.put(
            Api.page(team.community(), SLUG),
            token,
            new JsonObject()
                .put("title", title)
                .put("markdown", markdown)
                .put("baseRevision", base)
                .put("summary", summary));
    assertThat(response.status()).as(response.toString()).isIn(200, 201);
  }

  private void publish() {
    var response =
        api.post(Api.page(team.community(), SLUG, "publish"), team.moderator().token(), null);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private int revisionCount() {
    return api.get(Api.page(team.community(), SLUG, "revisions"), team.member().token())
        .items()
        .size();
  }

  private String screen(String... rest) {
    String[] all = new String[3 + rest.length];
    all[0] = "c";
    all[1] = team.community();
    all[2] = SLUG;
    System.arraycopy(rest, 0, all, 3, rest.length);
    return Api.path(all);
  }
}
