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
  // A participant: a user whose 'member' period overlaps [from, to). Their ledger rows in the
  // period that stand (not attendance withdrawn since: ContributionRepository.standingSql) counted
  // per kind: one index range scan per participant on
  // (community_id, user_id, created_at) rather than a scan of the community's whole ledger.
  private static final String PARTICIPANTS =
      """
      WITH periods AS (
        SELECT m.user_id, m.started_at, m.ended_at FROM memberships m
         WHERE m.community_id = $1 AND m.role = 'member' AND m.started_at IS NOT NULL
           AND m.started_at < $3 AND (m.ended_at IS NULL OR m.ended_at > $2))
      SELECT u.login, u.display_name, coalesce(i.name, '') AS institution,
             p.starts, p.ends, k.*
        FROM (SELECT user_id, array_agg(started_at ORDER BY started_at) AS starts,
                     array_agg(ended_at ORDER BY started_at) AS ends
                FROM periods GROUP BY user_id) p
        JOIN users u ON u.id = p.user_id
        LEFT JOIN institutions i ON i.id = u.institution_id
        CROSS JOIN LATERAL (
          SELECT %s FROM contributions c
           WHERE c.community_id = $1 AND c.user_id = p.user_id
             AND c.created_at >= $2 AND c.created_at < $3 AND %s) k
       ORDER BY u.display_name, u.login
      """
          .formatted(CountedKinds.countColumns("c"), ContributionRepository.standingSql("c"));
  // The same participants and periods, with their contributions per month ($4: the time zone):
  // the chart of active participants per month.
  private static final String MONTHLY =
      """
      WITH periods AS (
        SELECT m.user_id, m.started_at, m.ended_at FROM memberships m
         WHERE m.community_id = $1 AND m.role = 'member' AND m.started_at IS NOT NULL
           AND m.started_at < $3 AND (m.ended_at IS NULL OR m.ended_at > $2))
      SELECT c.user_id, to_char(c.created_at AT TIME ZONE $4, 'YYYY-MM') AS month, count(*) AS n
        FROM (SELECT DISTINCT user_id FROM periods) p
        JOIN contributions c ON c.community_id = $1 AND c.user_id = p.user_id
       WHERE c.created_at >= $2 AND c.created_at < $3 AND c.kind IN (%s) AND %s
       GROUP BY 1, 2
      """
          .formatted(CountedKinds.sqlList(), ContributionRepository.standingSql("c"));
  private static final String MONTHLY_PERIODS =
      """
      SELECT user_id, started_at, ended_at FROM memberships
       WHERE community_id = $1 AND role = 'member' AND started_at IS NOT NULL
         AND started_at < $3 AND (ended_at IS NULL OR ended_at > $2)
      """;
  // Membership counts: members at the end (a period started before `to` and not ended before it),
  // periods that started and that ended within [from, to).
  private static final String MEMBERSHIP =
      """
      SELECT count(DISTINCT user_id) FILTER (WHERE started_at < $3
                                               AND (ended_at IS NULL OR ended_at >= $3)) AS members,
             count(*) FILTER (WHERE started_at >= $2 AND started_at < $3) AS joined,
             count(*) FILTER (WHERE ended_at >= $2 AND ended_at < $3) AS left
        FROM memberships
       WHERE community_id = $1 AND role = 'member' AND started_at IS NOT NULL
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
      SELECT i.id, i.year, v.title, v.due, v.status
        FROM plan_items i
        JOIN LATERAL (SELECT title, due, status FROM plan_item_versions v
                       WHERE v.item_id = i.id AND v.valid_from <= $3
                       ORDER BY v.version DESC LIMIT 1) v ON true
       WHERE i.community_id = $1
         AND (v.due::timestamp AT TIME ZONE $4) >= $2 AND (v.due::timestamp AT TIME ZONE $4) < $3
       ORDER BY v.due, i.id
      """;
  // Pages of the community, published now, whose first publication (their earliest 'published'
  // status change) lies in [from, to): a page published before and published again inside the
  // period is not a result of it.
  private static final String RESULTS =
      """
      SELECT p.slug, p.title, p.kind, min(s.changed_at) AS first_published
        FROM page_status_changes s JOIN pages p ON p.id = s.page_id
       WHERE s.status = 'published' AND s.changed_at >= $2 AND s.changed_at < $3
         AND p.community_id = $1 AND p.status = 'published'
         AND NOT EXISTS (SELECT 1 FROM page_status_changes e
                          WHERE e.page_id = s.page_id AND e.status = 'published'
                            AND e.changed_at < $2)
       GROUP BY p.id
       ORDER BY first_published, p.title_key
      """;
  // Views of the community's published pages on the days [$2, $3) (dates: the days that start
  // within the period).
  private static final String VIEWS_TOTAL =
      """
      SELECT coalesce(sum(v.views), 0) AS views
        FROM pages p JOIN page_views v ON v.page_id = p.id
       WHERE p.community_id = $1 AND p.status = 'published' AND v.day >= $2 AND v.day < $3
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
  private static final String CITATIONS =
      """
      SELECT DISTINCT t.slug AS cited_slug, t.title AS cited_title, sc.slug AS community,
             sc.name AS community_name, src.slug, src.title, src.id AS source_id
        FROM page_links l
        JOIN revisions r ON r.id = l.revision_id
        JOIN pages src ON src.id = r.page_id AND r.number = src.reviewed_revision
        JOIN communities sc ON sc.id = src.community_id
        JOIN pages t ON t.community_id = $1
                    AND (t.slug_key = l.target_slug_key OR t.title_key = l.target_title_key)
       WHERE l.target_community = (SELECT slug_key FROM communities WHERE id = $1) AND src.status = 'published' AND src.community_id <> $1
         AND t.status = 'published'
       ORDER BY t.title, sc.name, src.title
      """;
  // Comments by people who were neither members nor moderators of the community when they wrote
  // them, on its published pages. None are written until comments exist (issue 16).
  private static final String COMMENTS =
      """
      SELECT count(*) AS comments
        FROM contributions c JOIN pages p ON p.id = c.page_id
       WHERE c.community_id = $1 AND c.kind = 'comment' AND p.status = 'published'
         AND c.created_at >= $2 AND c.created_at < $3
         AND NOT EXISTS (SELECT 1 FROM memberships m
                          WHERE m.community_id = $1 AND m.user_id = c.user_id
                            AND m.role IN ('member', 'moderator') AND m.started_at <= c.created_at
                            AND (m.ended_at IS NULL OR m.ended_at > c.created_at))
      """;

  /** The participants of the period with their contributions in it; active by {@code threshold}. */
  Future<List<Participant>> participants(
      SqlClient sql, long community, Period period, int threshold) {
    return sql.preparedQuery(PARTICIPANTS)
        .execute(Tuple.of(community, period.from(), period.to()))
        .map(rows -> Rows.list(rows, row -> participant(row, threshold)));
  }

  private static Participant participant(Row row, int threshold) {
    Map<ContributionKind, Integer> counts = new EnumMap<>(ContributionKind.class);
    int total = 0;
    for (ContributionKind kind : CountedKinds.ALL) {
      int n = row.getLong(kind.code()).intValue();
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
    return sql.preparedQuery(MONTHLY)
        .execute(Tuple.of(community, period.from(), period.to(), period.zone().getId()))
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

  /** Members at the end of the period, periods joined and left within it. */
  Future<int[]> membership(SqlClient sql, long community, Period period) {
    return sql.preparedQuery(MEMBERSHIP)
        .execute(Tuple.of(community, period.from(), period.to()))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new int[] {
                row.getLong("members").intValue(),
                row.getLong("joined").intValue(),
                row.getLong("left").intValue()
              };
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
    return sql.preparedQuery(TASKS)
        .execute(Tuple.of(community, period.from(), period.to(), period.zone().getId()))
        .map(
            rows ->
                Rows.list(
                    rows,
                    row ->
                        new Task(
                            row.getLong("id"),
                            row.getString("year"),
                            row.getString("title"),
                            row.getLocalDate("due"),
                            row.getString("status"))));
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

  Future<Long> views(SqlClient sql, long community, Period period) {
    return sql.preparedQuery(VIEWS_TOTAL)
        .execute(Tuple.of(community, viewsFrom(period), viewsTo(period)))
        .map(rows -> rows.iterator().next().getLong("views"));
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
        .execute(Tuple.of(community))
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

  Future<Long> comments(SqlClient sql, long community, Period period) {
    return sql.preparedQuery(COMMENTS)
        .execute(Tuple.of(community, period.from(), period.to()))
        .map(rows -> rows.iterator().next().getLong("comments"));
  }
}
