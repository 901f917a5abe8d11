package ru.metodichka.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * A community's meetings through the API: planning, changing (each change a version: the calendar's
 * SEQUENCE), cancelling (never deleting), answering, attendance with its corrections in the ledger
 * and in evaluation, the link for insiders only, and bad input named field by field.
 */
@ExtendWith(AppExtension.class)
class MeetingIT {
  private Api api;
  private TestApp app;
  private Fixtures fx;
  private Fixtures.Team team;
  private Meetings meetings;

  @BeforeEach
  void setUp(Fixtures fx, TestApp app) {
    this.api = fx.api();
    this.app = app;
    this.fx = fx;
    this.team = fx.team();
    this.meetings = new Meetings(api, team.community());
  }

  @Test
  void aModeratorPlansAMeetingAndEveryChangeRaisesItsSequence() {
    String moderator = team.moderator().token();
    JsonObject created = meetings.create(moderator, Meetings.remote("Заседание", 48));
    long id = created.getLong("id");
    assertThat(created.getInteger("sequence")).isZero();
    assertThat(created.getString("form")).isEqualTo("remote");
    assertThat(created.getString("link")).startsWith("https://meet.example.org/");

    var changed = meetings.patch(moderator, id, new JsonObject().put("title", "Заседание №2"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().getInteger("sequence")).isEqualTo(1);
    assertThat(changed.json().getString("title")).isEqualTo("Заседание №2");
    assertThat(changed.json().getString("agenda")).isEqualTo("1. Итоги\n2. **План**\n");

    var same = meetings.patch(moderator, id, new JsonObject().put("title", "Заседание №2"));
    assertThat(same.json().getInteger("sequence")).as("nothing changed").isEqualTo(1);

    var cancelled = meetings.cancel(moderator, id);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().getBoolean("cancelled")).isTrue();
    assertThat(cancelled.json().getInteger("sequence")).isEqualTo(2);
    // Cancelled, not deleted: still listed, still readable, no longer changeable.
    var listed = api.get(meetings.base(), null).json().getJsonArray("upcoming");
    assertThat(ids(listed)).contains(id);
    assertThat(meetings.patch(moderator, id, new JsonObject().put("title", "x")).status())
        .isEqualTo(409);
    assertThat(meetings.rsvp(team.member().token(), id, "yes").status()).isEqualTo(409);
    assertThat(
            count(
                "SELECT count(*) FROM meeting_versions v JOIN meetings m ON m.id ="
                    + " v.meeting_id WHERE m.id = "
                    + id))
        .isEqualTo(3);
  }

  @Test
  void theAgendaIsRenderedThroughThePagesSanitizer() {
    JsonObject body =
        Meetings.inPerson("Повестка", 24)
            .put("agenda", "**Важно**\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))");
    long id = meetings.create(team.moderator().token(), body).getLong("id");
    String html = api.get(meetings.path(id), null).json().getString("agendaHtml");
    assertThat(html)
        .contains("<strong>Важно</strong>")
        .doesNotContain("<script")
        .doesNotContain("javascript:");
    var page = new ru.metodichka.WebSession(api).page("/c/" + team.community() + "/meetings/" + id);
    assertThat(page.getElementById("meeting-agenda").html()).contains("<strong>Важно</strong>");
    assertThat(
            ru.metodichka.render.SafeHtml.screenProblems(
                page.outerHtml(), "/c/" + team.community() + "/meetings/" + id))
        .isEmpty();
  }

