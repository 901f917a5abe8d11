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
 * is what the whole district (and anyone else) may read. Each query reads only the rows it shows:
 * it walks an index of published pages (migration V4) and stops at its LIMIT, so the district's
 * hundred thousand pages cost what five would.
 */
final class BankRepository {
  /**
   * Each kind's newest materials: for each kind, the first entries of the index on (kind,
   * published_at, id) of published pages.
   */
  private static final String NEWEST_OF_EACH_KIND =
      """
      SELECT c.slug AS community, c.name AS community_name, p.slug, r.title, r.kind,
             p.published_at, p.views, r.metadata,
             (SELECT count(*) FROM comments cm
               WHERE cm.page_id = p.id AND cm.deleted_at IS NULL AND cm.hidden_at IS NULL)
               AS comments
        FROM unnest($1::text[]) AS k(kind)
        CROSS JOIN LATERAL (
          SELECT * FROM pages
           WHERE status = 'published' AND kind = k.kind
           ORDER BY published_at DESC, id DESC LIMIT $2) p
        JOIN communities c ON c.id = p.community_id
        JOIN revisions r ON r.page_id = p.id AND r.number = p.reviewed_revision
       ORDER BY p.published_at DESC, p.id DESC
      """;

  /**
   * Each kind's most viewed materials, from the index on (kind, views) of published pages that have
   * been viewed at all; {@code pages.views} is the running total the view counter keeps.
   */
  private static final String MOST_VIEWED_OF_EACH_KIND =
      """
      SELECT c.slug AS community, c.name AS community_name, p.slug, r.title, r.kind,
             p.published_at, p.views, r.metadata,
             (SELECT count(*) FROM comments cm
               WHERE cm.page_id = p.id AND cm.deleted_at IS NULL AND cm.hidden_at IS NULL)
               AS comments
        FROM unnest($1::text[]) AS k(kind)
        CROSS JOIN LATERAL (
          SELECT * FROM pages
           WHERE status = 'published' AND kind = k.kind AND views > 0
           ORDER BY views DESC, published_at DESC, id DESC LIMIT $2) p
        JOIN communities c ON c.id = p.community_id
        JOIN revisions r ON r.page_id = p.id AND r.number = p.reviewed_revision
       ORDER BY p.views DESC, p.published_at DESC, p.id DESC
      """;

  /** The feed: the first entries of the index on published_at, with text and authors. */
  private static final String FEED =
      """
      SELECT p.id, c.slug AS community, c.name AS community_name, p.slug, r.title, r.kind,
             p.created_at, p.published_at, greatest(p.published_at, p.reviewed_at) AS updated_at,
             r.markdown, r.metadata,
             ARRAY(SELECT (SELECT u.display_name FROM users u WHERE u.id = a.user_id)
                     FROM page_authors a
                    WHERE a.page_id = p.id AND a.first_revision <= p.reviewed_revision
                    ORDER BY a.first_revision) AS authors
        FROM pages p
        JOIN communities c ON c.id = p.community_id
        JOIN revisions r ON r.page_id = p.id AND r.number = p.reviewed_revision
       WHERE p.status = 'published'
       ORDER BY p.published_at DESC, p.id DESC LIMIT $1
      """;

  /** Up to {@code limit} newest materials of each of the {@code kinds}, newest first. */
  Future<List<Material>> newest(SqlClient sql, List<String> kinds, int limit) {
    return materials(sql, NEWEST_OF_EACH_KIND, kinds, limit);
  }

  /** Up to {@code limit} most viewed materials of each of the {@code kinds}, most viewed first. */
  Future<List<Material>> mostViewed(SqlClient sql, List<String> kinds, int limit) {
    return materials(sql, MOST_VIEWED_OF_EACH_KIND, kinds, limit);
  }

  /** The newest published materials with their text and authors, for the feed. */
  Future<List<FeedEntry>> feed(SqlClient sql, int limit) {
    return sql.preparedQuery(FEED)
        .execute(Tuple.of(limit))
        .map(rows -> rows.stream().map(BankRepository::entry).toList());
  }

  private static Future<List<Material>> materials(
      SqlClient sql, String query, List<String> kinds, int limit) {
    Tuple params = Tuple.tuple().addArrayOfString(kinds.toArray(String[]::new)).addInteger(limit);
    return sql.preparedQuery(query)
        .execute(params)
        .map(rows -> rows.stream().map(BankRepository::material).toList());
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
        r.getLong("comments"));
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
