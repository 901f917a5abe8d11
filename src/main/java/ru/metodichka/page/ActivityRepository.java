package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Access;
import ru.metodichka.db.Rows;

/**
 * SQL for what happened across pages: recent changes, newest published materials and the authors of
 * a page. Recent changes list only pages their reader may see ({@link Visibility}).
 */
final class ActivityRepository {
  private static final String CHANGES =
      """
      SELECT c.slug AS community, c.name AS community_name, p.slug, p.status, r.title, r.number,
             r.summary, r.created_at, r.size, r.merged, r.reverted_from, u.login, u.display_name,
             r.size - coalesce(prev.size, 0) AS delta
        FROM revisions r
        JOIN pages p ON p.id = r.page_id
        JOIN communities c ON c.id = p.community_id
        JOIN users u ON u.id = r.author_id
        LEFT JOIN revisions prev ON prev.page_id = r.page_id AND prev.number = r.number - 1
      """;
  private static final String RECENT =
      CHANGES
          + " WHERE ($3::bigint IS NULL OR p.community_id = $3) AND r.number <= "
          + Visibility.shownRevisionSql("p", "$1", "$2")
          + " AND "
          + Visibility.revisionSql("r", "p", "$1", "$2")
          + "\n ORDER BY r.id DESC LIMIT $4";
  // The reader's own communities only (an insider sees every page there, so no other check).
  private static final String RECENT_IN_OWN =
      CHANGES
          + " WHERE "
          + Access.insiderSql("p.community_id", "$1", "$2")
          + " AND "
          + Visibility.revisionSql("r", "p", "$1", "$2")
          + "\n ORDER BY r.id DESC LIMIT $3";
  // Pages not yet published that the reader wrote (the ledger is indexed by user), newest first.
  private static final String WORKING =
      """
      SELECT c.slug AS community, c.name AS community_name, p.slug, p.title, p.status, p.updated_at
        FROM pages p JOIN communities c ON c.id = p.community_id
       WHERE p.status <> 'published'
         AND p.id IN (SELECT page_id FROM contributions WHERE user_id = $2 AND page_id IS NOT NULL)
         AND\s"""
          + Visibility.pageSql("p", "$1", "$2")
          + "\n ORDER BY p.updated_at DESC LIMIT $3";
  // In the order of the index of published pages (a published page always has its date), so the
  // query reads only the rows it returns.
  private static final String NEWEST_PUBLISHED =
      """
      SELECT c.slug AS community, c.name AS community_name, p.slug, r.title, r.kind, p.published_at
        FROM pages p JOIN communities c ON c.id = p.community_id
        JOIN revisions r ON r.page_id = p.id AND r.number = p.reviewed_revision
       WHERE p.status = 'published'
       ORDER BY p.published_at DESC, p.id DESC LIMIT $1
      """;
  // Up to the revision the reader reads: an author of an unreviewed edit is not yet one for the
  // public.
  private static final String AUTHORS =
      """
      SELECT u.login, u.display_name, i.name AS institution, count(*) AS revisions
        FROM revisions r JOIN users u ON u.id = r.author_id
        LEFT JOIN institutions i ON i.id = u.institution_id
       WHERE r.page_id = $1 AND r.number <= $2
       GROUP BY u.id, u.login, u.display_name, i.name
       ORDER BY min(r.number)
      """;

  /** Newest revisions first, in one community or (communityId null) everywhere. */
  Future<List<Change>> recent(SqlClient sql, CurrentUser reader, Long communityId, int limit) {
    return sql.preparedQuery(RECENT)
        .execute(Tuple.of(reader.admin(), reader.id(), communityId, limit))
        .map(rows -> Rows.list(rows, ActivityRepository::change));
  }

  /** Newest revisions first, in the communities the reader is an insider of. */
  Future<List<Change>> recentInOwn(SqlClient sql, CurrentUser reader, int limit) {
    return sql.preparedQuery(RECENT_IN_OWN)
        .execute(Tuple.of(reader.admin(), reader.id(), limit))
        .map(rows -> Rows.list(rows, ActivityRepository::change));
  }

  /** Unpublished pages the reader wrote and may still see, last changed first. */
  Future<List<WorkingPage>> working(SqlClient sql, CurrentUser reader, int limit) {
    return sql.preparedQuery(WORKING)
        .execute(Tuple.of(reader.admin(), reader.id(), limit))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new WorkingPage(
                            r.getString("community"),
                            r.getString("community_name"),
                            r.getString("slug"),
                            r.getString("title"),
                            PageStatus.of(r.getString("status")),
                            r.getOffsetDateTime("updated_at"))));
  }

  Future<List<PublishedPage>> newestPublished(SqlClient sql, int limit) {
    return sql.preparedQuery(NEWEST_PUBLISHED)
        .execute(Tuple.of(limit))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new PublishedPage(
                            r.getString("community"),
                            r.getString("community_name"),
                            r.getString("slug"),
                            r.getString("title"),
                            r.getString("kind"),
                            r.getOffsetDateTime("published_at"))));
  }

  /** Everyone who wrote a revision up to {@code upTo}, in the order they joined its history. */
  Future<List<Author>> authors(SqlClient sql, long pageId, int upTo) {
    return sql.preparedQuery(AUTHORS)
        .execute(Tuple.of(pageId, upTo))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new Author(
                            r.getString("login"),
                            r.getString("display_name"),
                            r.getString("institution"),
                            r.getLong("revisions"))));
  }

  private static Change change(Row r) {
    return new Change(
        r.getString("community"),
        r.getString("community_name"),
        r.getString("slug"),
        PageStatus.of(r.getString("status")),
        r.getString("title"),
        r.getInteger("number"),
        r.getString("summary"),
        r.getOffsetDateTime("created_at"),
        r.getInteger("size"),
        r.getInteger("delta"),
        r.getBoolean("merged"),
        r.getInteger("reverted_from"),
        new Person(r.getString("login"), r.getString("display_name")));
  }
}
