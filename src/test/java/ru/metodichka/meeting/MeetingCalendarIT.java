package ru.metodichka.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * The calendars, parsed back with ical4j's CalendarBuilder as a calendar program would: stable
 * UIDs, SEQUENCE raised by each change, STATUS:CANCELLED, times in Europe/Moscow with its
 * VTIMEZONE; the public calendar without links, the personal one with them at a secret, revocable
 * address.
 */
@ExtendWith(AppExtension.class)
class MeetingCalendarIT {
  private Api api;
  private Fixtures fx;
  private Fixtures.Team team;
  private Meetings meetings;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.api = fx.api();
    this.fx = fx;
    this.team = fx.team();
    this.meetings = new Meetings(api, team.community());
  }

  @Test
  void thePublicCalendarHasStableUidsSequencesCancellationsAndMoscowTimeWithoutLinks()
      throws Exception {
    String moderator = team.moderator().token();
    JsonObject body =
        Meetings.remote("Вебинар", 72)
            .put("startsAt", "2031-03-10T18:00")
            .put("endsAt", "2031-03-10T19:30");
    long remote = meetings.create(moderator, body).getLong("id");
    meetings.patch(moderator, remote, new JsonObject().put("title", "Вебинар по ФГОС"));
    long place = meetings.create(moderator, Meetings.inPerson("Очная встреча", 96)).getLong("id");
    assertThat(meetings.cancel(moderator, place).status()).isEqualTo(200);

    Api.Response file = api.get("/c/" + team.community() + "/meetings.ics", null);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.contentType()).startsWith("text/calendar");
    assertThat(file.text()).doesNotContain("meet.example.org");
    Calendar calendar = parse(file.text());

    VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
    assertThat(zone.getTimeZoneId().getValue()).isEqualTo("Europe/Moscow");
    List<Observance> observances = zone.getObservances();
    assertThat(observances.getLast().getRequiredProperty("TZOFFSETTO").getValue())
        .as("Moscow has been at +03:00 since 2014")
        .isEqualTo("+0300");

    VEvent webinar = event(calendar, remote);
    assertThat(webinar.getSummary().getValue()).isEqualTo("Вебинар по ФГОС");
    assertThat(webinar.getSequence().getSequenceNo()).isEqualTo(1);
    assertThat(webinar.getStatus().getValue()).isEqualTo("CONFIRMED");
    assertThat(webinar.getDateTimeStart().getValue()).isEqualTo("20310310T180000");
    assertThat(webinar.getDateTimeStart().getRequiredParameter("TZID").getValue())
        .isEqualTo("Europe/Moscow");
    assertThat(webinar.getDateTimeEnd().getValue()).isEqualTo("20310310T193000");
    assertThat(webinar.getLocation().getValue()).isEqualTo("Дистанционно");

    VEvent cancelled = event(calendar, place);
    assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
    assertThat(cancelled.getSequence().getSequenceNo()).isEqualTo(1);
    assertThat(cancelled.getLocation().getValue()).isEqualTo("Школа № 5, кабинет 12");

    // The single meeting's file («Добавить в календарь») has the same UID.
    Calendar single =
        parse(
            api.get("/c/" + team.community() + "/meetings/" + remote + "/calendar.ics", null)
                .text());
    assertThat(event(single, remote).getSequence().getSequenceNo()).isEqualTo(1);
  }

  @Test
  void thePersonalCalendarHasLinksAtASecretAddressThatCanBeRevoked() throws Exception {
    JsonObject body = Meetings.remote("Только для своих", 30);
    long id = meetings.create(team.moderator().token(), body).getLong("id");
    WebSession member = WebSession.withToken(api, team.member().token());
    assertThat(member.page("/me").getElementById("calendar")).isNotNull();
    var made = member.postForm("/me/calendar-token", Map.of());
    assertThat(made.status()).isEqualTo(200);
    String address = made.document().getElementById("calendar-address").val();
    String path = address.substring(address.indexOf("/meetings/calendar.ics"));

    Api.Response feed = api.get(path, null);
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.headers().get("Cache-Control")).contains("no-store");
    VEvent event = event(parse(feed.text()), id);
    assertThat(event.getDescription().getValue()).contains(body.getString("link"));

    // Another user's feed does not have this community's meetings.
    WebSession outsider = WebSession.withToken(api, fx.user("Посторонний").token());
    String other =
        outsider
            .postForm("/me/calendar-token", Map.of())
            .document()
            .getElementById("calendar-address")
            .val();
    String otherFeed = api.get(other.substring(other.indexOf("/meetings/")), null).text();
    assertThat(otherFeed).doesNotContain(MeetingCalendar.uid(id));

    assertThat(member.postForm("/me/calendar-token/revoke", Map.of()).status()).isEqualTo(303);
    assertThat(api.get(path, null).status()).isEqualTo(404);
  }

  private static Calendar parse(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static VEvent event(Calendar calendar, long id) {
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .filter(e -> e.getUid().orElseThrow().getValue().equals(MeetingCalendar.uid(id)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event " + MeetingCalendar.uid(id)));
  }
}
