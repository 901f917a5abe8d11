package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;
import ru.metodichka.page.Visibility;

/** SQL for expert rights and invitations; submissions are {@link SubmissionRepository}'s. */
final class ExpertRepository {
  private static final String HOLDS =
      "SELECT granted FROM expert_rights WHERE user_id = $1 ORDER BY id DESC LIMIT 1";
  private static final String CHANGE_RIGHT =
      "INSERT INTO expert_rights (user_id, granted, changed_by) VALUES ($1, $2, $3)";
  private static final String EXPERTS =
      """
      SELECT u.login, u.display_name, i.name AS institution, u.position, r.changed_at
        FROM (SELECT DISTINCT ON (user_id) user_id, granted, changed_at
                FROM expert_rights ORDER BY user_id, id DESC) r
        JOIN users u ON u.id = r.user_id
        LEFT JOIN institutions i ON i.id = u.institution_id
       WHERE r.granted
       ORDER BY u.display_name, u.login_key
      """;
  private static final String INSERT =
      """
      INSERT INTO expert_reviews (community_id, expert_id, period_from, period_to, pages,
                                  rubric_version, invited_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      RETURNING id
      """;
  // The chosen pages as they are now: for insiders their current title; for everyone else the
  // title of the revision the public reads (Visibility's rule), null when the page is no longer
  // public (unpublished or retired since the invitation), so it is not listed to them.
  private static final String PAGES_OF =
      " FROM unnest(a.pages) WITH ORDINALITY x(id, n) JOIN pages p ON p.id = x.id ORDER BY x.n)";
  private static final String SELECT =
      """
      SELECT a.id, a.community_id, c.slug, c.name, a.expert_id, e.login, e.display_name,
             a.period_from, a.period_to, a.rubric_version, a.invited_at,
             b.login AS by_login, b.display_name AS by_name,
             (SELECT count(*) FROM expert_submissions s WHERE s.review_id = a.id) AS submitted,
      """
          + "ARRAY(SELECT p.id"
          + PAGES_OF
          + " AS page_ids, ARRAY(SELECT p.slug"
          + PAGES_OF
          + " AS page_slugs, ARRAY(SELECT p.title"
          + PAGES_OF
          + " AS page_titles, ARRAY(SELECT (SELECT r.title FROM revisions r"
          + " WHERE r.page_id = p.id AND r.number = "
          + Visibility.shownRevisionSql("p", "false")
          + ")"
          + PAGES_OF
          + " AS page_public_titles"
          + """

        FROM expert_reviews a
        JOIN communities c ON c.id = a.community_id
        JOIN users e ON e.id = a.expert_id
        JOIN users b ON b.id = a.invited_by
      """;
  private static final String FIND = SELECT + " WHERE a.id = $1";
  private static final String LOCK = SELECT + " WHERE a.id = $1 FOR UPDATE OF a";
  private static final String OF_EXPERT =
      SELECT + " WHERE a.expert_id = $1 ORDER BY a.period_from DESC, a.id DESC";
  private static final String ALL = SELECT + " ORDER BY a.invited_at DESC, a.id DESC LIMIT 500";
  private static final String SAME_PERIOD =
      SELECT
          + """
           WHERE a.community_id = $1 AND a.period_from = $2 AND a.period_to = $3 AND a.id <> $4
           ORDER BY a.id
          """;
  private static final String ASSIGNED =
      """
      SELECT count(*) AS assigned,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM expert_submissions s
                                             WHERE s.review_id = a.id)) AS submitted
        FROM expert_reviews a
       WHERE a.community_id = $1 AND a.expert_id = $2
         AND a.period_from >= $3 AND a.period_to <= $4
      """;

  Future<Boolean> holdsRight(SqlClient sql, long userId) {
    return sql.preparedQuery(HOLDS)
        .execute(Tuple.of(userId))
        .map(rows -> Rows.first(rows, r -> r.getBoolean(0)).orElse(false));
  }

