package ru.metodichka.expert;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Independent experts (§5.2): invitations refused for each conflict of interest, blind reading,
 * corrections that supersede without erasing, and the composite with its disagreement flag, its
 * means computed here by hand.
 */
@ExtendWith(AppExtension.class)
class ExpertReviewIT {

  @Test
  void anExpertWhoIsOrWasAMemberOrModeratorIsRefusedWithTheReason(Fixtures fx) {
    Experts experts = new Experts(fx);
    Fixtures.Team team = fx.team();
    String community = team.community();
    Fixtures.TestUser member = experts.expert("Участник-эксперт");
    Fixtures.TestUser former = experts.expert("Бывший участник-эксперт");
    fx.join(community, member, "member");
    fx.join(community, former, "member");
    var left =
        fx.api()
            .delete(
                "/api" + Api.path("communities", community, "members", former.login()),
                former.token());
    assertThat(left.status()).isEqualTo(204);
    Fixtures.TestUser methodist = fx.methodist("Методист-эксперт");
    experts.grant(methodist.login());
    fx.join(community, methodist, "moderator");

    Fixtures.TestUser relieved = fx.methodist("Бывший модератор-эксперт");
    experts.grant(relieved.login());
    fx.join(community, relieved, "moderator");
    var ended =
        fx.api()
            .delete(
                "/api" + Api.path("communities", community, "members", relieved.login()),
                fx.adminToken());
    assertThat(ended.status()).as(ended.toString()).isEqualTo(204);

    assertConflict(experts.invite(community, member.login(), Experts.FROM, Experts.TO), "member");
    assertConflict(
        experts.invite(community, former.login(), Experts.FROM, Experts.TO), "former_member");
    assertConflict(
        experts.invite(community, methodist.login(), Experts.FROM, Experts.TO), "moderator");
    assertConflict(
        experts.invite(community, relieved.login(), Experts.FROM, Experts.TO), "former_moderator");
  }

  @Test
  void anExpertFromTheInstitutionOfAnAuthorIsRefusedForThatAuthorsMaterialsOnly(Fixtures fx) {
    Experts experts = new Experts(fx);
    Fixtures.Team team = fx.team();
    String community = team.community();
    String school = Fixtures.unique("Гимназия № ");
    Fixtures.TestUser author = experts.user("Автор из гимназии", school);
    fx.join(community, author, "member");
    fx.save(community, "проект-гимназии", author.token(), "Проект гимназии", "Текст.\n", 0);
    fx.save(community, "другой-проект", team.member().token(), "Другой проект", "Текст.\n", 0);
    publish(fx, team, "проект-гимназии");
    publish(fx, team, "другой-проект");
    fx.save(community, "черновик", team.member().token(), "Черновик", "Текст.\n", 0);
    Fixtures.TestUser colleague = experts.expert("Коллега автора", school);

    var whole = experts.invite(community, colleague.login(), Experts.FROM, Experts.TO);
    JsonObject reason = assertConflict(whole, "institution");
    assertThat(reason.getString("institution")).isEqualTo(school);
    assertThat(reason.getJsonObject("author").getString("login")).isEqualTo(author.login());
    assertThat(reason.getString("page")).isEqualTo("проект-гимназии");
    assertThat(whole.json().getString("detail")).contains(school, "Автор из гимназии");
    assertConflict(
        experts.invite(community, colleague.login(), Experts.FROM, Experts.TO, "проект-гимназии"),
        "institution");

    var other =
        experts.invite(community, colleague.login(), Experts.FROM, Experts.TO, "другой-проект");
    assertThat(other.status()).as(other.toString()).isEqualTo(201);
    var draft = experts.invite(community, colleague.login(), Experts.FROM, Experts.TO, "черновик");
    assertThat(draft.status()).isEqualTo(422);
    assertThat(draft.text()).contains("pages[0]");
  }

  @Test
  void aChosenMaterialUnpublishedSinceTheInvitationIsNoLongerShownToTheExpert(Fixtures fx) {
    Experts experts = new Experts(fx);
    Fixtures.Team team = fx.team();
    String community = team.community();
    fx.save(community, "тайный-проект", team.member().token(), "Тайный проект", "Текст.\n", 0);
    publish(fx, team, "тайный-проект");
    Fixtures.TestUser expert = experts.expert("Эксперт выбранного материала");
    long id = experts.invited(community, expert.login(), "тайный-проект");
    assertThat(experts.review(expert.token(), id).json().getJsonArray("pages")).hasSize(1);

    var unpublished =
        fx.api()
            .post(
                Api.page(community, "тайный-проект", "unpublish"), team.moderator().token(), null);
    assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
    assertThat(experts.review(expert.token(), id).json().getJsonArray("pages")).isEmpty();
    assertThat(experts.review(expert.token(), id).text()).doesNotContain("Тайный");
    assertThat(fx.api().get("/api/expert-reviews", expert.token()).text())
        .doesNotContain("тайный-проект");
    assertThat(experts.review(team.moderator().token(), id).json().getJsonArray("pages"))
        .hasSize(1);
  }

