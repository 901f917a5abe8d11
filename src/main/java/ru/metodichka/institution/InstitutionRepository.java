package ru.metodichka.institution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/** SQL for institutions. */
public final class InstitutionRepository {
  private static final String INSERT =
      """
      INSERT INTO institutions (name, short_name, kind) VALUES ($1, $2, $3)
      RETURNING id, name, short_name, kind, created_at, 0 AS user_count
      """;
  private static final String LIST =
      """
      SELECT i.id, i.name, i.short_name, i.kind, i.created_at,
             (SELECT count(*) FROM users u WHERE u.institution_id = i.id) AS user_count
        FROM institutions i
       ORDER BY i.name
      """;

  /** Inserts an institution; 409 when one with this exact name exists. */
  public Future<JsonObject> insert(SqlClient sql, NewInstitution institution) {
    return sql.preparedQuery(INSERT)
        .execute(Tuple.of(institution.name(), institution.shortName(), institution.kind()))
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof PgException pg && "23505".equals(pg.getSqlState())
                        ? AppError.conflict("institution_name_taken", institution.name())
                        : e))
        .map(rows -> toJson(rows.iterator().next()));
  }

  /** Every institution with the number of users who work there, by name. */
  public Future<JsonArray> list(SqlClient sql) {
    return sql.query(LIST).execute().map(rows -> Rows.toArray(rows, InstitutionRepository::toJson));
  }

  private static JsonObject toJson(Row r) {
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("name", r.getString("name"))
        .put("shortName", r.getString("short_name"))
        .put("kind", r.getString("kind"))
        .put("createdAt", Rows.time(r.getOffsetDateTime("created_at")))
        .put("userCount", r.getLong("user_count"));
  }
}
