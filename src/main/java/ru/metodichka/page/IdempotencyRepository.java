package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import ru.metodichka.error.AppError;

/**
 * Remembers the result of a save that carried an {@code Idempotency-Key}, so that a client retrying
 * after a dropped connection gets the first answer instead of a second revision.
 */
final class IdempotencyRepository {
  // Serialises concurrent requests with the same key for the rest of the transaction.
  private static final String LOCK = "SELECT pg_advisory_xact_lock($1)";
  // A client retries within minutes; a day is plenty.
  private static final String PURGE =
      "DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'";
  private static final String FIND =
      "SELECT request_hash, response_status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2";
  private static final String STORE =
      """
      INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response)
      VALUES ($1, $2, $3, $4, $5)
      """;

  /**
   * Locks the key and returns the stored result if this key was already used; 422 if it was used
   * for a different request. Must be called inside a transaction.
   */
  Future<Optional<SaveResult>> claim(SqlClient sql, long userId, IdempotencyKey idempotencyKey) {
    String key = idempotencyKey.value();
    byte[] requestHash = idempotencyKey.requestHash();
    long lockId = ((long) Long.hashCode(userId) << 32) ^ key.hashCode();
    return sql.preparedQuery(LOCK)
        .execute(Tuple.of(lockId))
        .compose(v -> sql.preparedQuery(FIND).execute(Tuple.of(userId, key)))
        .map(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return Optional.empty();
              }
              var row = rows.iterator().next();
              if (!Arrays.equals(row.getBuffer("request_hash").getBytes(), requestHash)) {
                throw AppError.invalid("Idempotency-Key", "idempotency_key_reused");
              }
              return Optional.of(result((JsonObject) row.getValue("response")));
            });
  }

  /** Forgets answers older than a day; returns how many. */
  Future<Integer> purge(SqlClient sql) {
    return sql.query(PURGE).execute().map(rows -> rows.rowCount());
  }

  Future<Void> store(SqlClient sql, long userId, IdempotencyKey key, SaveResult result) {
    return sql.preparedQuery(STORE)
        .execute(Tuple.of(userId, key.value(), key.requestHash(), result.status(), stored(result)))
        .mapEmpty();
  }

  /** How a result is kept (the row's jsonb): the fields of the first answer. */
  private static JsonObject stored(SaveResult result) {
    return new JsonObject()
        .put("revision", result.revision())
        .put("merged", result.merged())
        .put("created", result.created())
        .put("unchanged", result.unchanged());
  }

  private static SaveResult result(JsonObject stored) {
    return new SaveResult(
        stored.getInteger("revision"),
        stored.getBoolean("merged"),
        stored.getBoolean("created"),
        stored.getBoolean("unchanged"));
  }

  static boolean isValidKey(String key) {
    return key != null
        && !key.isEmpty()
        && key.length() <= 200
        && key.getBytes(StandardCharsets.UTF_8).length == key.length()
        && key.chars().allMatch(c -> c > 32 && c < 127);
  }
}
