package ru.metodichka.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

@ExtendWith(AppExtension.class)
class AdminScreensIT {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private Api api;

  @BeforeEach
  void findServer(TestApp app) {
    api = app.api();
  }

  private WebSession browser() {
    return new WebSession(api);
  }

  private WebSession admin() {
    return browser().login("admin", TestApp.ADMIN_PASSWORD);
  }

  private static String community(String slug, String... rest) {
    String[] all = new String[2 + rest.length];
    all[0] = "communities";
    all[1] = slug;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return "/admin" + Api.path(all);
  }

  private static Element row(Document page, String table, String attribute, String value) {
    Element row = page.selectFirst("#" + table + " tr[" + attribute + "=\"" + value + "\"]");
    assertThat(row).as("row %s=%s in #%s", attribute, value, table).isNotNull();
    return row;
  }

  @Test
  void onlyAdministratorsSeeOrUseAnyAdminScreen(Fixtures fx) {
    String slug = fx.community();
    Fixtures.TestUser teacher = fx.user("Учитель без прав");
    WebSession user = browser().login(teacher.login(), Fixtures.PASSWORD);
    WebSession visitor = browser();
    List<String> screens =
        List.of(
            "/admin", "/admin/communities", community(slug), "/admin/users", "/admin/institutions");
    for (String screen : screens) {
      assertThat(user.get(screen).status()).as(screen).isEqualTo(403);
      Api.Response anonymous = visitor.get(screen);
      assertThat(anonymous.status()).as(screen).isEqualTo(401);
      assertThat(anonymous.document().select("main a[href^=/login]")).as(screen).isNotEmpty();
    }
    Map<String, Map<String, String>> actions =
        Map.of(
            "/admin/communities",
            Map.of("slug", Fixtures.unique("x"), "name", "Н", "task", "З", "description", ""),
            community(slug, "status"),
            Map.of("status", "archived"),
            community(slug, "members"),
            Map.of("login", teacher.login(), "role", "moderator"),
            community(slug, "members", teacher.login(), "role"),
            Map.of("role", "moderator"),
            community(slug, "members", teacher.login(), "end"),
            Map.of(),
            "/admin/users",
            Map.of("login", Fixtures.unique("x"), "name", "Н", "password", "long-password"),
            "/admin/institutions",
            Map.of("name", Fixtures.unique("Школа"), "kind", "school"));
    actions.forEach(
        (path, form) -> {
          assertThat(user.postForm(path, form).status()).as(path).isEqualTo(403);
          assertThat(visitor.postForm(path, form).status()).as(path).isEqualTo(401);
        });
    Document after = admin().get(community(slug)).document();
    assertThat(after.select("#members-empty")).isNotEmpty();
    assertThat(after.selectFirst("#community-status").text()).isEqualTo("Действует");
  }

