package ru.metodichka.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.contribution.ContributionKind;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.db.Rows;
import ru.metodichka.page.ResultKind;

/**
 * The SQL behind every figure of an evaluation: each query reads the records a person could count
 * by hand (memberships, the contribution ledger, plan versions, status changes, views, wiki links).
 * Parameters: $1 the community's id, $2 and $3 the period's {@code [from, to)}.
 */
final class EvaluationRepository {
  // The ledger rows of the period of the communities $1 (ids) that stand, per community, person
  // and kind: whole months from contribution_months ($4 and $5: the first and the end of the whole
  // Moscow months inside the period, V23), the rest of the period from the ledger itself. The same
  // counts as the ledger's rows, without reading each of a year's rows. Attendance at meetings is
  // never in contribution_months (V24): it counts only while the person is on the meeting's list
  // (ContributionRepository.standingSql), so its rows, few, are always read from the ledger.
  static final String COUNTED =
      """
      counted AS (
        SELECT community_id, user_id, kind, n, month FROM contribution_months
         WHERE community_id = ANY($1) AND month >= $4 AND month < $5
        -- The period's edges outside the whole months, as two ranges of the index: as one range
        -- with "(created_at < $4 OR created_at >= $5)", the generic plan PostgreSQL settles on
        -- after five runs of a prepared statement read every row of the period (300 ms for a
        -- community's year of 500,000 rows instead of 10).
        UNION ALL
        SELECT community_id, user_id, kind, 1, created_at FROM contributions
         WHERE community_id = ANY($1) AND created_at >= $2 AND created_at < least($3, $4)
           AND meeting_id IS NULL
        UNION ALL
        SELECT community_id, user_id, kind, 1, created_at FROM contributions
         WHERE community_id = ANY($1) AND created_at >= greatest($2, $5) AND created_at < $3
           AND meeting_id IS NULL
        UNION ALL
        SELECT c.community_id, c.user_id, c.kind, 1, c.created_at FROM contributions c
         WHERE c.community_id = ANY($1) AND c.created_at >= $2 AND c.created_at < $3
           AND c.meeting_id IS NOT NULL AND %s)
      """
          .formatted(ContributionRepository.standingSql("c"));
  // The participants of the period (their 'member' periods overlapping [from, to)) of the
  // communities $1 (ids), each once per community.
  static final String PERIODS =
      """
      periods AS (
        SELECT m.community_id, m.user_id, m.started_at, m.ended_at FROM memberships m
         WHERE m.community_id = ANY($1) AND m.role = 'member' AND m.started_at IS NOT NULL
           AND m.started_at < $3 AND (m.ended_at IS NULL OR m.ended_at > $2))
      """;
  // A participant, with their contributions in the period counted per kind.
  private static final String PARTICIPANTS =
      """
      WITH %s, %s,
      k AS (SELECT user_id, %s FROM counted c GROUP BY user_id)
      SELECT u.login, u.display_name, coalesce(i.name, '') AS institution,
             p.starts, p.ends, k.*
        FROM (SELECT user_id, array_agg(started_at ORDER BY started_at) AS starts,
                     array_agg(ended_at ORDER BY started_at) AS ends
                FROM periods GROUP BY user_id) p
        JOIN users u ON u.id = p.user_id
        LEFT JOIN institutions i ON i.id = u.institution_id
        LEFT JOIN k ON k.user_id = p.user_id
       ORDER BY u.display_name, u.login
      """
          .formatted(PERIODS, COUNTED, CountedKinds.sumColumns("c"));
  // The same participants, with their contributions per month ($6: the time zone): the chart of
  // active participants per month. A whole month's row of contribution_months lies in one month
  // of the chart when the chart's zone is Moscow's; otherwise the buckets are left out ($4 = $5)
  // and the ledger's rows are read.
  private static final String MONTHLY =
      """
      WITH %s, %s
      SELECT c.user_id, to_char(c.month AT TIME ZONE $6, 'YYYY-MM') AS month, sum(c.n) AS n
        FROM (SELECT DISTINCT user_id FROM periods) p JOIN counted c ON c.user_id = p.user_id
       WHERE c.kind IN (%s)
       GROUP BY 1, 2
      """
          .formatted(PERIODS, COUNTED, CountedKinds.sqlList());
  private static final String MONTHLY_PERIODS =
      """
      SELECT user_id, started_at, ended_at FROM memberships
       WHERE community_id = $1 AND role = 'member' AND started_at IS NOT NULL
         AND started_at < $3 AND (ended_at IS NULL OR ended_at > $2)
      """;
  // Moderators and experts of the period, shown apart and never counted as participants.
  private static final String STAFF =
      """
      SELECT DISTINCT m.role, u.login, u.display_name, coalesce(i.name, '') AS institution
        FROM memberships m JOIN users u ON u.id = m.user_id
        LEFT JOIN institutions i ON i.id = u.institution_id
       WHERE m.community_id = $1 AND m.role IN ('moderator', 'expert') AND m.started_at IS NOT NULL
         AND m.started_at < $3 AND (m.ended_at IS NULL OR m.ended_at > $2)
       ORDER BY m.role, u.display_name
      """;
  // Plan items due within the period ($4: the time zone), each as its latest version written at
  // or before `to` (the plan as it stood then, as PlanReader's "as of" reads it).
  private static final String TASKS =
      """
      SELECT i.community_id, i.id, i.year, v.title, v.due, v.status
        FROM plan_items i
        JOIN LATERAL (SELECT title, due, status FROM plan_item_versions v
                       WHERE v.item_id = i.id AND v.valid_from <= $3
                       ORDER BY v.version DESC LIMIT 1) v ON true
       WHERE i.community_id = ANY($1)
         AND (v.due::timestamp AT TIME ZONE $4) >= $2 AND (v.due::timestamp AT TIME ZONE $4) < $3
       ORDER BY v.due, i.id
      """;
  // Pages of the community, published now, whose first publication (their earliest 'published'
  // status change, kept as pages.first_published_at by a trigger, V23) lies in [from, to): a page
  // published before and published again inside the period is not a result of it.
  private static final String RESULTS =
      """
      SELECT slug, title, kind, first_published_at AS first_published FROM pages
       WHERE community_id = $1 AND first_published_at >= $2 AND first_published_at < $3
         AND status = 'published'
       ORDER BY first_published_at, title_key
      """;
  private static final String VIEWED =
      """
      SELECT p.slug, p.title, p.kind, sum(v.views) AS views
        FROM pages p JOIN page_views v ON v.page_id = p.id
       WHERE p.community_id = $1 AND p.status = 'published' AND v.day >= $2 AND v.day < $3
       GROUP BY p.id
       ORDER BY views DESC, p.title_key
       LIMIT $4
      """;
  // Published pages of other communities whose text as the public reads it (the reviewed
  // revision) links to a published page of this one by its address or title (links name the
  // community by its slug key). Links between pages of the same community are not citations.
  // Read from the links that name these communities (materialized: otherwise the planner may
  // scan every page of the district to find the few that link here). $1: the communities' ids.
  static final String CITING =
      """
      WITH targets AS (SELECT id, slug_key FROM communities WHERE id = ANY($1)),
      links AS MATERIALIZED (
        SELECT tg.id AS target_id, l.target_slug_key, l.target_title_key, r.page_id, r.number
          FROM targets tg JOIN page_links l ON l.target_community = tg.slug_key
          JOIN revisions r ON r.id = l.revision_id),
      cited AS (
        SELECT l.target_id, t.slug AS cited_slug, t.title AS cited_title, sc.slug AS community,
               sc.name AS community_name, src.slug, src.title, src.id AS source_id
          FROM links l
          -- One page per link, by its key (OFFSET 0 keeps the planner from hashing every page).
          CROSS JOIN LATERAL (SELECT id, slug, title, community_id FROM pages
                               WHERE id = l.page_id AND reviewed_revision = l.number
                                 AND status = 'published' AND community_id <> l.target_id
                              OFFSET 0) src
          JOIN communities sc ON sc.id = src.community_id
          -- The cited page by its address or by its title: one index lookup each (joined on
          -- both at once, the planner may read every page of the community per link).
          CROSS JOIN LATERAL (SELECT slug, title FROM pages
                               WHERE community_id = l.target_id AND slug_key = l.target_slug_key
                                 AND status = 'published'
                              UNION
                              SELECT slug, title FROM pages
                               WHERE community_id = l.target_id AND title_key = l.target_title_key
                                 AND status = 'published') t)
      """;
  private static final String CITATIONS =
      CITING
          + """
          SELECT DISTINCT cited_slug, cited_title, community, community_name, slug, title, source_id
            FROM cited ORDER BY cited_title, community_name, title
          """;

