package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for submitted reviews and their scores; both tables are append-only. */
final class SubmissionRepository {
  private static final String INSERT =
      """
      INSERT INTO expert_submissions (review_id, number, recommendation)
      SELECT $1, coalesce(max(number), 0) + 1, $2 FROM expert_submissions WHERE review_id = $1
      RETURNING id, number
      """;
  private static final String INSERT_SCORES =
      """
      INSERT INTO expert_scores (submission_id, code, score, comment)
      SELECT $1, code, score, comment
        FROM unnest($2::text[], $3::smallint[], $4::text[]) AS s(code, score, comment)
      """;
  // Scores in the order of the rubric version the expert scored under.
  private static final String OF_REVIEWS =
      """
      SELECT s.review_id, s.number, s.recommendation, s.submitted_at,
             sc.code, sc.score, sc.comment
        FROM expert_submissions s
        JOIN expert_reviews a ON a.id = s.review_id
        JOIN expert_scores sc ON sc.submission_id = s.id
        LEFT JOIN rubric_criteria rc ON rc.version = a.rubric_version AND rc.code = sc.code
       WHERE s.review_id = ANY($1)
       ORDER BY s.review_id, s.number DESC, rc.position
      """;
  // The latest submission of each invitation of the communities $1 (ids) whose period lies within
  // [$2, $3).
  private static final String LATEST =
      """
      SELECT a.community_id, a.id, a.rubric_version, s.recommendation, sc.code, sc.score, rc.title,
             rc.position
        FROM expert_reviews a
        JOIN LATERAL (SELECT id, recommendation FROM expert_submissions
                       WHERE review_id = a.id ORDER BY number DESC LIMIT 1) s ON true
        JOIN expert_scores sc ON sc.submission_id = s.id
        JOIN rubric_criteria rc ON rc.version = a.rubric_version AND rc.code = sc.code
       WHERE a.community_id = ANY($1) AND a.period_from >= $2 AND a.period_to <= $3
       ORDER BY a.id, rc.position
      """;

  /** Records the next submission of the review; returns its number. Call under the row lock. */
  Future<Integer> insert(SqlClient tx, long reviewId, Scoring scoring) {
    List<Submission.Score> scores = scoring.scores();
    return tx.preparedQuery(INSERT)
        .execute(Tuple.of(reviewId, scoring.recommendation().code()))
        .compose(
            rows -> {
              Row row = rows.iterator().next();
              Tuple args =
                  Tuple.tuple()
                      .addLong(row.getLong("id"))
                      .addArrayOfString(
                          scores.stream().map(Submission.Score::code).toArray(String[]::new))
                      .addArrayOfShort(
                          scores.stream().map(s -> (short) s.score()).toArray(Short[]::new))
                      .addArrayOfString(
                          scores.stream().map(Submission.Score::comment).toArray(String[]::new));
              return tx.preparedQuery(INSERT_SCORES)
                  .execute(args)
                  .map(v -> row.getInteger("number"));
            });
  }

  /** Every submission of these reviews, by review, newest first. */
  Future<Map<Long, List<Submission>>> ofReviews(SqlClient sql, List<Long> reviewIds) {
    return sql.preparedQuery(OF_REVIEWS)
        .execute(Tuple.of(reviewIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, Map<Integer, List<Row>>> grouped = new LinkedHashMap<>();
              for (Row r : rows) {
                grouped
                    .computeIfAbsent(r.getLong("review_id"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getInteger("number"), k -> new ArrayList<>())
                    .add(r);
              }
              Map<Long, List<Submission>> result = new LinkedHashMap<>();
              grouped.forEach(
                  (review, numbers) ->
                      result.put(
                          review,
                          numbers.values().stream()
                              .map(SubmissionRepository::submission)
                              .toList()));
              return result;
            });
  }

  /** Per community (id), the latest submissions within the period, for the composite. */
  Future<Map<Long, List<Composite.Scored>>> latest(
      SqlClient sql, Long[] communities, Instant from, Instant to) {
    Tuple args = Tuple.of(communities, ExpertRepository.utc(from), ExpertRepository.utc(to));
    return sql.preparedQuery(LATEST)
        .execute(args)
        .map(
            rows -> {
              Map<Long, Map<Long, List<Row>>> byReview = new LinkedHashMap<>();
              for (Row r : rows) {
                byReview
                    .computeIfAbsent(r.getLong("community_id"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getLong("id"), k -> new ArrayList<>())
                    .add(r);
              }
              Map<Long, List<Composite.Scored>> scored = new LinkedHashMap<>();
              byReview.forEach(
                  (community, reviews) ->
                      scored.put(
                          community,
                          reviews.values().stream().map(SubmissionRepository::scored).toList()));
              return scored;
            });
  }

  private static Composite.Scored scored(List<Row> rows) {
    Row first = rows.getFirst();
    List<Composite.ScoredCriterion> scores =
        rows.stream()
            .map(
                r ->
                    new Composite.ScoredCriterion(
                        r.getString("code"),
                        r.getString("title"),
                        r.getInteger("position"),
                        r.getInteger("score")))
            .toList();
    return new Composite.Scored(
        Recommendation.fromCode(first.getString("recommendation")),
        first.getInteger("rubric_version"),
        scores);
  }

  private static Submission submission(List<Row> rows) {
    Row first = rows.getFirst();
    List<Submission.Score> scores =
        rows.stream()
            .map(
                r ->
                    new Submission.Score(
                        r.getString("code"), r.getInteger("score"), r.getString("comment")))
            .toList();
    return new Submission(
        first.getInteger("number"),
        first.getOffsetDateTime("submitted_at"),
        Recommendation.fromCode(first.getString("recommendation")),
        scores);
  }
}
