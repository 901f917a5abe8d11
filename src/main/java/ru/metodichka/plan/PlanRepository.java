package ru.metodichka.plan;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;
import ru.metodichka.page.PageStatus;

/**
 * SQL for the plan: items, which never change, and their versions, which are only ever added. The
 * current item is its latest version; the item as of a moment is its latest version written by then
 * (the plan at a moment has the items that had a version by then).
 */
final class PlanRepository {
  // A version with its people and pages, read in the order they were given (WITH ORDINALITY).
  private static final String VERSION =
      """
      SELECT v.item_id, v.version, v.valid_from, v.title, v.description, v.form, v.starts, v.due,
             v.status, v.outcome, changer.login AS changed_login,
             changer.display_name AS changed_name,
             ARRAY(SELECT u.login FROM unnest(v.responsible) WITH ORDINALITY AS r (id, n)
                     JOIN users u ON u.id = r.id ORDER BY r.n) AS responsible_logins,
             ARRAY(SELECT u.display_name FROM unnest(v.responsible) WITH ORDINALITY AS r (id, n)
                     JOIN users u ON u.id = r.id ORDER BY r.n) AS responsible_names,
             ARRAY(SELECT p.slug FROM unnest(v.results) WITH ORDINALITY AS r (id, n)
                     JOIN pages p ON p.id = r.id ORDER BY r.n) AS result_slugs,
             ARRAY(SELECT p.title FROM unnest(v.results) WITH ORDINALITY AS r (id, n)
                     JOIN pages p ON p.id = r.id ORDER BY r.n) AS result_titles,
             ARRAY(SELECT p.status FROM unnest(v.results) WITH ORDINALITY AS r (id, n)
                     JOIN pages p ON p.id = r.id ORDER BY r.n) AS result_statuses
        FROM\s""";
  private static final String CHANGER = " v JOIN users changer ON changer.id = v.changed_by";
  // $3 null: the plan now; otherwise as of that moment. A plan has tens of items: the primary key
  // (item_id, version) serves the DISTINCT ON for each of them.
  private static final String PLAN =
      """
      WITH latest AS (
        SELECT DISTINCT ON (v.item_id) v.*
          FROM plan_items i JOIN plan_item_versions v ON v.item_id = i.id
         WHERE i.community_id = $1 AND i.year = $2
           AND ($3::timestamptz IS NULL OR v.valid_from <= $3)
         ORDER BY v.item_id, v.version DESC)
      """
          + VERSION
          + "latest"
          + CHANGER
          + " ORDER BY v.starts, v.due, v.item_id";
  private static final String HISTORY =
      VERSION + "plan_item_versions" + CHANGER + " WHERE v.item_id = $1 ORDER BY v.version";
  private static final String ONE =
      VERSION + "plan_item_versions" + CHANGER + " WHERE v.item_id = $1 AND v.version = $2";
  private static final String LATEST =
      VERSION
          + "plan_item_versions"
          + CHANGER
          + " WHERE v.item_id = $1 ORDER BY v.version DESC LIMIT 1";
  private static final String EXISTS =
      "SELECT year FROM plan_items WHERE id = $1 AND community_id = $2";
  // The row lock serialises changes of one item: version numbers are assigned under it.
  private static final String LOCK = EXISTS + " FOR UPDATE";
  private static final String CURRENT =
      """
      SELECT version, title, description, form, starts, due, status, outcome, responsible, results
        FROM plan_item_versions WHERE item_id = $1 ORDER BY version DESC LIMIT 1
      """;
  private static final String INSERT_ITEM =
      """
      INSERT INTO plan_items (community_id, year, created_by) VALUES ($1, $2, $3) RETURNING id
      """;
  private static final String INSERT_VERSION =
      """
      INSERT INTO plan_item_versions (item_id, version, changed_by, title, description, form,
                                      starts, due, status, outcome, responsible, results)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      """;

  /** The items of a community's plan for a year, now ({@code asOf} null) or as of a moment. */
  Future<List<PlanItem>> plan(
      SqlClient sql, long communityId, AcademicYear year, OffsetDateTime asOf) {
    return sql.preparedQuery(PLAN)
        .execute(Tuple.of(communityId, year.label(), asOf))
        .map(rows -> Rows.list(rows, PlanRepository::item));
  }