  /** The participants of the period with their contributions in it; active by {@code threshold}. */
  Future<List<Participant>> participants(
      SqlClient sql, long community, Period period, int threshold) {
    Months whole = Months.within(period, false);
    return sql.preparedQuery(PARTICIPANTS)
        .execute(
            Tuple.of(new Long[] {community}, period.from(), period.to(), whole.from(), whole.to()))
        .map(rows -> Rows.list(rows, row -> participant(row, threshold)));
  }

  private static Participant participant(Row row, int threshold) {
    Map<ContributionKind, Integer> counts = new EnumMap<>(ContributionKind.class);
    int total = 0;
    for (ContributionKind kind : CountedKinds.ALL) {
      Long counted = row.getLong(kind.code()); // null: no contribution in the period
      int n = counted == null ? 0 : counted.intValue();
      counts.put(kind, n);
      total += n;
    }
    OffsetDateTime[] starts = row.getArrayOfOffsetDateTimes("starts");
    OffsetDateTime[] ends = row.getArrayOfOffsetDateTimes("ends");
    List<Participant.Span> spans = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      spans.add(new Participant.Span(starts[i], ends[i]));
    }
    Person person =
        new Person(
            row.getString("login"), row.getString("display_name"), row.getString("institution"));
    return new Participant(person, counts, spans, total >= threshold);
  }

  /** Per participant (user id) and month ({@code 2025-09}), their contributions in the period. */
  Future<Map<Long, Map<YearMonth, Integer>>> monthly(SqlClient sql, long community, Period period) {
    Months whole = Months.within(period, true);
    return sql.preparedQuery(MONTHLY)
        .execute(
            Tuple.of(
                new Long[] {community},
                period.from(),
                period.to(),
                whole.from(),
                whole.to(),
                period.zone().getId()))
        .map(
            rows -> {
              Map<Long, Map<YearMonth, Integer>> counts = new java.util.HashMap<>();
              for (Row row : rows) {
                counts
                    .computeIfAbsent(row.getLong("user_id"), id -> new java.util.HashMap<>())
                    .put(YearMonth.parse(row.getString("month")), row.getLong("n").intValue());
              }
              return counts;
            });
  }

  /** Per participant (user id), their membership periods that touch the period. */
  Future<Map<Long, List<Participant.Span>>> spans(SqlClient sql, long community, Period period) {
    return sql.preparedQuery(MONTHLY_PERIODS)
        .execute(Tuple.of(community, period.from(), period.to()))
        .map(
            rows -> {
              Map<Long, List<Participant.Span>> spans = new java.util.HashMap<>();
              for (Row row : rows) {
                spans
                    .computeIfAbsent(row.getLong("user_id"), id -> new ArrayList<>())
                    .add(
                        new Participant.Span(
                            row.getOffsetDateTime("started_at"),
                            row.getOffsetDateTime("ended_at")));
              }
              return spans;
            });
  }

  /** The moderators and experts of the period, by role code. */
  Future<Map<String, List<Person>>> staff(SqlClient sql, long community, Period period) {
    return sql.preparedQuery(STAFF)
        .execute(Tuple.of(community, period.from(), period.to()))
        .map(
            rows -> {
              Map<String, List<Person>> staff = new java.util.TreeMap<>();
              staff.put("moderator", new ArrayList<>());
              staff.put("expert", new ArrayList<>());
              for (Row row : rows) {
                staff
                    .get(row.getString("role"))
                    .add(
                        new Person(
                            row.getString("login"),
                            row.getString("display_name"),
                            row.getString("institution")));
              }
              return staff;
            });
  }

  Future<List<Task>> tasks(SqlClient sql, long community, Period period) {
    return tasks(sql, new Long[] {community}, period)
        .map(byCommunity -> byCommunity.getOrDefault(community, List.of()));
  }

  /** The plan items due in the period of each of these communities (by id), due order. */
  Future<Map<Long, List<Task>>> tasks(SqlClient sql, Long[] communities, Period period) {
    return sql.preparedQuery(TASKS)
        .execute(Tuple.of(communities, period.from(), period.to(), period.zone().getId()))
        .map(
            rows -> {
              Map<Long, List<Task>> tasks = new java.util.HashMap<>();
              for (Row row : rows) {
                tasks
                    .computeIfAbsent(row.getLong("community_id"), id -> new ArrayList<>())
                    .add(
                        new Task(
                            row.getLong("id"),
                            row.getString("year"),
                            row.getString("title"),
                            row.getLocalDate("due"),
                            row.getString("status")));
              }
              return tasks;
            });
  }

  Future<List<Result>> results(SqlClient sql, long community, Period period) {
    return sql.preparedQuery(RESULTS)
        .execute(Tuple.of(community, period.from(), period.to()))
        .map(
            rows ->
                Rows.list(
                    rows,
                    row ->
                        new Result(
                            row.getString("slug"),
                            row.getString("title"),
                            ResultKind.fromCode(row.getString("kind")),
                            row.getOffsetDateTime("first_published"))));
  }

  /** The most viewed published pages in the period, at most {@code limit}. */
  Future<List<Viewed>> viewed(SqlClient sql, long community, Period period, int limit) {
    return sql.preparedQuery(VIEWED)
        .execute(Tuple.of(community, viewsFrom(period), viewsTo(period), limit))
        .map(
            rows ->
                Rows.list(
                    rows,
                    row ->
                        new Viewed(
                            row.getString("slug"),
                            row.getString("title"),
                            ResultKind.fromCode(row.getString("kind")),
                            row.getLong("views"))));
  }

  /** The first day whose midnight lies in the period. */
  static LocalDate viewsFrom(Period period) {
    var start = period.from().atZoneSameInstant(period.zone());
    LocalDate day = start.toLocalDate();
    return start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day : day.plusDays(1);
  }

  /** The first day whose midnight lies at or after the period's end. */
  static LocalDate viewsTo(Period period) {
    return period.endDay();
  }

  /** Every citation: which page of another community links to which page of this one. */
  Future<List<Citation>> citations(SqlClient sql, long community) {
    return sql.preparedQuery(CITATIONS)
        .execute(Tuple.of(new Long[] {community}))
        .map(
            rows ->
                Rows.list(
                    rows,
                    row ->
                        new Citation(
                            row.getString("cited_slug"),
                            row.getString("cited_title"),
                            row.getString("community"),
                            row.getString("community_name"),
                            row.getString("slug"),
                            row.getString("title"))));
  }
}
