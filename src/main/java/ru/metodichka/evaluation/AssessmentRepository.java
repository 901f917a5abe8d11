package ru.metodichka.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.metodichka.db.Rows;

/** Moderators' assessments (append-only, V22) and whether a community's summary is public. */
final class AssessmentRepository {
  private static final String COLUMNS =
      """
      SELECT a.community_id, a.id, a.period_from, a.period_to, a.relevance, a.solution, a.text, a.created_at,
             u.login, u.display_name, coalesce(i.name, '') AS institution
        FROM evaluation_assessments a JOIN users u ON u.id = a.author_id
        LEFT JOIN institutions i ON i.id = u.institution_id
      """;
  private static final String INSERT =
      """
      INSERT INTO evaluation_assessments
        (community_id, period_from, period_to, relevance, solution, text, author_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
      """;
  // Every assessment of exactly this period, the latest first: the first one counts.
  private static final String OF_PERIOD =
      COLUMNS
          + """
             WHERE a.community_id = $1 AND a.period_from = $2 AND a.period_to = $3
             ORDER BY a.id DESC
            """;
  // The same for many communities ($1: their ids), each community's latest first.
  private static final String OF_PERIODS =
      COLUMNS
          + """
             WHERE a.community_id = ANY($1) AND a.period_from = $2 AND a.period_to = $3
             ORDER BY a.community_id, a.id DESC
            """;
  private static final String BY_ID = COLUMNS + " WHERE a.id = $1";
  private static final String PUBLICITY =
      """
      SELECT e.public, e.changed_at, u.login, u.display_name
        FROM evaluation_publicity e JOIN users u ON u.id = e.changed_by
       WHERE e.community_id = $1 ORDER BY e.id DESC LIMIT 1
      """;
  private static final String SET_PUBLICITY =
      "INSERT INTO evaluation_publicity (community_id, public, changed_by) VALUES ($1, $2, $3)";

  Future<Long> insert(SqlClient sql, long community, long author, NewAssessment a) {
    Tuple values =
        Tuple.of(
            community, a.from(), a.to(), (short) a.relevance(), (short) a.solution(), a.text());
    values.addLong(author);
    return sql.preparedQuery(INSERT).execute(values).map(rows -> rows.iterator().next().getLong(0));
  }

  /** The assessments of exactly this period, the latest first. */
  Future<List<Assessment>> ofPeriod(SqlClient sql, long community, Period period) {
    return sql.preparedQuery(OF_PERIOD)
        .execute(Tuple.of(community, period.from(), period.to()))
        .map(rows -> Rows.list(rows, AssessmentRepository::assessment));
  }

  /** The latest assessment of exactly this period of each of these communities that has one. */
  Future<Map<Long, Assessment>> latestOfPeriod(SqlClient sql, Long[] communities, Period period) {
    return sql.preparedQuery(OF_PERIODS)
        .execute(Tuple.of(communities, period.from(), period.to()))
        .map(
            rows -> {
              Map<Long, Assessment> latest = new java.util.HashMap<>();
              for (Row row : rows) {
                latest.putIfAbsent(row.getLong("community_id"), assessment(row));
              }
              return latest;
            });
  }

  Future<Assessment> find(SqlClient sql, long id) {
    return sql.preparedQuery(BY_ID)
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, AssessmentRepository::assessment).orElseThrow());
  }

  private static Assessment assessment(Row row) {
    return new Assessment(
        row.getLong("id"),
        row.getOffsetDateTime("period_from"),
        row.getOffsetDateTime("period_to"),
        row.getInteger("relevance"),
        row.getInteger("solution"),
        row.getString("text"),
        new Person(
            row.getString("login"), row.getString("display_name"), row.getString("institution")),
        row.getOffsetDateTime("created_at"));
  }

  /** Whether the community's summary is public now, and who made it so (or not) when. */
  Future<Optional<Publicity>> publicity(SqlClient sql, long community) {
    return sql.preparedQuery(PUBLICITY)
        .execute(Tuple.of(community))
        .map(
            rows ->
                Rows.first(
                    rows,
                    row ->
                        new Publicity(
                            row.getBoolean("public"),
                            new Person(row.getString("login"), row.getString("display_name"), ""),
                            row.getOffsetDateTime("changed_at"))));
  }

  Future<Void> setPublicity(SqlClient sql, long community, boolean open, long by) {
    return sql.preparedQuery(SET_PUBLICITY).execute(Tuple.of(community, open, by)).mapEmpty();
  }
}