  @Test
  void anAdministratorSetsUpACommunityAndItsCompositionStepByStep(Fixtures fx) {
    WebSession admin = admin();
    String institution = Fixtures.unique("МБОУ «Гимназия № 7» ");
    Api.Response created =
        admin.postForm(
            "/admin/institutions",
            Map.of("name", institution, "short-name", "Гимназия 7", "kind", "school"));
    assertThat(created.status()).as(created.toString()).isEqualTo(303);
    assertThat(created.location()).isEqualTo("/admin/institutions?done=institution_created");
    Document institutions = admin.get(created.location()).document();
    assertThat(institutions.select("#admin-notice")).isNotEmpty();
    assertThat(rowByName(institutions, "institutions-table", institution).text())
        .contains("Гимназия 7", "Школа");

    String login = Fixtures.unique("teacher");
    Api.Response user =
        admin.postForm(
            "/admin/users",
            Map.of(
                "login", login,
                "name", "Мария Ивановна Котова",
                "email", login + "@school.example",
                "institution", institution,
                "position", "учитель математики",
                "password", "teacher-password",
                "methodist", "on"));
    assertThat(user.status()).as(user.toString()).isEqualTo(303);
    Element account =
        row(admin.get("/admin/users?q=" + login).document(), "users-table", "data-login", login);
    assertThat(account.text()).contains("Мария Ивановна Котова", institution, "учитель математики");
    assertThat(account.select(".user-flags .badge")).hasSize(1);
    assertThat(fx.login(login, "teacher-password")).isNotBlank();
    assertThat(
            rowByName(
                    admin.get("/admin/institutions").document(), "institutions-table", institution)
                .select("td")
                .last()
                .text())
        .isEqualTo("1");

    String slug = Fixtures.unique("Наставничество");
    Api.Response community =
        admin.postForm(
            "/admin/communities",
            Map.of(
                "slug", slug,
                "name", "Наставничество молодых педагогов",
                "task", "Сопровождение учителей в первые три года",
                "description", "Встречи раз в месяц"));
    assertThat(community.status()).as(community.toString()).isEqualTo(303);
    assertThat(community.location()).isEqualTo(community(slug) + "?done=community_created");
    assertThat(
            row(admin.get("/admin/communities").document(), "communities-table", "data-slug", slug)
                .text())
        .contains("Наставничество молодых педагогов", "Действует");

    Api.Response added =
        admin.postForm(
            community(slug, "members"),
            Map.of(
                "login",
                login,
                "role",
                "member",
                "order-number",
                "15-о",
                "order-date",
                "2026-09-01"));
    assertThat(added.status()).as(added.toString()).isEqualTo(303);
    assertThat(added.location()).endsWith("?done=member_added");
    Element member =
        row(admin.get(community(slug)).document(), "members-table", "data-login", login);
    assertThat(member.selectFirst(".member-role").text()).isEqualTo("Участник");
    assertThat(member.text()).contains("№ 15-о от 1 сентября 2026");

    Api.Response promoted =
        admin.postForm(
            community(slug, "members", login, "role"),
            Map.of("role", "moderator", "order-number", "16-о", "order-date", "2026-10-01"));
    assertThat(promoted.location()).endsWith("?done=role_changed");
    Document page = admin.get(community(slug)).document();
    assertThat(row(page, "members-table", "data-login", login).selectFirst(".member-role").text())
        .isEqualTo("Модератор");
    assertThat(page.selectFirst("#role-" + login + "-role option[selected]").val())
        .isEqualTo("moderator");

    Api.Response ended = admin.postForm(community(slug, "members", login, "end"), Map.of());
    assertThat(ended.location()).endsWith("?done=member_ended");
    page = admin.get(community(slug)).document();
    assertThat(page.select("#members-empty")).isNotEmpty();
    var periods = page.select("#history-table tbody tr[data-login=" + login + "]");
    assertThat(periods).hasSize(2);
    assertThat(periods.get(0).attr("data-role")).isEqualTo("moderator");
    assertThat(periods.get(0).text()).contains("Исключён", "№ 16-о от 1 октября 2026");
    assertThat(periods.get(1).attr("data-role")).isEqualTo("member");
    assertThat(periods.get(1).text()).contains("Смена роли", "№ 15-о от 1 сентября 2026");
    var history =
        fx.api()
            .get("/api" + Api.path("communities", slug, "members", "history"), fx.adminToken())
            .items();
    assertThat(history.stream().map(h -> ((JsonObject) h).getString("endReason")))
        .containsExactly("removed", "role_changed");

    Api.Response archived = admin.postForm(community(slug, "status"), Map.of("status", "archived"));
    assertThat(archived.location()).endsWith("?done=community_archived");
    assertThat(admin.get(community(slug)).document().selectFirst("#community-status").text())
        .isEqualTo("В архиве");
    assertThat(admin.get("/c" + Api.path(slug)).status()).isEqualTo(200);
    assertThat(browser().get("/c" + Api.path(slug)).status()).isEqualTo(200);
    admin.postForm(community(slug, "status"), Map.of("status", "active"));
    assertThat(admin.get(community(slug)).document().selectFirst("#community-status").text())
        .isEqualTo("Действует");
  }