  @Test
  void membersAnswerWhetherTheyWillCome() {
    long id =
        meetings.create(team.moderator().token(), Meetings.remote("Ответы", 30)).getLong("id");
    var answered = meetings.rsvp(team.member().token(), id, "maybe");
    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    assertThat(answered.json().getString("myAnswer")).isEqualTo("maybe");
    var again = meetings.rsvp(team.member().token(), id, "yes");
    assertThat(again.json().getJsonObject("answers").getInteger("yes")).isEqualTo(1);
    assertThat(again.json().getJsonObject("answers").getInteger("maybe")).isZero();
    var bad = meetings.rsvp(team.member().token(), id, "perhaps");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.text()).contains("answer");
  }

  @Test
  void attendanceCorrectionsKeepTheLedgerAndEvaluationCountsTheCurrentList() {
    String moderator = team.moderator().token();
    String member = team.member().login();
    long id = meetings.create(moderator, Meetings.inPerson("Прошло", -3)).getLong("id");
    assertThat(meetingContributions(member)).isZero();

    var recorded = meetings.attend(moderator, id, member, team.moderator().login());
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
    assertThat(logins(recorded.json().getJsonArray("attendees")))
        .containsExactlyInAnyOrder(member, team.moderator().login());
    assertThat(meetingContributions(member)).isEqualTo(1);

    // The member is taken off: the ledger row stays, evaluation stops counting it.
    assertThat(meetings.attend(moderator, id, team.moderator().login()).status()).isEqualTo(200);
    assertThat(ledgerRows(id, member)).isEqualTo(1);
    assertThat(meetingContributions(member)).isZero();
    // Put back: counted again, still one ledger row.
    assertThat(meetings.attend(moderator, id, member).status()).isEqualTo(200);
    assertThat(ledgerRows(id, member)).isEqualTo(1);
    assertThat(meetingContributions(member)).isEqualTo(1);
    // Every change recorded: member in, out, in; moderator in, out.
    assertThat(count("SELECT count(*) FROM meeting_attendance_changes WHERE meeting_id = " + id))
        .isEqualTo(5);
    var screen =
        ru.metodichka.WebSession.withToken(api, moderator)
            .page("/c/" + team.community() + "/meetings/" + id);
    assertThat(screen.select("#attendance-record li")).hasSize(5);
    assertThat(screen.select("#attendees .attendee").eachAttr("data-login"))
        .containsExactly(member);
  }

  @Test
  void attendanceWaitsForTheMeetingAndNamesUnknownLogins() {
    String moderator = team.moderator().token();
    long future = meetings.create(moderator, Meetings.remote("Будет", 5)).getLong("id");
    assertThat(meetings.attend(moderator, future, team.member().login()).status()).isEqualTo(409);
    long past = meetings.create(moderator, Meetings.remote("Было", -5)).getLong("id");
    var unknown = meetings.attend(moderator, past, "нет-такого-логина");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(fields(unknown)).containsExactly("logins");
    assertThat(meetings.cancel(moderator, past).status()).as("started").isEqualTo(409);
  }

  @Test
  void theLinkReachesInsidersOnly() {
    JsonObject body = Meetings.remote("Секретная ссылка", 20);
    String link = body.getString("link");
    long id = meetings.create(team.moderator().token(), body).getLong("id");
    String outsider = fx.user("Посторонний").token();
    for (String token : new String[] {null, outsider}) {
      assertThat(api.get(meetings.path(id), token).text()).doesNotContain(link);
      assertThat(api.get(meetings.base(), token).text()).doesNotContain(link);
      assertThat(api.get("/c/" + team.community() + "/meetings/" + id, token).text())
          .doesNotContain(link);
      assertThat(
              api.get("/c/" + team.community() + "/meetings/" + id + "/calendar.ics", token).text())
          .doesNotContain(link);
    }
    assertThat(api.get("/c/" + team.community() + "/meetings.ics", team.member().token()).text())
        .as("the public calendar, whoever asks")
        .doesNotContain("meet.example.org");
    assertThat(api.get(meetings.path(id), team.member().token()).json().getString("link"))
        .isEqualTo(link);
    assertThat(api.get("/c/" + team.community() + "/meetings/" + id, team.member().token()).text())
        .contains(link);
  }

  @Test
  void badInputNamesEachField() {
    JsonObject body =
        new JsonObject()
            .put("title", "")
            .put("startsAt", "завтра")
            .put("endsAt", "2026-01-01T10:00:00+03:00")
            .put("form", "online")
            .put("link", "javascript:alert(1)")
            .put("planItem", "семь")
            .put("minutesPage", "a b/c");
    var refused = api.post(meetings.base(), team.moderator().token(), body);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(fields(refused))
        .contains("title", "startsAt", "form", "link", "planItem", "minutesPage");

    JsonObject backwards =
        Meetings.remote("Наоборот", 10).put("endsAt", "2020-01-01T00:00:00Z").put("link", "");
    assertThat(fields(api.post(meetings.base(), team.moderator().token(), backwards)))
        .containsExactlyInAnyOrder("endsAt", "link");
    JsonObject ftp = Meetings.remote("FTP", 10).put("link", "ftp://example.org/x");
    assertThat(fields(api.post(meetings.base(), team.moderator().token(), ftp)))
        .containsExactly("link");
    JsonObject unknown =
        Meetings.inPerson("План", 10)
            .put("planItem", 999_999)
            .put("minutesPage", "нет-такой-страницы");
    assertThat(fields(api.post(meetings.base(), team.moderator().token(), unknown)))
        .containsExactlyInAnyOrder("planItem", "minutesPage");
  }

  @Test
  void aMeetingLinksToItsPlanItemAndMinutes() {
    String moderator = team.moderator().token();
    LocalDate day = LocalDate.now().plusDays(3);
    var item =
        api.post(
            "/api" + Api.path("communities", team.community(), "plan", "items"),
            moderator,
            new JsonObject()
                .put("title", "Семинар")
                .put("form", "in-person")
                .put("starts", day.toString())
                .put("due", day.toString()));
    assertThat(item.status()).as(item.toString()).isEqualTo(201);
    fx.save(team.community(), "протокол-1", moderator, "Протокол № 1", "Решили.\n", 0);
    long id =
        meetings
            .create(
                moderator,
                Meetings.inPerson("По плану", -2)
                    .put("planItem", item.json().getLong("id"))
                    .put("minutesPage", "протокол-1"))
            .getLong("id");
    JsonObject insider = api.get(meetings.path(id), team.member().token()).json();
    assertThat(insider.getLong("planItem")).isEqualTo(item.json().getLong("id"));
    assertThat(insider.getString("minutesPage")).isEqualTo("протокол-1");
    // A draft's minutes are for insiders: the public gets none.
    assertThat(api.get(meetings.path(id), null).json().getString("minutesPage")).isNull();
    var cleared =
        meetings.patch(moderator, id, new JsonObject().putNull("planItem").put("minutesPage", ""));
    assertThat(cleared.json().getValue("planItem")).isNull();
    assertThat(cleared.json().getValue("minutesPage")).isNull();
  }

  private int meetingContributions(String login) {
    LocalDate today = LocalDate.now();
    JsonObject list =
        api.get(
                "/api"
                    + Api.path("communities", team.community(), "evaluation", "participants")
                    + "?from="
                    + today.minusDays(2)
                    + "&to="
                    + today.plusDays(2),
                team.moderator().token())
            .json();
    return list.getJsonArray("participants").stream()
        .map(JsonObject.class::cast)
        .filter(p -> p.getString("login").equals(login))
        .mapToInt(p -> p.getJsonObject("contributions").getInteger("meeting"))
        .sum();
  }

  private int ledgerRows(long meeting, String login) {
    return count(
        "SELECT count(*) FROM contributions c JOIN users u ON u.id = c.user_id"
            + " WHERE c.meeting_id = "
            + meeting
            + " AND u.login = '"
            + login
            + "'");
  }

  private int count(String sql) {
    try (Connection db = app.jdbc();
        ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  static List<Long> ids(JsonArray meetings) {
    return meetings.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
  }

  static List<String> logins(JsonArray people) {
    return people.stream().map(o -> ((JsonObject) o).getString("login")).toList();
  }

  static List<String> fields(Api.Response problem) {
    assertThat(problem.status()).as(problem.toString()).isEqualTo(422);
    return problem.json().getJsonArray("errors").stream()
        .map(o -> ((JsonObject) o).getString("field"))
        .distinct()
        .collect(Collectors.toList());
  }
}
