package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Many teachers press "save" on one page at the same moment, all starting from revision 1. Some
 * edit their own lines (clean merges), some the same line as another (conflicts).
 */
@ExtendWith({VertxExtension.class, AppExtension.class})
class ConcurrentSaveIT {
  private static final int CLIENTS = 24;
  private static final int LINES = 60;
  private TestApp app;
  private Fixtures.Team team;
  private List<Fixtures.TestUser> editors;
  private WebClient client;

  @BeforeEach
  void setUp(Vertx vertx, TestApp app, Fixtures fx) {
    this.app = app;
    this.team = fx.team();
    this.editors = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Fixtures.TestUser editor = fx.user("Редактор " + i);
      fx.join(team.community(), editor, "member");
      editors.add(editor);
    }
    client =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultPort(app.app().port()),
            new PoolOptions().setHttp1MaxSize(CLIENTS));
    fx.save(team.community(), "общая", team.member().token(), "Общая страница", original(), 0);
  }

  private static String original() {
    return IntStream.range(0, LINES)
        .mapToObj(i -> "Строка " + i + ".")
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** Client i edits line 4 * (i % 12): pairs of clients collide, the rest are far apart. */
  private static String edited(int client) {
    String[] lines = original().split("\n");
    int line = 4 * (client % 12);
    lines[line] = "Строка " + line + " — правка клиента " + client + ".";
    return String.join("\n", lines) + "\n";
  }

  @Test
  void simultaneousSavesLoseNothingAndKeepOneLinearHistory() {
    List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      JsonObject body =
          new JsonObject()
              .put("title", "Общая страница")
              .put("markdown", edited(i))
              .put("baseRevision", 1);
      saves.add(
          client
              .put(Api.page(team.community(), "общая"))
              .bearerTokenAuthentication(editors.get(i % editors.size()).token())
              .sendJsonObject(body));
    }
    // Every request is in flight before any answer is read; then the outcome is checked here.
    Future.join(saves).await();
    checkOutcome(saves);
  }

  private void checkOutcome(List<Future<HttpResponse<Buffer>>> saves) {
    List<Integer> acknowledged = new ArrayList<>();
    List<String> acknowledgedTexts = new ArrayList<>();
    int conflicts = 0;
    for (int i = 0; i < CLIENTS; i++) {
      HttpResponse<Buffer> response = saves.get(i).result();
      assertThat(response).as("client %d got an answer", i).isNotNull();
      JsonObject body = response.bodyAsJsonObject();
      if (response.statusCode() == 200) {
        acknowledged.add(body.getInteger("revision"));
        acknowledgedTexts.add("правка клиента " + i + ".");
      } else {
        assertThat(response.statusCode()).as(body.encode()).isEqualTo(409);
        assertThat(body.getString("yourMarkdown")).isEqualTo(edited(i));
        conflicts++;
      }
    }
    JsonArray history =
        app.api()
            .get(Api.page(team.community(), "общая", "revisions"), team.member().token())
            .items();
    List<Integer> numbers =
        history.stream().map(o -> ((JsonObject) o).getInteger("revision")).toList();
    assertThat(numbers)
        .isEqualTo(
            IntStream.rangeClosed(1, numbers.size()).boxed().sorted((a, b) -> b - a).toList());
    assertThat(numbers).containsAll(acknowledged);
    assertThat(acknowledged).doesNotHaveDuplicates().hasSize(numbers.size() - 1);
    assertThat(conflicts).as("colliding pairs produce conflicts").isPositive();
    String finalText =
        app.api()
            .get(Api.page(team.community(), "общая"), team.member().token())
            .json()
            .getString("markdown");
    acknowledgedTexts.forEach(edit -> assertThat(finalText).contains(edit));
  }
}