  @Test
  void theScreensSpeakEnglishWhenAsked() {
    WebSession admin = admin();
    admin.get("/lang/en");
    for (String screen :
        List.of("/admin", "/admin/communities", "/admin/users", "/admin/institutions")) {
      Document page = admin.get(screen).document();
      assertThat(page.selectFirst("html").attr("lang")).as(screen).isEqualTo("en");
      assertThat(page.select("main").text()).as(screen).doesNotContainPattern("admin\\.[a-z]");
    }
    assertThat(admin.get("/admin").document().selectFirst("h1").text()).isEqualTo("Administration");
  }

  private static Element rowByName(Document page, String table, String name) {
    return page.select("#" + table + " tbody tr").stream()
        .filter(r -> r.selectFirst("th").text().equals(name.strip()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + name + " in #" + table));
  }

  @Test
  void aFormPostedWithoutItsTokenIsRefusedAndChangesNothing(Fixtures fx) {
    WebSession admin = admin();
    String institution = Fixtures.unique("Детский сад № ");
    String slug = Fixtures.unique("c");
    String login = Fixtures.unique("u");
    assertThat(
            admin
                .postRaw("/admin/institutions", Map.of("name", institution, "kind", "school"))
                .status())
        .isEqualTo(403);
    assertThat(
            admin
                .postRaw("/admin/communities", Map.of("slug", slug, "name", "Н", "task", "З"))
                .status())
        .isEqualTo(403);
    assertThat(
            admin
                .postRaw(
                    "/admin/users",
                    Map.of("login", login, "name", "Н", "password", "long-password"))
                .status())
        .isEqualTo(403);
    Api.Response forged =
        admin.postRaw(
            "/admin/institutions", Map.of("name", institution, "kind", "school", "csrf", "forged"));
    assertThat(forged.status()).isEqualTo(403);

    assertThat(admin.get("/admin/institutions").text()).doesNotContain(institution);
    assertThat(admin.get("/admin/communities").document().select("tr[data-slug=" + slug + "]"))
        .isEmpty();
    assertThat(
            admin.get("/admin/users?q=" + login).document().select("tr[data-login=" + login + "]"))
        .isEmpty();
  }

  @Test
  void hostileNamesAreShownAsText(Fixtures fx) {
    WebSession admin = admin();
    String institution = HOSTILE + Fixtures.unique(" школа ");
    admin.postForm("/admin/institutions", Map.of("name", institution, "kind", "other"));
    String login = Fixtures.unique("h");
    admin.postForm(
        "/admin/users",
        Map.of(
            "login",
            login,
            "name",
            HOSTILE,
            "password",
            "long-password",
            "institution",
            institution));
    String slug = Fixtures.unique("h");
    admin.postForm("/admin/communities", Map.of("slug", slug, "name", HOSTILE, "task", HOSTILE));
    admin.postForm(community(slug, "members"), Map.of("login", login, "role", "expert"));

    for (String screen :
        List.of("/admin/institutions", "/admin/users", "/admin/communities", community(slug))) {
      Api.Response page = admin.get(screen);
      assertThat(page.status()).as(screen).isEqualTo(200);
      assertThat(page.text()).as(screen).doesNotContain(HOSTILE);
      assertThat(page.document().select("script").stream().map(Element::data))
          .as(screen)
          .noneMatch(code -> code.contains("alert"));
      assertThat(page.document().select("main").text()).as(screen).contains(HOSTILE);
    }
    assertThat(
            row(admin.get(community(slug)).document(), "members-table", "data-login", login)
                .selectFirst(".member-role")
                .text())
        .isEqualTo("Эксперт");
  }

