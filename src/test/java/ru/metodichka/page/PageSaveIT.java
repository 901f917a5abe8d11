package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

@ExtendWith(AppExtension.class)
class PageSaveIT {
  private static final String TEXT = "# Урок\n\nПервый абзац.\n\nВторой абзац.\n\nТретий абзац.\n";
  private TestApp app;
  private Fixtures fx;
  private Api api;
  private Fixtures.Team team;

  @BeforeEach
  void setUp(TestApp app, Fixtures fx) {
    this.app = app;
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
  }

  private Api.Response put(String slug, String token, String title, String markdown, int base) {
    return api.put(
        Api.page(team.community(), slug),
        token,
        new JsonObject().put("title", title).put("markdown", markdown).put("baseRevision", base));
  }

  @Test
  void firstSaveCreatesRevisionOneAndLaterSavesAddRevisions() {
    var created = put("урок-1", team.member().token(), "Урок 1", TEXT, 0);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getInteger("revision")).isEqualTo(1);
    assertThat(created.json().getBoolean("merged")).isFalse();
    assertThat(created.headers().get("Location")).endsWith("/pages/%D1%83%D1%80%D0%BE%D0%BA-1");

    var second =
        put("урок-1", team.moderator().token(), "Урок 1", TEXT + "\nЧетвёртый абзац.\n", 1);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().getInteger("revision")).isEqualTo(2);

    var page = api.get(Api.page(team.community(), "урок-1"), team.member().token()).json();
    assertThat(page.getInteger("revision")).isEqualTo(2);
    assertThat(page.getString("kind")).isEqualTo("article");
    assertThat(page.getString("status")).isEqualTo("draft");
    assertThat(page.getJsonObject("author").getString("login")).isEqualTo(team.moderator().login());
  }

  @Test
  void sameTitleAndTextAddNoRevision() {
    put("same", team.member().token(), "Тот же", TEXT, 0);
    var again = put("same", team.member().token(), "Тот же", TEXT.replace("\n", "\r\n"), 1);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getInteger("revision")).isEqualTo(1);
    assertThat(again.json().getBoolean("unchanged")).isTrue();
    assertThat(
            api.get(Api.page(team.community(), "same", "revisions"), team.member().token()).items())
        .hasSize(1);
  }

  @Test
  void staleSaveWithDistantEditsMergesBothChanges() {
    put("merge", team.member().token(), "Слияние", TEXT, 0);
    put(
        "merge",
        team.moderator().token(),
        "Слияние",
        TEXT.replace("Первый абзац.", "Первый абзац, исправленный."),
        1);

    var stale =
        put(
            "merge",
            team.member().token(),
            "Слияние",
            TEXT.replace("Третий абзац.", "Третий абзац, дополненный."),
            1);

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.json().getInteger("revision")).isEqualTo(3);
    assertThat(stale.json().getBoolean("merged")).isTrue();
    String saved =
        api.get(Api.page(team.community(), "merge"), team.member().token())
            .json()
            .getString("markdown");
    assertThat(saved)
        .contains("Первый абзац, исправленный.")
        .contains("Третий абзац, дополненный.");
  }

  @Test
  void staleSaveWithOverlapReturnsConflictWithUsersText() {
    put("conflict", team.member().token(), "Конфликт", TEXT, 0);
    put(
        "conflict",
        team.moderator().token(),
        "Конфликт",
        TEXT.replace("Второй абзац.", "Второй абзац от модератора."),
        1);
    String mine = TEXT.replace("Второй абзац.", "Второй абзац от участника.");

    var response = put("conflict", team.member().token(), "Конфликт", mine, 1);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonObject problem = response.json();
    assertThat(problem.getString("code")).isEqualTo("edit_conflict");
    assertThat(problem.getString("title")).isEqualTo("Конфликт правок");
    assertThat(problem.getInteger("currentRevision")).isEqualTo(2);
    assertThat(problem.getString("yourMarkdown")).isEqualTo(mine);
    assertThat(problem.getString("currentMarkdown")).contains("Второй абзац от модератора.");
    JsonObject hunk = problem.getJsonArray("conflicts").getJsonObject(0);
    assertThat(hunk.getJsonArray("yours").getString(0)).isEqualTo("Второй абзац от участника.");
    assertThat(hunk.getJsonArray("current").getString(0)).isEqualTo("Второй абзац от модератора.");
    assertThat(
            api.get(Api.page(team.community(), "conflict", "revisions"), team.member().token())
                .items())
        .hasSize(2);
  }

  @Test
  void staleSaveOfTheSameChangeAddsNothing() {
    String changed = TEXT.replace("Второй абзац.", "Второй абзац, поправленный.");
    put("identical", team.member().token(), "Одно и то же", TEXT, 0);
    put("identical", team.moderator().token(), "Одно и то же", changed, 1);

    var response = put("identical", team.member().token(), "Одно и то же", changed, 1);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getInteger("revision")).isEqualTo(2);
    assertThat(response.json().getBoolean("unchanged")).isTrue();
  }

  @Test
  void titlesChangedDifferentlyOnBothSidesConflict() {
    put("titles", team.member().token(), "Исходное название", TEXT, 0);
    put("titles", team.moderator().token(), "Название модератора", TEXT, 1);
    var response = put("titles", team.member().token(), "Название участника", TEXT, 1);
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().getBoolean("titleConflict")).isTrue();
    assertThat(response.json().getString("yourTitle")).isEqualTo("Название участника");
  }

  @Test
  void repeatedIdempotencyKeyReturnsFirstResultAndAddsNoRevision() {
    put("retry", team.member().token(), "Повтор", TEXT, 0);
    var body =
        new JsonObject()
            .put("title", "Повтор")
            .put("markdown", TEXT + "Ещё строка.\n")
            .put("baseRevision", 1);
    Map<String, String> key = Map.of("Idempotency-Key", "save-42");

    var first =
        api.send(
            HttpMethod.PUT,
            Api.page(team.community(), "retry"),
            team.member().token(),
            body.toBuffer(),
            "application/json",
            key);
    var second =
        api.send(
            HttpMethod.PUT,
            Api.page(team.community(), "retry"),
            team.member().token(),
            body.toBuffer(),
            "application/json",
            key);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(
            api.get(Api.page(team.community(), "retry", "revisions"), team.member().token())
                .items())
        .hasSize(2);

    var other =
        api.send(
            HttpMethod.PUT,
            Api.page(team.community(), "retry"),
            team.member().token(),
            body.copy().put("markdown", "другой текст").toBuffer(),
            "application/json",
            key);
    assertThat(other.status()).isEqualTo(422);
  }

  @Test
  void slugsAreCyrillicAndUniqueIgnoringCase() {
    assertThat(put("Проект", team.member().token(), "Проект", TEXT, 0).status()).isEqualTo(201);
    var sameIgnoringCase = put("пРОЕКТ", team.member().token(), "Проект", TEXT + "x\n", 1);
    assertThat(sameIgnoringCase.status()).isEqualTo(200);
    assertThat(sameIgnoringCase.json().getInteger("revision")).isEqualTo(2);
    assertThat(
            api.get(Api.page(team.community(), "проект"), team.member().token())
                .json()
                .getString("slug"))
        .isEqualTo("Проект");
  }

  @Test
  void invalidSlugsAreRejected() {
    for (String slug : new String[] {"два слова", "-дефис", "new", "a/b", "x".repeat(101)}) {
      var response = put(slug, team.member().token(), "Название", TEXT, 0);
      assertThat(response.status()).as(slug).isIn(400, 404);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    assertThat(
            put("два слова", team.member().token(), "Название", TEXT, 0).json().getString("code"))
        .isEqualTo("invalid_slug");
  }

  @Test
  void kindIsValidated() {
    var response =
        api.put(
            Api.page(team.community(), "kinds"),
            team.member().token(),
            new JsonObject().put("title", "Вид").put("markdown", TEXT).put("kind", "poem"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("kind");

    var practice =
        api.put(
            Api.page(team.community(), "kinds"),
            team.member().token(),
            new JsonObject().put("title", "Вид").put("markdown", TEXT).put("kind", "practice"));
    assertThat(practice.status()).isEqualTo(201);
    assertThat(
            api.get(Api.page(team.community(), "kinds"), team.member().token())
                .json()
                .getString("kind"))
        .isEqualTo("practice");
  }

  @Test
  void baseRevisionAheadOfTheHistoryIsRejected() {
    put("ahead", team.member().token(), "Вперёд", TEXT, 0);
    assertThat(put("ahead", team.member().token(), "Вперёд", "текст", 7).status()).isEqualTo(422);
    assertThat(put("absent", team.member().token(), "Нет такой", "текст", 3).status())
        .isEqualTo(404);
  }

  @Test
  void everyRevisionWritesOneContributionRowAndANewPageCountsOnce() throws SQLException {
    put("ledger", team.member().token(), "Учёт", "Одна строка.\n", 0);
    put("ledger", team.moderator().token(), "Учёт", "Одна строка.\nВторая строка.\n", 1);
    try (Connection c = app.jdbc();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
            SELECT u.login, k.kind, k.chars_added, k.chars_removed
              FROM contributions k JOIN users u ON u.id = k.user_id JOIN pages p ON p.id = k.page_id
              JOIN communities c ON c.id = p.community_id
             WHERE c.slug = '%s' AND p.slug = 'ledger' ORDER BY k.id"""
                    .formatted(team.community()))) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + rs.getString(2) + rs.getInt(3))
          .isEqualTo(team.member().login() + "page_created13");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + rs.getString(2) + rs.getInt(3) + ":" + rs.getInt(4))
          .isEqualTo(team.moderator().login() + "revision15:0");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void aSaveWakesTheSearchIndexersOfEveryServerOnceItHasCommitted() throws SQLException {
    try (Connection listener = app.jdbc();
        Statement s = listener.createStatement()) {
      s.execute("LISTEN search_changes");
      put("wake", team.member().token(), "Пробуждение", TEXT, 0);
      // The save's transaction promised to wake the indexers itself (IndexWake), so what arrives
      // is the NOTIFY it sends after its commit.
      assertThat(notifications(listener, 10_000)).isPositive();
    }
  }

  /**
   * PostgreSQL updates a row in place (HOT: no new entry in any index) only when no column an index
   * reads changes. A save of a draft changes its page's head and time of change, and nothing else
   * of the row when the title and kind stay: no index of pages may read those two, in its columns,
   * expressions or predicate.
   */
  @Test
  void noIndexOfPagesReadsWhatEverySaveChanges() throws SQLException {
    put("in-place", team.member().token(), "На месте", TEXT, 0);
    String page =
        "SELECT p.* FROM pages p JOIN communities c ON c.id = p.community_id"
            + " WHERE c.slug = '%s' AND p.slug = 'in-place'".formatted(team.community());
    try (Connection c = app.jdbc();
        Statement s = c.createStatement()) {
      Map<String, Object> old = row(s.executeQuery(page));
      put("in-place", team.member().token(), "На месте", TEXT + "\nЕщё абзац.\n", 1);
      Map<String, Object> saved = row(s.executeQuery(page));
      var changed =
          saved.keySet().stream().filter(k -> !Objects.equals(old.get(k), saved.get(k))).toList();
      assertThat(changed).containsExactlyInAnyOrder("current_revision", "updated_at");

      ResultSet indexes =
          s.executeQuery(
              """
              SELECT i.indexrelid::regclass AS name, pg_get_indexdef(i.indexrelid) AS definition
                FROM pg_index i WHERE i.indrelid = 'pages'::regclass""");
      int count = 0;
      while (indexes.next()) {
        count++;
        for (String column : changed) {
          assertThat(indexes.getString("definition"))
              .as("index %s", indexes.getString("name"))
              .doesNotContainPattern("\\b" + column + "\\b");
        }
      }
      assertThat(count).isGreaterThan(5);
    }
  }

  private static Map<String, Object> row(ResultSet rs) throws SQLException {
    assertThat(rs.next()).isTrue();
    Map<String, Object> values = new HashMap<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      values.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
    }
    return values;
  }

  /** How many notifications arrive within {@code millis} (waiting for the first one only). */
  static int notifications(Connection listener, int millis) throws SQLException {
    PGNotification[] arrived = listener.unwrap(PGConnection.class).getNotifications(millis);
    return arrived == null ? 0 : arrived.length;
  }

  @Test
  void theDatabaseRefusesToRewriteOrDeleteRevisions() throws SQLException {
    put("immutable", team.member().token(), "Неизменное", TEXT, 0);
    try (Connection c = app.jdbc();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE revisions SET markdown = 'подмена'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM revisions"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("TRUNCATE revisions CASCADE"))
          .hasMessageContaining("append-only");
    }
    assertThat(
            api.get(Api.page(team.community(), "immutable"), team.member().token())
                .json()
                .getString("markdown"))
        .isEqualTo(TEXT);
  }
}
