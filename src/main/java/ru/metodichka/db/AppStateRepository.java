package ru.metodichka.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;

/**
 * SQL for {@code app_state}: the few values a whole deployment shares, whichever node wrote them
 * first (the CSRF secret, the database's id, the demo's marker), and when recurring jobs last ran.
 */
public final class AppStateRepository {
  private static final String READ = "SELECT value FROM app_state WHERE key = $1";
  // Claims a recurring job for this server: the key holds when it last ran (the database's clock);
  // only one of the servers asking at once gets a row back, and only once the period has passed.
  private static final String CLAIM =
      """
      INSERT INTO app_state (key, value) VALUES ($1, now()::text)
      ON CONFLICT (key) DO UPDATE SET value = now()::text
       WHERE app_state.value::timestamptz <= now() - make_interval(secs => $2)
      RETURNING key
      """;
  private static final String INSERT_IF_ABSENT =
      "INSERT INTO app_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING";

  /** The value under {@code key}, if any. */
  public Future<Optional<String>> get(SqlClient sql, String key) {
    return sql.preparedQuery(READ)
        .execute(Tuple.of(key))
        .map(rows -> Rows.first(rows, r -> r.getString("value")));
  }

  /**
   * Claims the job named {@code key} unless some server claimed it less than {@code period} ago:
   * true for exactly one of the servers of a deployment in each period.
   */
  public Future<Boolean> claim(SqlClient sql, String key, Duration period) {
    return sql.preparedQuery(CLAIM)
        .execute(Tuple.of(key, period.toMillis() / 1000.0))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Stores {@code value} unless the key has one; true when this call stored it. */
  public Future<Boolean> putIfAbsent(SqlClient sql, String key, String value) {
    return sql.preparedQuery(INSERT_IF_ABSENT)
        .execute(Tuple.of(key, value))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * The value under {@code key}, storing {@code candidate} first when there is none: every node of
   * a deployment gets the same value, whichever asked first.
   */
  public Future<String> getOrCreate(SqlClient sql, String key, String candidate) {
    return putIfAbsent(sql, key, candidate)
        .compose(v -> get(sql, key))
        .map(found -> found.orElseThrow(() -> new IllegalStateException("app_state lost " + key)));
  }
}