  @Test
  void invalidFormsComeBackWithTheInputAndWhatIsWrong(Fixtures fx) {
    WebSession admin = admin();
    Api.Response community =
        admin.postForm(
            "/admin/communities",
            Map.of("slug", "с пробелом", "name", "Сообщество «Ромашка»", "task", " "));
    assertThat(community.status()).isEqualTo(422);
    Document form = community.document();
    assertThat(form.selectFirst("#community-slug").val()).isEqualTo("с пробелом");
    assertThat(form.selectFirst("#community-name").val()).isEqualTo("Сообщество «Ромашка»");
    assertThat(form.select("#community-slug-error, #community-task-error")).hasSize(2);
    assertThat(form.select("#community-name-error")).isEmpty();
    assertThat(form.selectFirst("#community-task").attr("aria-describedby"))
        .contains("community-task-error");

    String taken = fx.community();
    Api.Response duplicate =
        admin.postForm("/admin/communities", Map.of("slug", taken, "name", "Другое", "task", "З"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.document().selectFirst("#community-slug-error").text()).contains("занят");
    assertThat(duplicate.document().selectFirst("#community-name").val()).isEqualTo("Другое");

    Api.Response user =
        admin.postForm(
            "/admin/users",
            Map.of(
                "login",
                "с пробелом",
                "name",
                "Пётр",
                "email",
                "не-почта",
                "password",
                "short",
                "admin",
                "on"));
    assertThat(user.status()).isEqualTo(422);
    Document userForm = user.document();
    assertThat(userForm.selectFirst("#user-login").val()).isEqualTo("с пробелом");
    assertThat(userForm.selectFirst("#user-name").val()).isEqualTo("Пётр");
    assertThat(userForm.selectFirst("#user-email").val()).isEqualTo("не-почта");
    assertThat(userForm.selectFirst("#user-password").val()).isEmpty();
    assertThat(userForm.selectFirst("#user-admin").hasAttr("checked")).isTrue();
    assertThat(userForm.select("#user-login-error, #user-email-error, #user-password-error"))
        .hasSize(3);
    Api.Response takenLogin =
        admin.postForm(
            "/admin/users", Map.of("login", "ADMIN", "name", "Н", "password", "long-password"));
    assertThat(takenLogin.status()).isEqualTo(409);
    assertThat(takenLogin.document().select("#user-login-error")).isNotEmpty();

    String name = Fixtures.unique("Колледж ");
    admin.postForm("/admin/institutions", Map.of("name", name, "kind", "college"));
    Api.Response again =
        admin.postForm(
            "/admin/institutions", Map.of("name", name, "short-name", "К", "kind", "college"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.document().select("#institution-name-error")).isNotEmpty();
    assertThat(again.document().selectFirst("#institution-short-name").val()).isEqualTo("К");
    assertThat(again.document().selectFirst("#institution-kind option[selected]").val())
        .isEqualTo("college");
    Api.Response empty =
        admin.postForm("/admin/institutions", Map.of("name", "", "kind", "castle"));
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.document().select("#institution-name-error, #institution-kind-error"))
        .hasSize(2);

    String slug = fx.community();
    Api.Response unknown =
        admin.postForm(
            community(slug, "members"), Map.of("login", "nobody-here", "role", "member"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.document().select("#member-login-error")).isNotEmpty();
    assertThat(unknown.document().selectFirst("#member-login").val()).isEqualTo("nobody-here");
    Api.Response halfOrder =
        admin.postForm(
            community(slug, "members"),
            Map.of("login", "admin", "role", "moderator", "order-number", "17"));
    assertThat(halfOrder.status()).isEqualTo(422);
    assertThat(halfOrder.document().select("#member-order-date-error")).isNotEmpty();
    assertThat(halfOrder.document().selectFirst("#member-order-number").val()).isEqualTo("17");
    assertThat(halfOrder.document().selectFirst("#member-role option[selected]").val())
        .isEqualTo("moderator");
    assertThat(admin.get(community(slug)).document().select("#members-empty")).isNotEmpty();
  }
}
