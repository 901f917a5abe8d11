package ru.metodichka.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import ru.metodichka.page.ResultKind;

/**
 * The summary's figures of many communities at once, each figure one query grouped by community:
 * the overview of a district's 200 communities costs the same handful of queries as one community's
 * summary. Counts only; {@link EvaluationRepository} reads the records behind them (the drill-down)
 * with the same definitions ({@code COUNTED}, {@code PERIODS}, {@code CITING}). Parameters: $1 the
 * communities' ids, $2 and $3 the period's {@code [from, to)}. A community without a row has a
 * count of 0.
 */
final class SummaryRepository {
  // Participants active in the period (at least $6 contributions of the counted kinds), and those
  // with at least five, per community.
  private static final String ACTIVE =
      """
      WITH %s, %s,
      totals AS (SELECT community_id, user_id, sum(n) AS n FROM counted
                  WHERE kind IN (%s) GROUP BY 1, 2)
      SELECT p.community_id, count(*) FILTER (WHERE t.n >= $6) AS active,
             count(*) FILTER (WHERE t.n >= 5) AS active_five
        FROM (SELECT DISTINCT community_id, user_id FROM periods) p
        JOIN totals t ON t.community_id = p.community_id AND t.user_id = p.user_id
       GROUP BY 1
      """
          .formatted(
              EvaluationRepository.PERIODS, EvaluationRepository.COUNTED, CountedKinds.sqlList());
  // Members at the end (a period started before `to` and not ended before it), periods that
  // started and that ended within [from, to).
  private static final String MEMBERSHIP =
      """
      SELECT community_id,
             count(DISTINCT user_id) FILTER (WHERE started_at < $3
                                               AND (ended_at IS NULL OR ended_at >= $3)) AS members,
             count(*) FILTER (WHERE started_at >= $2 AND started_at < $3) AS joined,
             count(*) FILTER (WHERE ended_at >= $2 AND ended_at < $3) AS left
        FROM memberships
       WHERE community_id = ANY($1) AND role = 'member' AND started_at IS NOT NULL
       GROUP BY community_id
      """;
  // Pages published now whose first publication (pages.first_published_at, V23) lies in the
  // period, per kind: an index-only scan.
  private static final String RESULTS =
      """
      SELECT community_id, kind, count(*) AS n FROM pages
       WHERE community_id = ANY($1) AND first_published_at >= $2 AND first_published_at < $3
         AND status = 'published'
       GROUP BY 1, 2
      """;
  // Views of the communities' published pages on the days [$2, $3) (dates: the days that start
  // within the period): the views of all their pages per day (community_view_days, V23) less
  // those of their pages not published now, which are few.
  private static final String VIEWS =
      """
      SELECT c.id AS community_id,
             (SELECT coalesce(sum(views), 0) FROM community_view_days
               WHERE community_id = c.id AND day >= $2 AND day < $3)
           - (SELECT coalesce(sum(v.views), 0)
                FROM pages p JOIN page_views v ON v.page_id = p.id
               WHERE p.community_id = c.id AND p.status <> 'published'
                 AND v.day >= $2 AND v.day < $3) AS n
        FROM communities c WHERE c.id = ANY($1)
      """;
  // Downloads of the files attached to the communities' published pages on the days [$2, $3)
  // (attachment_downloads, V27: per file and day, nothing about who).
  private static final String DOWNLOADS =
      """
      SELECT p.community_id, sum(d.count) AS n
        FROM pages p JOIN attachments a ON a.page_id = p.id
        JOIN attachment_downloads d ON d.attachment_id = a.id
       WHERE p.community_id = ANY($1) AND p.status = 'published' AND d.day >= $2 AND d.day < $3
       GROUP BY 1
      """;
  // Distinct pages of other communities citing each community's published pages.
  private static final String CITING =
      EvaluationRepository.CITING
          + """
          SELECT target_id AS community_id, count(DISTINCT source_id) AS n
            FROM cited GROUP BY target_id
          """;
  // Comments by people who were neither members nor moderators of the community when they wrote
  // them, on its published pages.
  private static final String COMMENTS =
      """
      SELECT c.community_id, count(*) AS n
        FROM contributions c JOIN pages p ON p.id = c.page_id
       WHERE c.community_id = ANY($1) AND c.kind = 'comment' AND p.status = 'published'
         AND c.created_at >= $2 AND c.created_at < $3
         AND NOT EXISTS (SELECT 1 FROM memberships m
                          WHERE m.community_id = c.community_id AND m.user_id = c.user_id
                            AND m.role IN ('member', 'moderator') AND m.started_at <= c.created_at
                            AND (m.ended_at IS NULL OR m.ended_at > c.created_at))
       GROUP BY 1
      """;

