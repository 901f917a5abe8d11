package ru.metodichka.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;
import ru.metodichka.render.Corpus;
import ru.metodichka.render.SafeHtml;

/**
 * Every payload of the shared markdown-xss.txt as a meeting's agenda (and as its title): the API's
 * agendaHtml and the meeting's page as a visitor sees it, and the agenda and title on the
 * moderator's page (whose forms are the meeting's own), hold nothing executable — the same rules as
 * pages (HostileInputIT).
 */
@ExtendWith(AppExtension.class)
class MeetingAgendaHostileIT {

  @Test
  void hostileAgendasRenderToNothingExecutable(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    Meetings meetings = new Meetings(api, team.community());
    String moderator = team.moderator().token();
    long id = meetings.create(moderator, Meetings.inPerson("Повестка", 100)).getLong("id");
    String page = "/c/" + team.community() + "/meetings/" + id;
    List<String> payloads = Corpus.lines("markdown-xss.txt");
    int checked = 0;
    for (String payload : payloads) {
      if (payload.isBlank()) {
        continue;
      }
      var changed =
          meetings.patch(
              moderator,
              id,
              new JsonObject()
                  .put("agenda", payload + "\n\n" + checked)
                  .put("title", payload.strip().isEmpty() ? "x" : truncate(payload)));
      assertThat(changed.status()).as(payload + " " + changed).isIn(200, 422);
      String html = api.get(meetings.path(id), null).json().getString("agendaHtml");
      assertThat(SafeHtml.problems(html)).as(payload).isEmpty();
      String screen = new WebSession(api).get(page).text();
      assertThat(SafeHtml.screenProblems(screen, page)).as(payload).isEmpty();
      // The moderator's screen has forms of its own: its agenda and title are checked as text.
      var own = WebSession.withToken(api, moderator).page(page);
      var agenda = own.getElementById("meeting-agenda");
      assertThat(SafeHtml.problems(agenda == null ? "" : agenda.html())).as(payload).isEmpty();
      assertThat(SafeHtml.problems(own.getElementById("meeting-title").html()))
          .as(payload)
          .isEmpty();
      checked++;
    }
    System.out.println("MeetingAgendaHostileIT: " + checked + " hostile agendas checked");
    assertThat(checked).isGreaterThan(50);
  }

  private static String truncate(String payload) {
    String title = payload.strip();
    return title.length() > 300 ? title.substring(0, 300) : title;
  }
}
