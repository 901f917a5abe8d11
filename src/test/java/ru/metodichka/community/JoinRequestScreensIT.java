package ru.metodichka.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** Joining by request through the screens: ask, the moderator's queue and count, decide. */
@ExtendWith(AppExtension.class)
class JoinRequestScreensIT {

  @Test
  void aTeacherAsksToJoinAndTheModeratorApprovesFromTheQueueTheHeaderCounts(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    var teacher = fx.user("Марина Викторовна Орлова");
    WebSession asTeacher = WebSession.withToken(api, teacher.token());
    WebSession asModerator = WebSession.withToken(api, team.moderator().token());
    String community = "/c" + Api.path(team.community());

    Document page = asTeacher.page(community);
    assertThat(page.getElementById("join-form")).isNotNull();
    var asked =
        asTeacher.postForm(community + "/join", Map.of("message", "Веду кружок робототехники"));
    assertThat(asked.status()).isEqualTo(303);
    Document after = asTeacher.page(community + "?joined=requested");
    assertThat(after.getElementById("join-pending")).isNotNull();
    assertThat(after.getElementById("join-form")).isNull();
    assertThat(asTeacher.page("/me").select("#my-requests .request-status").text())
        .isEqualTo("ждёт решения");

    // The moderator sees the count on any screen and the request with its message.
    Document home = asModerator.page("/");
    assertThat(home.select("#attention .count").text()).isNotEmpty();
    Document desk = asModerator.page("/moderation");
    var request = desk.selectFirst("li.join-request[data-login=" + teacher.login() + "]");
    assertThat(request.select(".request-message").text()).isEqualTo("Веду кружок робототехники");
    String approve = request.selectFirst("form[action$=/approve]").attr("action");
    assertThat(asModerator.postForm(approve, Map.of()).status()).isEqualTo(303);

    assertThat(asTeacher.page(community).getElementById("join-box")).isNull();
    assertThat(api.get("/api/users/me", teacher.token()).json().getJsonArray("memberships"))
        .hasSize(1);
    // Others see neither the queue nor the message.
    assertThat(
            WebSession.withToken(api, team.member().token())
                .page("/moderation")
                .getElementById("no-requests"))
        .isNotNull();
    assertThat(asModerator.page("/moderation").html()).doesNotContain("робототехники");
  }

  @Test
  void aRejectionReachesTheTeacherWithItsReasonAndTheyMayAskAgain(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    var teacher = fx.user("Пётр Ильич Соколов");
    WebSession asTeacher = WebSession.withToken(api, teacher.token());
    WebSession asModerator = WebSession.withToken(api, team.moderator().token());
    String community = "/c" + Api.path(team.community());
    asTeacher.page(community);
    asTeacher.postForm(community + "/join", Map.of("message", ""));
    Document desk = asModerator.page("/moderation");
    var request = desk.selectFirst("li.join-request[data-login=" + teacher.login() + "]");
    String reject = request.selectFirst("form[action$=/reject]").attr("action");
    assertThat(asModerator.postForm(reject, Map.of("reason", "")).status()).isEqualTo(422);
    assertThat(
            asModerator
                .postForm(reject, Map.of("reason", "Сообщество для учителей начальных классов"))
                .status())
        .isEqualTo(303);

    Document page = asTeacher.page(community);
    assertThat(page.getElementById("join-rejected").text())
        .contains("Сообщество для учителей начальных классов");
    assertThat(page.getElementById("join-form")).isNotNull();
    assertThat(asTeacher.page("/me").select("#my-requests .request-reason").text())
        .isEqualTo("Сообщество для учителей начальных классов");
  }

  @Test
  void visitorsAreAskedToLogInAndMembersSeeNoJoinBox(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String community = "/c" + Api.path(team.community());
    Document visitor = new WebSession(api).page(community);
    assertThat(visitor.select("#join-box a[href^=/login]")).hasSize(1);
    assertThat(
            WebSession.withToken(api, team.member().token())
                .page(community)
                .getElementById("join-box"))
        .isNull();
  }
}
