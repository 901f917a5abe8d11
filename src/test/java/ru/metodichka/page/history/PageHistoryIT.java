package ru.metodichka.page.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

@ExtendWith(AppExtension.class)
class PageHistoryIT {
  private Fixtures fx;
  private Api api;
  private Fixtures.Team team;

  @BeforeEach
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
    fx.save(team.community(), "история", team.member().token(), "История", "Раз.\nДва.\nТри.\n", 0);
    fx.save(
        team.community(),
        "история",
        team.moderator().token(),
        "История",
        "Раз.\nДва с половиной.\nТри.\n",
        1);
    fx.save(
        team.community(),
        "история",
        team.member().token(),
        "История",
        "Раз.\nДва с половиной.\nТри.\nЧетыре.\n",
        2);
    assertThat(
            api.post(
                    Api.page(team.community(), "история", "publish"),
                    team.moderator().token(),
                    null)
                .status())
        .isEqualTo(200);
  }

  @Test
  void revisionsAreListedNewestFirstWithAuthorsAndSizeChanges() {
    JsonArray items = api.get(Api.page(team.community(), "история", "revisions"), null).items();
    assertThat(items.stream().map(o -> ((JsonObject) o).getInteger("revision")))
        .containsExactly(3, 2, 1);
    JsonObject newest = items.getJsonObject(0);
    assertThat(newest.getJsonObject("author").getString("login")).isEqualTo(team.member().login());
    assertThat(newest.getInteger("size"))
        .isEqualTo("Раз.\nДва с половиной.\nТри.\nЧетыре.\n".length());
    assertThat(newest.getInteger("delta")).isEqualTo("Четыре.\n".length());
    assertThat(items.getJsonObject(2).getInteger("delta")).isEqualTo("Раз.\nДва.\nТри.\n".length());
    assertThat(newest.getString("createdAt")).isNotBlank();

    JsonArray older =
        api.get(Api.page(team.community(), "история", "revisions") + "?before=3&limit=1", null)
            .items();
    assertThat(older.size()).isEqualTo(1);
    assertThat(older.getJsonObject(0).getInteger("revision")).isEqualTo(2);
  }

  @Test
  void oneRevisionHasItsTextAndHtml() {
    JsonObject first =
        api.get(Api.page(team.community(), "история", "revisions", "1"), null).json();
    assertThat(first.getString("markdown")).isEqualTo("Раз.\nДва.\nТри.\n");
    assertThat(first.getString("html")).contains("<p>Раз.");
    assertThat(api.get(Api.page(team.community(), "история", "revisions", "9"), null).status())
        .isEqualTo(404);
    assertThat(api.get(Api.page(team.community(), "история", "revisions", "abc"), null).status())
        .isEqualTo(400);
  }

  @Test
  void diffShowsChangedLinesAndTheWordsThatChanged() {
    JsonObject diff =
        api.get(Api.page(team.community(), "история", "diff") + "?from=1&to=3", null).json();
    assertThat(diff.getInteger("from")).isEqualTo(1);
    assertThat(diff.getInteger("to")).isEqualTo(3);
    JsonArray lines = diff.getJsonArray("hunks").getJsonObject(0).getJsonArray("lines");
    JsonObject removed = find(lines, "removed", "Два.");
    JsonObject added = find(lines, "added", "Два с половиной.");
    assertThat(removed.getInteger("fromLine")).isEqualTo(2);
    assertThat(added.getInteger("toLine")).isEqualTo(2);
    assertThat(
            added.getJsonArray("words").stream()
                .map(o -> (JsonObject) o)
                .filter(w -> w.getString("type").equals("inserted"))
                .map(w -> w.getString("text")))
        .anyMatch(text -> text.contains("половиной"));
    assertThat(find(lines, "added", "Четыре.").getInteger("toLine")).isEqualTo(4);

    assertThat(api.get(Api.page(team.community(), "история", "diff") + "?from=1", null).status())
        .isEqualTo(400);
    assertThat(
            api.get(Api.page(team.community(), "история", "diff") + "?from=1&to=x", null).status())
        .isEqualTo(400);
    assertThat(
            api.get(Api.page(team.community(), "история", "diff") + "?from=1&to=99", null).status())
        .isEqualTo(404);
  }

  private static JsonObject find(JsonArray lines, String type, String text) {
    return lines.stream()
        .map(o -> (JsonObject) o)
        .filter(l -> l.getString("type").equals(type) && l.getString("text").equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " " + text + " in " + lines.encode()));
  }

  @Test
  void revertAppendsARevisionWithTheOldText() {
    var response =
        api.post(
            Api.page(team.community(), "история", "revert"),
            team.member().token(),
            new JsonObject().put("revision", 1));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().getInteger("revision")).isEqualTo(4);

    // The community reads the revert at once; the public once a moderator reviews it.
    String member = team.member().token();
    JsonObject page = api.get(Api.page(team.community(), "история"), member).json();
    assertThat(page.getString("markdown")).isEqualTo("Раз.\nДва.\nТри.\n");
    assertThat(api.get(Api.page(team.community(), "история"), null).json().getInteger("revision"))
        .isEqualTo(3);
    JsonObject newest =
        api.get(Api.page(team.community(), "история", "revisions"), member)
            .items()
            .getJsonObject(0);
    assertThat(newest.getString("summary")).isEqualTo("Откат к версии 1");
    assertThat(newest.getInteger("revertedFrom")).isEqualTo(1);
    assertThat(api.get(Api.page(team.community(), "история", "revisions"), member).items())
        .hasSize(4);

    var missing =
        api.post(
            Api.page(team.community(), "история", "revert"),
            team.member().token(),
            new JsonObject().put("revision", 42));
    assertThat(missing.status()).isEqualTo(404);
    var outsider = fx.user("Посторонний");
    assertThat(
            api.post(
                    Api.page(team.community(), "история", "revert"),
                    outsider.token(),
                    new JsonObject().put("revision", 1))
                .status())
        .isEqualTo(403);
  }
}
