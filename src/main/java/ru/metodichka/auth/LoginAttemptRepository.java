package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** SQL for the counters of login attempts ({@link LoginThrottle}). */
final class LoginAttemptRepository {
  // One statement for all the buckets of an attempt, taken in key order: two attempts that share
  // buckets lock their rows in the same order, so they never deadlock. A window older than $2
  // seconds starts again at this attempt.
  private static final String RESERVE =
      """
      INSERT INTO login_attempts AS a (bucket, attempts, window_start)
      SELECT bucket, 1, now() FROM unnest($1::text[]) AS bucket ORDER BY bucket
      ON CONFLICT (bucket) DO UPDATE SET
        attempts = CASE WHEN a.window_start > now() - $2::int * interval '1 second'
                        THEN a.attempts + 1 ELSE 1 END,
        window_start = CASE WHEN a.window_start > now() - $2::int * interval '1 second'
                            THEN a.window_start ELSE now() END
      RETURNING bucket, attempts,
                ceil(extract(epoch FROM a.window_start + $2::int * interval '1 second' - now()))
                  ::int AS retry_after
      """;
  private static final String RELEASE =
      "UPDATE login_attempts SET attempts = attempts - 1 WHERE bucket = ANY($1) AND attempts > 0";
  private static final String PURGE =
      "DELETE FROM login_attempts WHERE window_start < now() - interval '1 day'";

  /** A bucket's count after this attempt, and the seconds until its window ends. */
  record Count(String bucket, int attempts, int retryAfterSeconds) {}

  /** Counts one attempt in each bucket, atomically; returns every bucket's count. */
  Future<List<Count>> reserve(SqlClient sql, List<String> buckets, Duration window) {
    Tuple args = Tuple.tuple().addArrayOfString(buckets.toArray(String[]::new));
    return sql.preparedQuery(RESERVE)
        .execute(args.addInteger((int) window.toSeconds()))
        .map(
            rows -> {
              List<Count> counts = new ArrayList<>();
              rows.forEach(
                  r ->
                      counts.add(
                          new Count(
                              r.getString("bucket"),
                              r.getInteger("attempts"),
                              r.getInteger("retry_after"))));
              return counts;
            });
  }

  /** Takes one attempt back from each bucket (it was not a failure). */
  Future<Void> release(SqlClient sql, List<String> buckets) {
    return sql.preparedQuery(RELEASE)
        .execute(Tuple.tuple().addArrayOfString(buckets.toArray(String[]::new)))
        .mapEmpty();
  }

  /** Deletes counters whose window ended a day ago; returns how many went. */
  Future<Integer> purge(SqlClient sql) {
    return sql.query(PURGE).execute().map(rows -> rows.rowCount());
  }
}
