package ru.metodichka.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.db.Rows;
import ru.metodichka.page.Metadata;

/**
 * SQL for the bank of practices: published pages only, whatever the reader's rights, since the bank
 * is what the whole district (and anyone else) may read.
 */
final class BankRepository {
  /**
   * Each kind's newest and most viewed materials in one pass: the district has thousands of pages,
   * not millions, so ranking them all is cheaper than a query per kind.
   */
  private static final String FRONT =
      """
      SELECT * FROM (
        SELECT c.slug AS community, c.name AS community_name, p.slug, p.title, p.kind,
               p.published_at, r.metadata, coalesce(v.views, 0) AS views,
               row_number() OVER (PARTITION BY p.kind
                                  ORDER BY p.published_at DESC, p.id DESC) AS newest_rank,
               row_number() OVER (PARTITION BY p.kind
                                  ORDER BY coalesce(v.views, 0) DESC, p.published_at DESC, p.id DESC)
                 AS viewed_rank
          FROM pages p
          JOIN communities c ON c.id = p.community_id
          JOIN revisions r ON r.page_id = p.id AND r.number = p.current_revision
          LEFT JOIN (SELECT page_id, sum(views) AS views FROM page_views GROUP BY page_id) v
            ON v.page_id = p.id
         WHERE p.status = 'published') ranked
       WHERE newest_rank <= $1 OR (viewed_rank <= $1 AND views > 0)
      """;

  private static final String NEWEST =
      """
      SELECT p.id, c.slug AS community, c.name AS community_name, p.slug, p.title, p.kind,
             p.created_at, p.published_at, greatest(p.published_at, r.created_at) AS updated_at,
             r.markdown, r.metadata,
             ARRAY(SELECT u.display_name FROM revisions a JOIN users u ON u.id = a.author_id
                    WHERE a.page_id = p.id
                    GROUP BY u.id, u.display_name ORDER BY min(a.number)) AS authors
        FROM pages p
        JOIN communities c ON c.id = p.community_id
        JOIN revisions r ON r.page_id = p.id AND r.number = p.current_revision
       WHERE p.status = 'published'
       ORDER BY p.published_at DESC, p.id DESC LIMIT $1
      """;
  private static final String PUBLISHED_ADDRESSES =
      """
      SELECT c.slug AS community, p.slug, greatest(p.published_at, p.updated_at) AS modified
        FROM pages p JOIN communities c ON c.id = p.community_id
       WHERE p.status = 'published'
       ORDER BY c.slug, p.slug
      """;
  private static final String ACTIVE_COMMUNITIES =
      "SELECT slug FROM communities WHERE status = 'active' ORDER BY slug";

  /** Rows for {@link BankFront}: up to {@code limit} newest and most viewed of each kind. */
  Future<List<Material>> front(SqlClient sql, int limit) {
    return sql.preparedQuery(FRONT)
        .execute(Tuple.of(limit))
        .map(rows -> rows.stream().map(BankRepository::material).toList());
  }

  /** The newest published materials with their text and authors, for the feed. */
  Future<List<FeedEntry>> newest(SqlClient sql, int limit) {
    return sql.preparedQuery(NEWEST)
        .execute(Tuple.of(limit))
        .map(rows -> rows.stream().map(BankRepository::entry).toList());
  }

  /** Every published page's address and last change, for the sitemap. */
  Future<List<PublishedPage>> published(SqlClient sql) {
    return sql.query(PUBLISHED_ADDRESSES)
        .execute()
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new PublishedPage(
                                r.getString("community"),
                                r.getString("slug"),
                                r.getOffsetDateTime("modified")))
                    .toList());
  }

  Future<List<String>> activeCommunities(SqlClient sql) {
    return sql.query(ACTIVE_COMMUNITIES)
        .execute()
        .map(rows -> rows.stream().map(r -> r.getString("slug")).toList());
  }

  private static Material material(Row r) {
    Metadata meta = Metadata.fromJson((JsonObject) r.getValue("metadata"));
    return new Material(
        r.getString("community"),
        r.getString("community_name"),
        r.getString("slug"),
        r.getString("title"),
        r.getString("kind"),
        Rows.time(r.getOffsetDateTime("published_at")),
        meta.subjects(),
        meta.levels(),
        r.getLong("views"),
        r.getLong("newest_rank"),
        r.getLong("viewed_rank"));
  }

  private static FeedEntry entry(Row r) {
    return new FeedEntry(
        r.getLong("id"),
        r.getString("community"),
        r.getString("community_name"),
        r.getString("slug"),
        r.getString("title"),
        r.getString("kind"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("published_at"),
        r.getOffsetDateTime("updated_at"),
        r.getString("markdown"),
        List.of(r.getArrayOfStrings("authors")));
  }

  /** A published page in the sitemap. */
  record PublishedPage(String community, String slug, OffsetDateTime modified) {}

  /** A material in the feed, with the text its summary is taken from. */
  record FeedEntry(
      long id,
      String community,
      String communityName,
      String slug,
      String title,
      String kind,
      OffsetDateTime createdAt,
      OffsetDateTime publishedAt,
      OffsetDateTime updatedAt,
      String markdown,
      List<String> authors) {}
}