  @Test
  void onlyUsersHoldingTheExpertRightAreInvitedAndThePeriodMustMakeSense(Fixtures fx) {
    Experts experts = new Experts(fx);
    String community = fx.community();
    Fixtures.TestUser teacher = experts.user("Учитель без прав эксперта", "Школа № 9");
    var refused = experts.invite(community, teacher.login(), Experts.FROM, Experts.TO);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.text()).contains("\"expert\"");
    Fixtures.TestUser expert = experts.expert("Эксперт");
    var backwards = experts.invite(community, expert.login(), "2026-09-01", "2025-09-01");
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.text()).contains("\"to\"");
    var withdrawn = fx.api().delete("/api" + Api.path("experts", expert.login()), fx.adminToken());
    assertThat(withdrawn.status()).isEqualTo(204);
    assertThat(experts.invite(community, expert.login(), Experts.FROM, Experts.TO).status())
        .isEqualTo(422);
  }

  @Test
  void anExpertSeesOtherReviewsOnlyAfterSubmittingTheirOwn(Fixtures fx) {
    Experts experts = new Experts(fx);
    Fixtures.Team team = fx.team();
    Fixtures.TestUser first = experts.expert("Первый эксперт");
    Fixtures.TestUser second = experts.expert("Второй эксперт");
    long firstId = experts.invited(team.community(), first.login());
    long secondId = experts.invited(team.community(), second.login());
    assertThat(
            experts
                .submit(second.token(), secondId, Experts.scoring("revise", 1, 1, 1, 1, 1))
                .status())
        .isEqualTo(201);

    JsonObject before = experts.review(first.token(), firstId).json();
    assertThat(before.getBoolean("othersHidden")).isTrue();
    assertThat(before.getJsonArray("others")).isEmpty();
    assertThat(experts.composite(first.token(), team.community()).status()).isEqualTo(403);
    JsonObject moderatorView = experts.review(team.moderator().token(), firstId).json();
    assertThat(moderatorView.getBoolean("othersHidden")).isFalse();
    assertThat(moderatorView.getJsonArray("others")).hasSize(1);

    assertThat(
            experts
                .submit(first.token(), firstId, Experts.scoring("recommend", 3, 3, 3, 3, 3))
                .status())
        .isEqualTo(201);
    JsonObject after = experts.review(first.token(), firstId).json();
    assertThat(after.getBoolean("othersHidden")).isFalse();
    JsonArray others = after.getJsonArray("others");
    assertThat(others).hasSize(1);
    assertThat(others.getJsonObject(0).getJsonObject("expert").getString("login"))
        .isEqualTo(second.login());
    assertThat(others.getJsonObject(0).getJsonObject("scores").getInteger("novelty")).isEqualTo(1);
    assertThat(experts.composite(first.token(), team.community()).status()).isEqualTo(200);
    assertThat(experts.review(second.token(), firstId).status()).isEqualTo(404);
  }

  @Test
  void aSecondSubmissionSupersedesTheFirstAndBothAreKept(Fixtures fx, TestApp app)
      throws Exception {
    Experts experts = new Experts(fx);
    String community = fx.community();
    Fixtures.TestUser expert = experts.expert("Эксперт, исправивший оценку");
    long id = experts.invited(community, expert.login());
    var first = experts.submit(expert.token(), id, Experts.scoring("reject", 0, 0, 0, 0, 0));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().getInteger("submitted")).isEqualTo(1);
    var second = experts.submit(expert.token(), id, Experts.scoring("revise", 2, 2, 2, 2, 2));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().getInteger("submitted")).isEqualTo(2);

    JsonArray submissions = experts.review(expert.token(), id).json().getJsonArray("submissions");
    assertThat(submissions).hasSize(2);
    assertThat(submissions.getJsonObject(0).getInteger("number")).isEqualTo(2);
    assertThat(submissions.getJsonObject(0).getBoolean("superseded")).isFalse();
    assertThat(submissions.getJsonObject(0).getString("recommendation")).isEqualTo("revise");
    assertThat(submissions.getJsonObject(1).getBoolean("superseded")).isTrue();
    assertThat(submissions.getJsonObject(1).getJsonObject("scores").getInteger("relevance"))
        .isZero();
    var withdrawn = fx.api().delete("/api" + Api.path("experts", expert.login()), fx.adminToken());
    assertThat(withdrawn.status()).isEqualTo(204);
    assertThat(fx.api().get("/api/expert-reviews", expert.token()).text()).contains("\"id\":" + id);
    assertThat(experts.review(expert.token(), id).json().getJsonArray("submissions")).hasSize(2);
    assertThat(
            experts.submit(expert.token(), id, Experts.scoring("revise", 3, 3, 3, 3, 3)).status())
        .isEqualTo(403);
    try (Connection db = app.jdbc();
        var change = db.createStatement()) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> change.executeUpdate("UPDATE expert_scores SET score = 3")))
          .hasMessageContaining("append-only");
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> change.executeUpdate("DELETE FROM expert_submissions")))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void theCompositeAveragesTheLatestReviewsAndFlagsADisagreementOfTwoPoints(Fixtures fx) {
    Experts experts = new Experts(fx);
    Fixtures.Team team = fx.team();
    String community = team.community();
    Fixtures.TestUser a = experts.expert("Эксперт А");
    Fixtures.TestUser b = experts.expert("Эксперт Б");
    Fixtures.TestUser c = experts.expert("Эксперт В, ещё не оценивший");
    Fixtures.TestUser later = experts.expert("Эксперт следующего года");
    long aId = experts.invited(community, a.login());
    long bId = experts.invited(community, b.login());
    experts.invited(community, c.login());
    var nextYear = experts.invite(community, later.login(), "2026-09-01", "2027-09-01");
    experts.submit(
        later.token(), nextYear.json().getLong("id"), Experts.scoring("reject", 0, 0, 0, 0, 0));
    // A's first scores are superseded: only the second submission counts.
    experts.submit(a.token(), aId, Experts.scoring("reject", 0, 0, 0, 0, 0));
    experts.submit(a.token(), aId, Experts.scoring("recommend", 3, 3, 2, 2, 1));
    experts.submit(b.token(), bId, Experts.scoring("revise", 2, 1, 2, 3, 1));

    JsonObject composite =
        experts.composite(team.moderator().token(), community).json().getJsonObject("experts");
    assertThat(composite.getInteger("reviews")).isEqualTo(2);
    JsonArray criteria = composite.getJsonArray("criteria");
    assertThat(criteria.stream().map(o -> ((JsonObject) o).getString("code")).toList())
        .containsExactlyElementsOf(Experts.CODES);
    // By hand: (3+2)/2, (3+1)/2, (2+2)/2, (2+3)/2, (1+1)/2; 3 and 1 differ by 2.
    assertCriterion(criteria.getJsonObject(0), "Актуальность", 2.5, false);
    assertCriterion(criteria.getJsonObject(1), "Новизна", 2.0, true);
    assertCriterion(criteria.getJsonObject(2), "Практическая значимость", 2.0, false);
    assertCriterion(criteria.getJsonObject(3), "Возможность тиражирования", 2.5, false);
    assertCriterion(criteria.getJsonObject(4), "Качество оформления", 1.0, false);
    // (3+3+2+2+1 + 2+1+2+3+1) / 10
    assertThat(composite.getDouble("overall")).isEqualTo(2.0);
    assertThat(composite.getJsonObject("recommendations"))
        .isEqualTo(new JsonObject().put("recommend", 1).put("revise", 1).put("reject", 0));
  }

  @Test
  void theEvaluationCarriesTheCompositeAndAnInvitedExpertReadsItOnlyAfterSubmitting(Fixtures fx) {
    Experts experts = new Experts(fx);
    Fixtures.Team team = fx.team();
    String community = team.community();
    Fixtures.TestUser a = experts.expert("Эксперт для оценки сообщества");
    Fixtures.TestUser b = experts.expert("Второй эксперт для оценки сообщества");
    Fixtures.TestUser uninvited = experts.expert("Эксперт без приглашения");
    long aId = experts.invited(community, a.login());
    long bId = experts.invited(community, b.login());
    experts.submit(b.token(), bId, Experts.scoring("revise", 2, 1, 2, 3, 1));
    String evaluation =
        "/api"
            + Api.path("communities", community, "evaluation")
            + "?from="
            + Experts.FROM
            + "&to="
            + Experts.TO;

    JsonObject forModerator = fx.api().get(evaluation, team.moderator().token()).json();
    assertThat(forModerator.getJsonObject("experts"))
        .isEqualTo(
            experts.composite(team.moderator().token(), community).json().getJsonObject("experts"));
    assertThat(forModerator.getJsonObject("experts").getInteger("reviews")).isEqualTo(1);
    // Invited but not yet submitted: the figures, without the other experts' composite (blind).
    var blind = fx.api().get(evaluation, a.token());
    assertThat(blind.status()).as(blind.toString()).isEqualTo(200);
    assertThat(blind.json().containsKey("experts")).isTrue();
    assertThat(blind.json().getValue("experts")).isNull();
    assertThat(blind.json().getJsonObject("participants")).isNotNull();
    experts.submit(a.token(), aId, Experts.scoring("recommend", 3, 3, 2, 2, 1));
    JsonObject after = fx.api().get(evaluation, a.token()).json();
    assertThat(after.getJsonObject("experts").getInteger("reviews")).isEqualTo(2);
    // An expert not invited to review this community reads nothing of it.
    assertThat(fx.api().get(evaluation, uninvited.token()).status()).isEqualTo(403);
    assertThat(fx.api().get(evaluation, null).status()).isEqualTo(401);
  }

  @Test
  void anInvitationKeepsTheRubricVersionItWasMadeUnder(Fixtures fx) {
    Experts experts = new Experts(fx);
    String community = fx.community();
    Fixtures.TestUser early = experts.expert("Эксперт по прежней рубрике");
    Fixtures.TestUser late = experts.expert("Эксперт по новой рубрике");
    JsonObject original = fx.api().get("/api/rubric", null).json();
    long earlyId = experts.invited(community, early.login());
    JsonArray criteria =
        new JsonArray()
            .add(crit("relevance", "Актуальность"))
            .add(crit("effect", "Эффект для учеников"));
    try {
      var edited =
          fx.api().put("/api/rubric", fx.adminToken(), new JsonObject().put("criteria", criteria));
      assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
      assertThat(edited.json().getInteger("version")).isGreaterThan(original.getInteger("version"));
      long lateId = experts.invited(community, late.login());

      assertThat(
              experts
                  .submit(early.token(), earlyId, Experts.scoring("revise", 1, 2, 3, 2, 1))
                  .status())
          .isEqualTo(201);
      var oldScores =
          experts.submit(late.token(), lateId, Experts.scoring("revise", 1, 2, 3, 2, 1));
      assertThat(oldScores.status()).isEqualTo(422);
      assertThat(oldScores.text()).contains("scores.effect", "scores.novelty");
      JsonObject newScores =
          new JsonObject()
              .put("scores", new JsonObject().put("relevance", 2).put("effect", 3))
              .put("recommendation", "recommend");
      assertThat(experts.submit(late.token(), lateId, newScores).status()).isEqualTo(201);
      assertThat(
              experts
                  .review(early.token(), earlyId)
                  .json()
                  .getJsonObject("rubric")
                  .getJsonArray("criteria"))
          .hasSize(5);
    } finally {
      var restored =
          fx.api()
              .put(
                  "/api/rubric",
                  fx.adminToken(),
                  new JsonObject().put("criteria", original.getJsonArray("criteria")));
      assertThat(restored.status()).isEqualTo(200);
    }
  }

  private static JsonObject crit(String code, String title) {
    return new JsonObject().put("code", code).put("title", title).put("description", "");
  }

  private static void assertCriterion(
      JsonObject criterion, String title, double mean, boolean disagreement) {
    assertThat(criterion.getString("title")).isEqualTo(title);
    assertThat(criterion.getDouble("mean")).as(title).isEqualTo(mean);
    assertThat(criterion.getBoolean("disagreement")).as(title).isEqualTo(disagreement);
  }

  /** A 409 conflict_of_interest with this reason (its problem's {@code reason}). */
  private static JsonObject assertConflict(Api.Response response, String kind) {
    assertThat(response.status()).as(response.toString()).isEqualTo(409);
    JsonObject problem = response.json();
    assertThat(problem.getString("code")).isEqualTo("conflict_of_interest");
    assertThat(problem.getJsonObject("reason").getString("kind")).isEqualTo(kind);
    return problem.getJsonObject("reason");
  }

  private static void publish(Fixtures fx, Fixtures.Team team, String slug) {
    var published =
        fx.api().post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
  }
}