  Future<Void> changeRight(SqlClient sql, long userId, boolean granted, long by) {
    return sql.preparedQuery(CHANGE_RIGHT).execute(Tuple.of(userId, granted, by)).mapEmpty();
  }

  Future<List<Expert>> experts(SqlClient sql) {
    return sql.query(EXPERTS)
        .execute()
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new Expert(
                            new Person(r.getString("login"), r.getString("display_name")),
                            r.getString("institution"),
                            r.getString("position"),
                            r.getOffsetDateTime("changed_at"))));
  }

  Future<Long> insert(
      SqlClient sql,
      long communityId,
      long expertId,
      Period period,
      List<Long> pages,
      int rubricVersion,
      long invitedBy) {
    Tuple args =
        Tuple.tuple()
            .addLong(communityId)
            .addLong(expertId)
            .addOffsetDateTime(utc(period.from()))
            .addOffsetDateTime(utc(period.to()))
            .addArrayOfLong(pages.toArray(Long[]::new))
            .addInteger(rubricVersion)
            .addLong(invitedBy);
    return sql.preparedQuery(INSERT).execute(args).map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Optional<Assignment>> find(SqlClient sql, long id) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, ExpertRepository::assignment));
  }

  /** The invitation, locked until the transaction ends (submissions are numbered under it). */
  Future<Optional<Assignment>> lock(SqlClient tx, long id) {
    return tx.preparedQuery(LOCK)
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, ExpertRepository::assignment));
  }

  Future<List<Assignment>> ofExpert(SqlClient sql, long expertId) {
    return sql.preparedQuery(OF_EXPERT)
        .execute(Tuple.of(expertId))
        .map(rows -> Rows.list(rows, ExpertRepository::assignment));
  }

  /** The latest 500 invitations, newest first: what administrators see. */
  Future<List<Assignment>> all(SqlClient sql) {
    return sql.query(ALL).execute().map(rows -> Rows.list(rows, ExpertRepository::assignment));
  }

  /** The other invitations of the same community for exactly the same period. */
  Future<List<Assignment>> samePeriod(SqlClient sql, Assignment a) {
    Tuple args = Tuple.of(a.communityId(), utc(a.from()), utc(a.to()), a.id());
    return sql.preparedQuery(SAME_PERIOD)
        .execute(args)
        .map(rows -> Rows.list(rows, ExpertRepository::assignment));
  }

  /**
   * How many invitations of the expert to the community lie within the period, and how many of them
   * the expert has submitted: {@code [assigned, submitted]}.
   */
  Future<long[]> assigned(
      SqlClient sql, long communityId, long expertId, Instant from, Instant to) {
    return sql.preparedQuery(ASSIGNED)
        .execute(Tuple.of(communityId, expertId, utc(from), utc(to)))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new long[] {r.getLong("assigned"), r.getLong("submitted")};
            });
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Assignment assignment(Row r) {
    Long[] ids = r.getArrayOfLongs("page_ids");
    String[] slugs = r.getArrayOfStrings("page_slugs");
    String[] titles = r.getArrayOfStrings("page_titles");
    String[] publicTitles = r.getArrayOfStrings("page_public_titles");
    List<ReviewedPage> pages = new ArrayList<>();
    List<ReviewedPage> publicPages = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      pages.add(new ReviewedPage(ids[i], slugs[i], titles[i]));
      if (publicTitles[i] != null) {
        publicPages.add(new ReviewedPage(ids[i], slugs[i], publicTitles[i]));
      }
    }
    return new Assignment(
        r.getLong("id"),
        r.getLong("community_id"),
        r.getString("slug"),
        r.getString("name"),
        r.getLong("expert_id"),
        new Person(r.getString("login"), r.getString("display_name")),
        r.getOffsetDateTime("period_from").toInstant(),
        r.getOffsetDateTime("period_to").toInstant(),
        pages,
        publicPages,
        r.getInteger("rubric_version"),
        new Person(r.getString("by_login"), r.getString("by_name")),
        r.getOffsetDateTime("invited_at"),
        r.getLong("submitted").intValue());
  }
}
