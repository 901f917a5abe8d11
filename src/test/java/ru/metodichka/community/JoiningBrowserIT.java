package ru.metodichka.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;

/**
 * A teacher's way into a community, in a real browser, as the regulation has it (§3, §4.4): she
 * asks to join, the moderator approves, the administrator issues the order that confirms the
 * composition, the community's page cites the order, and she edits the community's page.
 */
@ExtendWith(AppExtension.class)
@BrowserTest
class JoiningBrowserIT {
  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void aTeacherAsksToJoinIsApprovedConfirmedByAnOrderAndEditsAPage(TestApp app, Fixtures fx) {
    var team = fx.team();
    fx.save(team.community(), "методички", team.member().token(), "Методички", "Список.\n", 0);
    var teacher = fx.user("Мария Ивановна Соколова");
    String community = "/c/" + team.community();

    Browser maria = browsers.open(app.app().port());
    maria.login(teacher.login(), Fixtures.PASSWORD).go(community);
    maria.type("#join-message", "Веду математику в 5–6 классах, хочу делиться разработками.");
    maria.click("#join-submit");
    maria.waitForText("#join-notice", "");
    assertThat(maria.has("#join-pending")).isTrue();

    Browser olga = browsers.open(app.app().port());
    olga.login(team.moderator().login(), Fixtures.PASSWORD).go("/moderation");
    String request = "li.join-request[data-login='" + teacher.login() + "']";
    assertThat(olga.text(request)).contains("Мария Ивановна Соколова", "хочу делиться");
    olga.click(request + " button[id^=approve-]");
    olga.waitForText("#moderation-notice", "");
    assertThat(olga.has(request)).isFalse();

    Browser admin = browsers.open(app.app().port());
    admin.login("admin", TestApp.ADMIN_PASSWORD).go("/admin/orders");
    // Only this community: other tests' communities may wait for an order too.
    admin.script(
        "var slug = arguments[0];"
            + "document.querySelectorAll('#order-communities input[type=checkbox]')"
            + ".forEach(function (box) { box.checked = box.value === slug; });",
        team.community());
    String number = Fixtures.unique("од-");
    LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(1);
    admin.type("#order-number", number).fill("#order-date", yesterday.toString());
    admin.click("#order-submit");
    admin.waitForText("#admin-notice", "");

    maria.go(community);
    assertThat(maria.text("#composition-order"))
        .isEqualTo(
            "Состав утверждён приказом № "
                + number
                + " от "
                + yesterday.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    assertThat(maria.has("#join-box")).isFalse();
    assertThat(maria.text("#members-heading + p + ul, section[aria-labelledby=members-heading]"))
        .contains("Мария Ивановна Соколова");

    maria.go(community + "/методички");
    maria.clickText("Редактировать");
    maria.fill("#markdown", "Список.\n\n- Дроби в 5 классе\n");
    maria.type("#summary", "Добавила свою разработку");
    maria.click("#save");
    maria.waitForText(".page-body", "Дроби в 5 классе");
    maria.go(community + "/методички/history");
    assertThat(maria.text("main")).contains("Мария Ивановна Соколова", "Добавила свою разработку");
  }
}
