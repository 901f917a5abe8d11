package ru.metodichka.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/**
 * The experts' screens over HTTP, without scripts: «Мои экспертизы», the rubric form (scores,
 * comments, recommendation, a correction), the administrator's invitation with a conflict of
 * interest explained, and the rubric editor; who reaches each.
 */
@ExtendWith(AppExtension.class)
class ExpertScreensIT {

  @Test
  void anExpertFindsTheInvitationScoresItByTheFormAndCorrectsIt(Fixtures fx, TestApp app) {
    Experts experts = new Experts(fx);
    String community = fx.community();
    Fixtures.TestUser expert = experts.expert("Наталья Викторовна Зайцева");
    long id = experts.invited(community, expert.login());
    WebSession web = WebSession.withToken(app.api(), expert.token());

    Document home = web.page("/");
    assertThat(home.selectFirst("#nav-expert").attr("href")).isEqualTo("/expert-reviews");
    Document mine = web.page("/expert-reviews");
    assertThat(mine.select("#reviews-table tr[data-id=" + id + "] a").attr("href"))
        .isEqualTo("/expert-reviews/" + id);
    assertThat(mine.selectFirst("tr[data-id=" + id + "]").text())
        .contains("1 сентября 2025", "31 августа 2026", "ждёт оценки");

    Document review = web.page("/expert-reviews/" + id);
    assertThat(review.select("#review-form fieldset.criterion")).hasSize(5);
    assertThat(review.selectFirst("#others-hidden")).isNotNull();

    Map<String, String> incomplete = new LinkedHashMap<>();
    incomplete.put("score.relevance", "3");
    incomplete.put("comment.relevance", "Задача района");
    var refused = web.postForm("/expert-reviews/" + id, incomplete);
    assertThat(refused.status()).isEqualTo(422);
    Document again = Jsoup.parse(refused.text());
    assertThat(again.selectFirst("#review-errors").text()).contains("Новизна");
    assertThat(again.selectFirst("#score-relevance-3").hasAttr("checked")).isTrue();
    assertThat(again.selectFirst("#comment-relevance").text()).isEqualTo("Задача района");

    Map<String, String> full = new LinkedHashMap<>(incomplete);
    for (String code : Experts.CODES) {
      full.putIfAbsent("score." + code, "2");
    }
    full.put("recommendation", "recommend");
    var sent = web.postForm("/expert-reviews/" + id, full);
    assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
    Document done = web.page(sent.location());
    assertThat(done.selectFirst("#review-notice")).isNotNull();
    assertThat(done.selectFirst("#submission-1 .recommendation").text())
        .isEqualTo("рекомендовать к трансляции");
    assertThat(done.selectFirst("#score-novelty-2").hasAttr("checked")).isTrue();
    assertThat(done.selectFirst("#review-submit").text())
        .isEqualTo("Отправить исправленную оценку");

    full.put("score.novelty", "1");
    assertThat(web.postForm("/expert-reviews/" + id, full).status()).isEqualTo(303);
    Document corrected = web.page("/expert-reviews/" + id);
    assertThat(corrected.select("article.submission.superseded").eachAttr("id"))
        .containsExactly("submission-1");
    assertThat(corrected.selectFirst("#submission-2 tr[data-code=novelty] .score").text())
        .isEqualTo("1");
  }