  /** Every version of an item, the first first. */
  Future<List<PlanItem>> history(SqlClient sql, long itemId) {
    return sql.preparedQuery(HISTORY)
        .execute(Tuple.of(itemId))
        .map(rows -> Rows.list(rows, PlanRepository::item));
  }

  Future<PlanItem> version(SqlClient sql, long itemId, int version) {
    return sql.preparedQuery(ONE)
        .execute(Tuple.of(itemId, version))
        .map(rows -> Rows.first(rows, PlanRepository::item).orElseThrow());
  }

  /** The item as it is now: its latest version. */
  Future<PlanItem> latest(SqlClient sql, long itemId) {
    return sql.preparedQuery(LATEST)
        .execute(Tuple.of(itemId))
        .map(rows -> Rows.first(rows, PlanRepository::item).orElseThrow());
  }

  /** The plan an item of this community belongs to; empty when it has no such item. */
  Future<Optional<AcademicYear>> year(SqlClient sql, long itemId, long communityId) {
    return yearOf(sql, EXISTS, itemId, communityId);
  }

  /** {@link #year}, the item locked until the transaction ends. Must be called in one. */
  Future<Optional<AcademicYear>> lock(SqlClient sql, long itemId, long communityId) {
    return yearOf(sql, LOCK, itemId, communityId);
  }

  private static Future<Optional<AcademicYear>> yearOf(
      SqlClient sql, String query, long itemId, long communityId) {
    return sql.preparedQuery(query)
        .execute(Tuple.of(itemId, communityId))
        .map(rows -> Rows.first(rows, r -> AcademicYear.parse(r.getString("year"))));
  }

  /** The latest version's number and content. */
  Future<Current> current(SqlClient sql, long itemId) {
    return sql.preparedQuery(CURRENT)
        .execute(Tuple.of(itemId))
        .map(rows -> Rows.first(rows, PlanRepository::current).orElseThrow());
  }

  Future<Long> insertItem(SqlClient sql, long communityId, AcademicYear year, long createdBy) {
    return sql.preparedQuery(INSERT_ITEM)
        .execute(Tuple.of(communityId, year.label(), createdBy))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> insertVersion(SqlClient sql, long itemId, int version, long by, Content c) {
    Object[] values = {
      itemId,
      version,
      by,
      c.title(),
      c.description(),
      c.form().code(),
      c.starts(),
      c.due(),
      c.status().code(),
      c.outcome(),
      c.responsible().toArray(Long[]::new),
      c.results().toArray(Long[]::new)
    };
    return sql.preparedQuery(INSERT_VERSION).execute(Tuple.from(values)).mapEmpty();
  }

  private static PlanItem item(Row r) {
    String[] logins = r.getArrayOfStrings("responsible_logins");
    String[] names = r.getArrayOfStrings("responsible_names");
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < logins.length; i++) {
      people.add(new Person(logins[i], names[i]));
    }
    String[] slugs = r.getArrayOfStrings("result_slugs");
    String[] titles = r.getArrayOfStrings("result_titles");
    String[] statuses = r.getArrayOfStrings("result_statuses");
    List<ResultPage> results = new ArrayList<>();
    for (int i = 0; i < slugs.length; i++) {
      results.add(new ResultPage(slugs[i], titles[i], PageStatus.of(statuses[i])));
    }
    return new PlanItem(
        r.getLong("item_id"),
        r.getInteger("version"),
        r.getString("title"),
        r.getString("description"),
        PlanForm.of(r.getString("form")),
        people,
        r.getLocalDate("starts"),
        r.getLocalDate("due"),
        PlanStatus.of(r.getString("status")),
        results,
        r.getString("outcome"),
        false,
        r.getOffsetDateTime("valid_from"),
        new Person(r.getString("changed_login"), r.getString("changed_name")));
  }

  private static Current current(Row r) {
    return new Current(
        r.getInteger("version"),
        new Content(
            r.getString("title"),
            r.getString("description"),
            PlanForm.of(r.getString("form")),
            r.getLocalDate("starts"),
            r.getLocalDate("due"),
            PlanStatus.of(r.getString("status")),
            r.getString("outcome"),
            Arrays.asList(r.getArrayOfLongs("responsible")),
            Arrays.asList(r.getArrayOfLongs("results"))));
  }

  /** The latest version of an item: its number and what it stores. */
  record Current(int version, Content content) {}
}
