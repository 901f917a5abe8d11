package ru.metodichka.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
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
 * Hostile Markdown as comments and replies (all of the shared markdown-xss.txt): the page screen
 * with its discussion, for a member (forms, own comments' edit boxes) and for an anonymous visitor
 * (the cached view), and the API's HTML of each comment come out inert ({@link SafeHtml}).
 */
@ExtendWith(AppExtension.class)
class HostileCommentsIT {

  @Test
  void hostileCommentsComeOutInertOnThePageAndInTheApi(Fixtures fx) {
    Api api = fx.api();
    Fixtures.Team team = fx.team();
    String member = team.member().token();
    fx.save(team.community(), "обсуждение", member, "Обсуждение", "Текст.\n", 0);
    api.post(Api.page(team.community(), "обсуждение", "publish"), team.moderator().token(), null);
    String comments = Api.page(team.community(), "обсуждение", "comments");
    List<String> payloads = Corpus.lines("markdown-xss.txt");
    List<String> problems = new ArrayList<>();
    Long first = null;
    int posted = 0;
    for (String payload : payloads) {
      JsonObject body = new JsonObject().put("markdown", payload);
      if (first != null) {
        body.put("replyTo", first);
      }
      var response = api.post(comments, member, body);
      if (response.status() == 201) {
        posted++;
        if (first == null) {
          first = response.json().getLong("id");
        }
      } else if (response.status() >= 500) {
        problems.add("posting answered " + response.status() + " for " + payload);
      }
    }
    String page = "/c/" + team.community() + "/обсуждение";
    for (String html :
        List.of(WebSession.withToken(api, member).get(page).text(), api.get(page, null).text())) {
      problems.addAll(SafeHtml.screenProblems(html, page));
    }
    for (Object item : api.get(comments, null).json().getJsonArray("items")) {
      String html = ((JsonObject) item).getString("html");
      problems.addAll(SafeHtml.problems(html == null ? "" : html));
    }
    assertThat(problems).isEmpty();
    assertThat(posted).isGreaterThan(payloads.size() / 2);
  }
}
