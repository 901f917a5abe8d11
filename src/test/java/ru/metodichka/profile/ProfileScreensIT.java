package ru.metodichka.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** {@code /me} over HTTP: the profile, the user's communities and their contributions. */
@ExtendWith(AppExtension.class)
class ProfileScreensIT {

  @Test
  void anonymousVisitorsAreSentToLogInFirst(Api api) {
    var response = new WebSession(api).get("/me");
    assertThat(response.status()).isIn(302, 303);
    assertThat(response.headers().get("Location")).isEqualTo("/login?back=/me");
  }

  @Test
  void profileShowsTheUserTheirCommunitiesAndContributionsNewestFirst(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    fx.save(team.community(), "план", team.member().token(), "План работы", "Раз.\n", 0);
    fx.save(team.community(), "план", team.member().token(), "План работы", "Раз.\nДва.\n", 1);
    WebSession member = WebSession.withToken(api, team.member().token());

    Document doc = member.page("/me");
    assertThat(doc.getElementById("profile-name").text()).isEqualTo("Анна Петровна Иванова");
    assertThat(doc.select("#profile .login").text()).isEqualTo(team.member().login());
    assertThat(doc.select("#profile .email").text())
        .isEqualTo(team.member().login() + "@school.example");
    assertThat(doc.select("#profile .institution").text()).isEqualTo("МБОУ СОШ № 1");
    assertThat(doc.select("#profile .position").text()).isEqualTo("учитель");
    assertThat(doc.select("#my-communities li").text())
        .contains("Сообщество " + team.community(), "Участник");

    var rows = doc.select("#contributions tr.contribution");
    // Creating the page is one act (a new page, its first revision); then one more revision.
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).selectFirst("a.page-link").text()).isEqualTo("План работы");
    assertThat(rows.get(0).selectFirst("a.page-link").attr("href"))
        .isEqualTo("/c/" + team.community() + "/план");
    assertThat(rows.get(0).selectFirst(".kind").text()).isEqualTo("Правка");
    assertThat(rows.get(0).text()).contains("добавлено 5", "Сообщество " + team.community());
    assertThat(rows.get(1).selectFirst(".kind").text()).isEqualTo("Новая страница");
    assertThat(rows.get(0).selectFirst("time").attr("datetime")).isNotBlank();
  }

  @Test
  void contributionsArePaged(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    for (int i = 0; i < 5; i++) {
      fx.save(
          team.community(), "стр" + i, team.moderator().token(), "Страница " + i, "Текст.\n", 0);
    }
    WebSession moderator = WebSession.withToken(api, team.moderator().token());
    Document first = moderator.page("/me?limit=4");
    assertThat(first.select("tr.contribution")).hasSize(4);
    String older = first.getElementById("older").attr("href");
    Document second = moderator.page(older);
    assertThat(second.select("tr.contribution")).hasSize(1);
    assertThat(second.getElementById("older")).isNull();
    assertThat(second.getElementById("newer")).isNotNull();
    assertThat(second.select("#contributions").text()).contains("Страница 0");
    JsonObject me = api.get("/api/users/me", team.moderator().token()).json();
    assertThat(me.getString("login")).isEqualTo(team.moderator().login());
  }

  @Test
  void aFormerMemberSeesTheTitleOfTheirOwnRevisionNotLaterRenamesOfADraft(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    var leaver = fx.user("Уходящий участник");
    fx.join(team.community(), leaver, "member");
    fx.save(team.community(), "черновик", leaver.token(), "Рабочее название", "Текст.\n", 0);
    var left =
        api.delete(
            "/api" + Api.path("communities", team.community(), "members", leaver.login()),
            leaver.token());
    assertThat(left.status()).isEqualTo(204);
    fx.save(
        team.community(), "черновик", team.member().token(), "Секретное новое название", "Т.\n", 1);

    Document doc = WebSession.withToken(api, leaver.token()).page("/me");
    var row = doc.selectFirst("#contributions tr.contribution");
    assertThat(row.text()).contains("Рабочее название").doesNotContain("Секретное");
    assertThat(row.select("a.page-link")).isEmpty();
    assertThat(row.select(".page-unavailable").text()).isEqualTo("Рабочее название");
    assertThat(doc.html()).doesNotContain("/c/" + team.community() + "/черновик");
  }
}
