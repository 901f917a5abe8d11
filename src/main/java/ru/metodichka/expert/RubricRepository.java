package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.auth.Person;

/** SQL for the rubric's versions; both tables are append-only. */
final class RubricRepository {
  private static final String SELECT =
      """
      SELECT v.version, v.created_at, u.login, u.display_name,
             c.code, c.title, c.description
        FROM rubric_versions v
        LEFT JOIN users u ON u.id = v.created_by
        JOIN rubric_criteria c ON c.version = v.version
      """;
  private static final String CURRENT =
      SELECT + " WHERE v.version = (SELECT max(version) FROM rubric_versions) ORDER BY c.position";
  private static final String VERSION = SELECT + " WHERE v.version = $1 ORDER BY c.position";
  // The lock makes concurrent edits take numbers one after another (the primary key would refuse
  // the second one anyway).
  private static final String LOCK = "LOCK TABLE rubric_versions IN SHARE ROW EXCLUSIVE MODE";
  private static final String INSERT_VERSION =
      """
      INSERT INTO rubric_versions (version, created_by)
      SELECT max(version) + 1, $1 FROM rubric_versions
      RETURNING version
      """;
  private static final String INSERT_CRITERIA =
      """
      INSERT INTO rubric_criteria (version, position, code, title, description)
      SELECT $1, p, code, title, description
        FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY
             AS c(code, title, description, p)
      """;

  Future<Rubric> current(SqlClient sql) {
    return sql.query(CURRENT).execute().map(RubricRepository::rubric);
  }

  Future<Rubric> version(SqlClient sql, int version) {
    return sql.preparedQuery(VERSION).execute(Tuple.of(version)).map(RubricRepository::rubric);
  }

  /** Locks the rubric against a concurrent edit, until the transaction ends. */
  Future<Void> lock(SqlClient tx) {
    return tx.query(LOCK).execute().mapEmpty();
  }

  /** Adds the next version with these criteria; returns its number. Call in a transaction. */
  Future<Integer> insert(SqlClient tx, long userId, List<Criterion> criteria) {
    String[] codes = criteria.stream().map(Criterion::code).toArray(String[]::new);
    String[] titles = criteria.stream().map(Criterion::title).toArray(String[]::new);
    String[] texts = criteria.stream().map(Criterion::description).toArray(String[]::new);
    return tx.preparedQuery(INSERT_VERSION)
        .execute(Tuple.of(userId))
        .map(rows -> rows.iterator().next().getInteger("version"))
        .compose(
            version ->
                tx.preparedQuery(INSERT_CRITERIA)
                    .execute(
                        Tuple.tuple()
                            .addInteger(version)
                            .addArrayOfString(codes)
                            .addArrayOfString(titles)
                            .addArrayOfString(texts))
                    .map(version));
  }

  private static Rubric rubric(RowSet<Row> rows) {
    List<Criterion> criteria = new ArrayList<>();
    Row first = null;
    for (Row r : rows) {
      first = first == null ? r : first;
      criteria.add(
          new Criterion(r.getString("code"), r.getString("title"), r.getString("description")));
    }
    if (first == null) {
      throw new IllegalStateException("the rubric has no criteria");
    }
    String login = first.getString("login");
    Person by = login == null ? null : new Person(login, first.getString("display_name"));
    return new Rubric(
        first.getInteger("version"), first.getOffsetDateTime("created_at"), by, criteria);
  }
}
