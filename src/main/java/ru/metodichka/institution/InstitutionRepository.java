package ru.metodichka.institution;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import ru.metodichka.db.DatabaseErrors;
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
  public Future<Institution> insert(SqlClient sql, NewInstitution institution) {
    return sql.preparedQuery(INSERT)
        .execute(Tuple.of(institution.name(), institution.shortName(), institution.kind()))
        .recover(
            DatabaseErrors.uniqueViolation(
                () -> AppError.conflict("institution_name_taken", institution.name())))
        .map(rows -> institution(rows.iterator().next()));
  }

  /** Every institution with the number of users who work there, by name. */
  public Future<List<Institution>> list(SqlClient sql) {
    return sql.query(LIST)
        .execute()
        .map(rows -> Rows.list(rows, InstitutionRepository::institution));
  }

  private static Institution institution(Row r) {
    return new Institution(
        r.getLong("id"),
        r.getString("name"),
        r.getString("short_name"),
        r.getString("kind"),
        r.getOffsetDateTime("created_at"),
        r.getLong("user_count"));
  }
}
