package ru.metodichka.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.evaluation.Backdated.at;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * The evaluation reads whole months from its derived counts (V23) and the rest of a period from the
 * records themselves: for periods that start and end anywhere, within a month, across months and at
 * odd instants, the figures equal what the records give, counted here by hand.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationRollupsIT {
  /** Every ledger row of the one participant, in Moscow time. */
  private static final List<OffsetDateTime> ROWS =
      List.of(
          at("2024-01-31 23:59"),
          at("2024-02-01 00:00"),
          at("2024-02-14 12:00"),
          at("2024-02-14 12:00"),
          at("2024-02-29 23:59"),
          at("2024-03-01 00:00"),
          at("2024-03-15 08:30"),
          at("2024-04-30 21:00"));

  private Api api;
  private String community;
  private String moderatorToken;
  private Fixtures.TestUser vera;

  @BeforeAll
  void setUp(TestApp app, Fixtures fx) {
    api = fx.api();
    community = fx.community();
    Backdated c = new Backdated(app, community);
    vera = fx.user("Вера");
    var moderator = fx.methodist("Модест");
    moderatorToken = moderator.token();
    c.membership(moderator.login(), "moderator", at("2023-09-01 10:00"), null);
    c.membership(vera.login(), "member", at("2023-09-01 10:00"), null);
    for (OffsetDateTime when : ROWS) {
      c.contributions(vera.login(), "revision", when, 1);
    }
  }

  @Test
  void periodsAtAnyBoundaryCountWhatTheLedgerHolds() {
    List<OffsetDateTime[]> periods =
        List.of(
            period(at("2024-02-01 00:00"), at("2024-03-01 00:00")), // one whole month
            period(at("2024-01-15 00:00"), at("2024-03-20 00:00")), // edges in two months
            period(at("2024-02-14 11:00"), at("2024-02-14 13:00")), // inside one month
            period(at("2024-01-31 23:59"), at("2024-03-01 00:00")), // a minute before a month
            period(at("2024-02-01 00:01"), at("2024-05-01 00:00")), // a minute after one
            period(
                OffsetDateTime.parse("2024-01-31T21:00:00Z"), // Moscow's 1 February, in UTC
                OffsetDateTime.parse("2024-04-30T18:00:00Z")),
            period(
                OffsetDateTime.parse("2024-02-01T00:00:00Z"), // UTC's 1 February: 03:00 Moscow
                OffsetDateTime.parse("2024-03-01T00:00:00Z")));
    for (OffsetDateTime[] p : periods) {
      long byHand = ROWS.stream().filter(t -> !t.isBefore(p[0]) && t.isBefore(p[1])).count();
      JsonObject list = get("/evaluation/participants?" + query(p));
      JsonObject row = list.getJsonArray("participants").getJsonObject(0);
      assertThat(row.getInteger("total")).as("%s – %s", p[0], p[1]).isEqualTo((int) byHand);
      JsonObject summary = get("/evaluation?" + query(p)).getJsonObject("participants");
      assertThat(summary.getInteger("active"))
          .as("%s – %s", p[0], p[1])
          .isEqualTo(byHand >= 1 ? 1 : 0);
      assertThat(summary.getInteger("activeFive"))
          .as("%s – %s", p[0], p[1])
          .isEqualTo(byHand >= 5 ? 1 : 0);
    }
  }

  @Test
  void viewsAndDownloadsOfPagesNotPublishedNowAreLeftOut(TestApp app, Fixtures fx) {
    var author = fx.user("Автор");
    fx.join(community, author, "member");
    for (String slug : List.of("shown", "withdrawn")) {
      var saved =
          api.put(
              Api.page(community, slug),
              author.token(),
              new JsonObject().put("title", slug).put("markdown", "Текст").put("kind", "article"));
      assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
      var published = api.post(Api.page(community, slug, "publish"), fx.adminToken(), null);
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }
    Backdated c = new Backdated(app, community);
    c.views("shown", LocalDate.parse("2024-02-10"), 7);
    c.views("withdrawn", LocalDate.parse("2024-02-11"), 5);
    c.views("shown", LocalDate.parse("2024-03-01"), 100); // the day after the period
    c.downloads("shown", "памятка.pdf", LocalDate.parse("2024-02-10"), 3);
    c.downloads("shown", "памятка.pdf", LocalDate.parse("2024-01-31"), 50); // before the period
    c.downloads("withdrawn", "план.docx", LocalDate.parse("2024-02-11"), 4);
    var withdrawn = api.post(Api.page(community, "withdrawn", "unpublish"), fx.adminToken(), null);
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    JsonObject results = get("/evaluation?from=2024-02-01&to=2024-03-01").getJsonObject("results");
    assertThat(results.getLong("views")).isEqualTo(7);
    assertThat(results.getLong("downloads")).isEqualTo(3);
  }

  @Test
  void statementsOfManyRowsKeepTheDerivedCountsEqualToTheRecords(TestApp app, Fixtures fx)
      throws SQLException {
    String other = fx.community();
    var author = fx.user("Многостраничный");
    fx.join(other, author, "member");
    for (String slug : List.of("one", "two")) {
      var saved =
          api.put(
              Api.page(other, slug),
              author.token(),
              new JsonObject().put("title", slug).put("markdown", "Текст").put("kind", "article"));
      assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    }
    try (Connection db = app.jdbc();
        Statement sql = db.createStatement()) {
      String ids = "SELECT id FROM communities WHERE slug = '" + other + "'";
      // One statement: 300 rows over three months and two kinds (several per bucket).
      sql.execute(
          """
          INSERT INTO contributions (user_id, community_id, kind, created_at)
          SELECT u.id, c.id, CASE WHEN g %% 3 = 0 THEN 'plan_item' ELSE 'revision' END,
                 timestamptz '2024-01-20 12:00+03' + g * interval '6 hours'
            FROM generate_series(1, 300) g, users u, communities c
           WHERE u.login = '%s' AND c.id = (%s)
          """
              .formatted(author.login(), ids));
      // Views inserted for both pages over ten days, then added to in one upsert that both
      // updates existing days and inserts new ones.
      String views =
          """
          INSERT INTO page_views (page_id, day, views)
          SELECT p.id, date '2024-02-01' + d, %d + d FROM pages p CROSS JOIN generate_series(%d, %d) d
           WHERE p.community_id = (%s)
          ON CONFLICT (page_id, day) DO UPDATE SET views = page_views.views + EXCLUDED.views
          """;
      sql.execute(views.formatted(1, 0, 9, ids));
      sql.execute(views.formatted(5, 5, 14, ids));
      assertThat(
              scalar(
                  sql, "SELECT sum(n) FROM contribution_months WHERE community_id = (" + ids + ")"))
          .as("the 300 rows and the two saves' own")
          .isEqualTo(
              scalar(sql, "SELECT count(*) FROM contributions WHERE community_id = (" + ids + ")"))
          .isGreaterThanOrEqualTo(300);
      assertThat(
              scalar(
                  sql,
                  """
                  SELECT count(*) FROM (
                    SELECT user_id, date_trunc('month', created_at AT TIME ZONE 'Europe/Moscow')
                             AT TIME ZONE 'Europe/Moscow' AS month, kind, count(*) AS n
                      FROM contributions WHERE community_id = (%1$s) GROUP BY 1, 2, 3
                    EXCEPT
                    SELECT user_id, month, kind, n FROM contribution_months
                     WHERE community_id = (%1$s)) differing
                  """
                      .formatted(ids)))
          .isZero();
      assertThat(
              scalar(
                  sql,
                  """
                  SELECT count(*) FROM (
                    SELECT v.day, sum(v.views) FROM page_views v JOIN pages p ON p.id = v.page_id
                     WHERE p.community_id = (%1$s) GROUP BY 1
                    EXCEPT
                    SELECT day, views FROM community_view_days WHERE community_id = (%1$s)) differing
                  """
                      .formatted(ids)))
          .isZero();
      // Each page: the first statement adds 1+d for days 0–9 (55), the second 5+d for days 5–14
      // (145), half of it to days already there.
      assertThat(
              scalar(
                  sql,
                  "SELECT sum(views) FROM community_view_days WHERE community_id = (" + ids + ")"))
          .isEqualTo(2 * (55 + 145));
    }
  }

  private static long scalar(Statement sql, String query) throws SQLException {
    try (ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static OffsetDateTime[] period(OffsetDateTime from, OffsetDateTime to) {
    return new OffsetDateTime[] {from, to};
  }

  private static String query(OffsetDateTime[] p) {
    return "from="
        + URLEncoder.encode(p[0].toString(), StandardCharsets.UTF_8)
        + "&to="
        + URLEncoder.encode(p[1].toString(), StandardCharsets.UTF_8);
  }

  private JsonObject get(String path) {
    var answer = api.get("/api" + Api.path("communities", community) + path, moderatorToken);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }
}
