package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;

/** SQL for the record of renames, moves, retirements and restorations (append-only). */
final class LifecycleRepository {
  private static final String INSERT =
      """
      INSERT INTO page_lifecycle (page_id, revision, kind, user_id, from_community_id, from_slug,
                                  from_title, to_community_id, to_slug, to_title)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      """;
  private static final String OF_PAGE =
      """
      SELECT e.revision, e.kind, e.created_at, u.login, u.display_name,
             fc.slug AS from_community, fc.name AS from_community_name, e.from_slug, e.from_title,
             tc.slug AS to_community, tc.name AS to_community_name, e.to_slug, e.to_title
        FROM page_lifecycle e
        JOIN users u ON u.id = e.user_id
        LEFT JOIN communities fc ON fc.id = e.from_community_id
        LEFT JOIN communities tc ON tc.id = e.to_community_id
       WHERE e.page_id = $1 AND e.revision <= $2
       ORDER BY e.id DESC
      """;

  /** Records a rename or a move: from the page as it was to where and what it is now. */
  Future<Void> recordChange(
      SqlClient sql,
      LifecycleEvent.Kind kind,
      Page before,
      int revision,
      long communityId,
      String slug,
      String title,
      long userId) {
    return sql.preparedQuery(INSERT)
        .execute(
            Tuple.from(
                new Object[] {
                  before.id(),
                  revision,
                  kind.code(),
                  userId,
                  before.communityId(),
                  before.slug(),
                  before.title(),
                  communityId,
                  slug,
                  title
                }))
        .mapEmpty();
  }

  /** Records a retirement or a restoration. */
  Future<Void> recordStatus(SqlClient sql, LifecycleEvent.Kind kind, Page page, long userId) {
    return sql.preparedQuery(INSERT)
        .execute(
            Tuple.from(
                new Object[] {
                  page.id(),
                  page.currentRevision(),
                  kind.code(),
                  userId,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null
                }))
        .mapEmpty();
  }

  /** The page's lifecycle acts done at revisions up to {@code upTo}, newest first. */
  Future<List<LifecycleEvent>> ofPage(SqlClient sql, long pageId, int upTo) {
    return sql.preparedQuery(OF_PAGE)
        .execute(Tuple.of(pageId, upTo))
        .map(rows -> Rows.list(rows, LifecycleRepository::event));
  }

  private static LifecycleEvent event(Row r) {
    return new LifecycleEvent(
        r.getInteger("revision"),
        LifecycleEvent.Kind.of(r.getString("kind")),
        new Person(r.getString("login"), r.getString("display_name")),
        r.getOffsetDateTime("created_at"),
        place(r, "from_"),
        place(r, "to_"));
  }

  private static LifecycleEvent.Place place(Row r, String prefix) {
    String slug = r.getString(prefix + "slug");
    return slug == null
        ? null
        : new LifecycleEvent.Place(
            r.getString(prefix + "community"),
            r.getString(prefix + "community_name"),
            slug,
            r.getString(prefix + "title"));
  }
}
