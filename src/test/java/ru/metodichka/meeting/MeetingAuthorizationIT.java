package ru.metodichka.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/**
 * Who may do what with a community's meetings, for every audience, through the API and the screens:
 * everyone reads them (§3 openness) and the public calendar; only insiders (active members,
 * moderators, administrators) get a remote meeting's link, answer and see attendance; only
 * moderators and administrators plan, change, cancel and record attendance.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingAuthorizationIT {
  private Api api;
  private Audiences audiences;
  private Meetings meetings;
  private String moderator;
  private String link;
  private long upcoming;
  private long held;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    this.meetings = new Meetings(api, audiences.community());
    this.moderator = audiences.token(Audience.MODERATOR);
    JsonObject body = Meetings.remote("Вебинар для своих", 40);
    this.link = body.getString("link");
    this.upcoming = meetings.create(moderator, body).getLong("id");
    this.held = meetings.create(moderator, Meetings.remote("Прошедший вебинар", -4)).getLong("id");
  }

  private String screen(long id) {
    return "/c/" + audiences.community() + "/meetings/" + id;
  }

  private WebSession web(Audience audience) {
    String token = audiences.token(audience);
    return token == null ? new WebSession(api) : WebSession.withToken(api, token);
  }

  @Test
  void everyoneReadsMeetingsButOnlyInsidersGetTheLink() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      String name = audience.name();
      var one = api.get(meetings.path(upcoming), token);
      assertThat(one.status()).as(name).isEqualTo(200);
      assertThat(one.json().containsKey("link")).as(name).isEqualTo(audience.insider());
      assertThat(one.json().containsKey("attendees")).as(name).isEqualTo(audience.insider());
      var list = api.get(meetings.base(), token);
      assertThat(list.status()).as(name).isEqualTo(200);
      assertThat(list.text().contains(link)).as(name).isEqualTo(audience.insider());
      var page = api.get(screen(upcoming), token);
      assertThat(page.status()).as(name).isEqualTo(200);
      assertThat(page.text().contains(link)).as(name).isEqualTo(audience.insider());
      var listScreen = api.get("/c/" + audiences.community() + "/meetings", token);
      assertThat(listScreen.status()).as(name).isEqualTo(200);
      assertThat(listScreen.document().getElementById("meeting-new") != null)
          .as(name)
          .isEqualTo(audience.moderator());
      var single = api.get(screen(upcoming) + "/calendar.ics", token);
      assertThat(single.status()).as(name).isEqualTo(200);
      assertThat(single.text().contains(link)).as(name).isEqualTo(audience.insider());
      var calendar = api.get("/c/" + audiences.community() + "/meetings.ics", token);
      assertThat(calendar.status()).as(name).isEqualTo(200);
      assertThat(calendar.text()).as(name).doesNotContain(link);
    }
  }

  @Test
  void onlyModeratorsAndAdministratorsPlanChangeAndCancel() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      int expected = audience.moderator() ? 201 : Audiences.refused(audience);
      var created = api.post(meetings.base(), token, Meetings.inPerson("Встреча " + audience, 50));
      assertThat(created.status()).as(audience + " " + created).isEqualTo(expected);
      long id = meetings.create(moderator, Meetings.inPerson("Для изменения", 60)).getLong("id");
      int allowed = audience.moderator() ? 200 : Audiences.refused(audience);
      var changed = meetings.patch(token, id, new JsonObject().put("title", "Изменена"));
      assertThat(changed.status()).as(audience + " " + changed).isEqualTo(allowed);
      var cancelled = meetings.cancel(token, id);
      assertThat(cancelled.status()).as(audience + " " + cancelled).isEqualTo(allowed);
    }
  }

  @Test
  void onlyInsidersAnswer() {
    for (Audience audience : Audience.values()) {
      var answered = meetings.rsvp(audiences.token(audience), upcoming, "yes");
      int expected = audience.insider() ? 200 : Audiences.refused(audience);
      assertThat(answered.status()).as(audience + " " + answered).isEqualTo(expected);
      var page = web(audience).page(screen(upcoming), 200);
      assertThat(page.getElementById("rsvp-yes") != null)
          .as(audience.name())
          .isEqualTo(audience.insider());
    }
  }

  @Test
  void onlyModeratorsRecordAttendanceAndOnlyInsidersReadIt() {
    String member = audiences.login(Audience.MEMBER);
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      var recorded = meetings.attend(token, held, member);
      int expected = audience.moderator() ? 200 : Audiences.refused(audience);
      assertThat(recorded.status()).as(audience + " " + recorded).isEqualTo(expected);
      var read = api.get(meetings.path(held, "attendance"), token);
      int reading = audience.insider() ? 200 : Audiences.refused(audience);
      assertThat(read.status()).as(audience + " " + read).isEqualTo(reading);
      var page = web(audience).page(screen(held), 200);
      assertThat(page.getElementById("attendance-form") != null)
          .as(audience.name())
          .isEqualTo(audience.moderator());
      assertThat(page.getElementById("attendance") != null)
          .as(audience.name())
          .isEqualTo(audience.insider());
    }
  }

  @Test
  void theScreensFormsFollowTheSameRules() {
    for (Audience audience : Audience.values()) {
      int moderatorOnly = audience.moderator() ? 303 : Audiences.refused(audience);
      WebSession web = web(audience);
      web.get(screen(upcoming));
      var created =
          web.postForm(
              "/c/" + audiences.community() + "/meetings",
              Map.of(
                  "title", "С экрана " + audience,
                  "startsAt", "2031-02-01T15:00",
                  "endsAt", "2031-02-01T16:00",
                  "form", "in-person",
                  "place", "Актовый зал"));
      assertThat(created.status()).as(audience + " " + created).isEqualTo(moderatorOnly);
      long id = meetings.create(moderator, Meetings.inPerson("Форма", 70)).getLong("id");
      var edit = web.get(screen(id) + "/edit");
      assertThat(edit.status())
          .as(audience + " " + edit)
          .isEqualTo(audience.moderator() ? 200 : Audiences.refused(audience));
      var changed =
          web.postForm(
              screen(id),
              Map.of(
                  "title", "Форма 2",
                  "startsAt", "2031-02-02T15:00",
                  "endsAt", "2031-02-02T16:00",
                  "form", "in-person",
                  "place", "Кабинет 5"));
      assertThat(changed.status()).as(audience + " " + changed).isEqualTo(moderatorOnly);
      var answered = web.postForm(screen(id) + "/rsvp", Map.of("answer", "maybe"));
      assertThat(answered.status())
          .as(audience + " " + answered)
          .isEqualTo(audience.insider() ? 303 : Audiences.refused(audience));
      var attended = web.postForm(screen(held) + "/attendance", Map.of("more", "admin"));
      assertThat(attended.status()).as(audience + " " + attended).isEqualTo(moderatorOnly);
      var cancelled = web.postForm(screen(id) + "/cancel", Map.of());
      assertThat(cancelled.status()).as(audience + " " + cancelled).isEqualTo(moderatorOnly);
    }
  }

  @Test
  void refusalsComeBeforeLookingTheMeetingUp() {
    for (Audience audience : Audience.values()) {
      if (audience.moderator()) {
        continue;
      }
      String token = audiences.token(audience);
      var changed = meetings.patch(token, 999_999_999, new JsonObject().put("title", "x"));
      assertThat(changed.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
      assertThat(meetings.cancel(token, 999_999_999).status())
          .as(audience.name())
          .isEqualTo(Audiences.refused(audience));
    }
  }
}