  /** Per community: {active, at least five contributions}. */
  Future<Map<Long, int[]>> active(SqlClient sql, Long[] communities, Period period, int threshold) {
    Months whole = Months.within(period, false);
    Tuple args =
        Tuple.of(communities, period.from(), period.to(), whole.from(), whole.to(), threshold);
    return sql.preparedQuery(ACTIVE)
        .execute(args)
        .map(
            rows ->
                byCommunity(
                    rows,
                    row ->
                        new int[] {
                          row.getLong("active").intValue(), row.getLong("active_five").intValue()
                        }));
  }

  /** Per community: {members at the end, periods joined, periods left}. */
  Future<Map<Long, int[]>> membership(SqlClient sql, Long[] communities, Period period) {
    return sql.preparedQuery(MEMBERSHIP)
        .execute(Tuple.of(communities, period.from(), period.to()))
        .map(
            rows ->
                byCommunity(
                    rows,
                    row ->
                        new int[] {
                          row.getLong("members").intValue(),
                          row.getLong("joined").intValue(),
                          row.getLong("left").intValue()
                        }));
  }

  /** Per community, the pages first published within the period, counted per kind. */
  Future<Map<Long, Map<ResultKind, Integer>>> results(
      SqlClient sql, Long[] communities, Period period) {
    return sql.preparedQuery(RESULTS)
        .execute(Tuple.of(communities, period.from(), period.to()))
        .map(
            rows -> {
              Map<Long, Map<ResultKind, Integer>> results = new HashMap<>();
              for (Row row : rows) {
                results
                    .computeIfAbsent(
                        row.getLong("community_id"), id -> new EnumMap<>(ResultKind.class))
                    .put(ResultKind.fromCode(row.getString("kind")), row.getLong("n").intValue());
              }
              return results;
            });
  }

  Future<Map<Long, Long>> views(SqlClient sql, Long[] communities, Period period) {
    Tuple args =
        Tuple.of(
            communities,
            EvaluationRepository.viewsFrom(period),
            EvaluationRepository.viewsTo(period));
    return sql.preparedQuery(VIEWS).execute(args).map(rows -> counts(rows));
  }

  Future<Map<Long, Long>> downloads(SqlClient sql, Long[] communities, Period period) {
    Tuple args =
        Tuple.of(
            communities,
            EvaluationRepository.viewsFrom(period),
            EvaluationRepository.viewsTo(period));
    return sql.preparedQuery(DOWNLOADS).execute(args).map(rows -> counts(rows));
  }

  Future<Map<Long, Long>> citingPages(SqlClient sql, Long[] communities) {
    return sql.preparedQuery(CITING).execute(Tuple.of(communities)).map(rows -> counts(rows));
  }

  Future<Map<Long, Long>> comments(SqlClient sql, Long[] communities, Period period) {
    return sql.preparedQuery(COMMENTS)
        .execute(Tuple.of(communities, period.from(), period.to()))
        .map(rows -> counts(rows));
  }

  private static Map<Long, Long> counts(RowSet<Row> rows) {
    return byCommunity(rows, row -> row.getLong("n"));
  }

  private static <T> Map<Long, T> byCommunity(RowSet<Row> rows, Function<Row, T> value) {
    Map<Long, T> map = new HashMap<>();
    for (Row row : rows) {
      map.put(row.getLong("community_id"), value.apply(row));
    }
    return map;
  }
}