  @Test
  void theAdministratorSeesWhyAnInvitationIsRefusedAndInvitesAnIndependentExpert(
      Fixtures fx, TestApp app) {
    Experts experts = new Experts(fx);
    Fixtures.Team team = fx.team();
    Fixtures.TestUser insider = experts.expert("Эксперт из самого сообщества");
    fx.join(team.community(), insider, "member");
    Fixtures.TestUser outsider = experts.expert("Независимый эксперт");
    WebSession admin = new WebSession(app.api()).login("admin", TestApp.ADMIN_PASSWORD);

    Document page = admin.page("/admin/experts");
    assertThat(page.selectFirst("#admin-nav-experts").attr("aria-current")).isEqualTo("page");
    assertThat(page.select("#experts-table tr[data-login=" + outsider.login() + "]")).hasSize(1);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("expert", insider.login());
    form.put("community", team.community());
    form.put("from", Experts.FROM);
    form.put("to", Experts.TO);
    var refused = admin.postForm("/admin/experts/invite", form);
    assertThat(refused.status()).isEqualTo(409);
    Document explained = Jsoup.parse(refused.text());
    assertThat(explained.selectFirst("#invite-refused").text())
        .contains(
            "Приглашение отклонено", "Эксперт из самого сообщества", "состоит в нём участником");
    assertThat(explained.selectFirst("#invite-community option[selected]").val())
        .isEqualTo(team.community());

    form.put("expert", outsider.login());
    var invited = admin.postForm("/admin/experts/invite", form);
    assertThat(invited.status()).as(invited.toString()).isEqualTo(303);
    Document after = admin.page(invited.location());
    assertThat(after.selectFirst("#admin-notice").text()).isEqualTo("Эксперт приглашён.");
    assertThat(after.selectFirst("#invitations-table").text()).contains("Независимый эксперт");

    Fixtures.TestUser teacher = fx.user("Учитель, ставший экспертом");
    assertThat(admin.postForm("/admin/experts/grant", Map.of("login", teacher.login())).status())
        .isEqualTo(303);
    assertThat(admin.page("/admin/experts").select("tr[data-login=" + teacher.login() + "]"))
        .hasSize(1);
    assertThat(admin.postForm("/admin/experts/withdraw", Map.of("login", teacher.login())).status())
        .isEqualTo(303);
    assertThat(admin.page("/admin/experts").select("tr[data-login=" + teacher.login() + "]"))
        .isEmpty();
  }

  @Test
  void theAdministratorEditsTheRubricAndEmptyRowsAreLeftOut(Fixtures fx, TestApp app) {
    WebSession admin = new WebSession(app.api()).login("admin", TestApp.ADMIN_PASSWORD);
    Document page = admin.page("/admin/rubric");
    var original = fx.api().get("/api/rubric", null).json();
    assertThat(page.selectFirst("#rubric-0-code").val()).isEqualTo("relevance");
    Map<String, String> form = new LinkedHashMap<>();
    page.select("#rubric-form input[type=text], #rubric-form textarea")
        .forEach(
            input ->
                form.put(input.attr("name"), input.is("textarea") ? input.text() : input.val()));
    form.put("criteria[5].code", "bad code");
    form.put("criteria[5].title", "Ошибка");
    var refused = admin.postForm("/admin/rubric", form);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(Jsoup.parse(refused.text()).selectFirst("#rubric-errors").text())
        .contains("Латинские");
    try {
      form.put("criteria[5].code", "effect");
      form.put("criteria[5].title", "Эффект для учеников");
      var saved = admin.postForm("/admin/rubric", form);
      assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
      var rubric = fx.api().get("/api/rubric", null).json();
      assertThat(rubric.getJsonArray("criteria")).hasSize(6);
    } finally {
      fx.api()
          .put(
              "/api/rubric",
              fx.adminToken(),
              new io.vertx.core.json.JsonObject()
                  .put("criteria", original.getJsonArray("criteria")));
    }
  }

  @Test
  void eachScreenAnswersOnlyThoseItIsFor(Fixtures fx, TestApp app) {
    Audiences audiences = Audiences.create(fx, app);
    Experts experts = new Experts(fx);
    experts.grant(audiences.login(Audience.EXPERT));
    long id = experts.invited(audiences.community(), audiences.login(Audience.EXPERT));
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      WebSession web =
          token == null ? new WebSession(app.api()) : WebSession.withToken(app.api(), token);
      int mine =
          audience == Audience.EXPERT || audience == Audience.ADMINISTRATOR
              ? 200
              : Audiences.refused(audience);
      assertThat(web.get("/expert-reviews").status()).as(audience.name()).isEqualTo(mine);
      int review =
          audience.moderator() || audience == Audience.EXPERT
              ? 200
              : audience == Audience.ANONYMOUS ? 401 : 404;
      assertThat(web.get("/expert-reviews/" + id).status()).as(audience.name()).isEqualTo(review);
      if (review == 200) {
        assertThat(web.lastPage().select("#review-form").isEmpty())
            .as(audience.name() + " has no rubric form")
            .isEqualTo(audience != Audience.EXPERT);
      }
      int admin = audience == Audience.ADMINISTRATOR ? 200 : Audiences.refused(audience);
      assertThat(web.get("/admin/experts").status()).as(audience.name()).isEqualTo(admin);
      assertThat(web.get("/admin/rubric").status()).as(audience.name()).isEqualTo(admin);
    }
  }
}
