package ru.metodichka.bank;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * SQL for the sitemap: what public addresses there are and how many, and one file's share of the
 * published pages, oldest first (a page published today only ever changes the last file).
 */
final class SitemapRepository {
  private static final String ACTIVE_COMMUNITIES =
      "SELECT slug FROM communities WHERE status = 'active' ORDER BY slug";

  /** An index-only count over the index of published pages (migration V4). */
  private static final String PUBLISHED_COUNT =
      "SELECT count(*) AS pages FROM pages WHERE status = 'published'";

  /**
   * Keyset paging by (published_at, id): a file's pages are read from its first page on, up to the
   * LIMIT. The first page is found by skipping {@code $1} entries of the index of published pages,
   * which reads no page rows; only the rows the file shows are joined and returned.
   */
  private static final String PUBLISHED_FROM =
      """
      SELECT c.slug AS community, p.slug, greatest(p.published_at, p.reviewed_at) AS modified
        FROM pages p JOIN communities c ON c.id = p.community_id
       WHERE p.status = 'published'
         AND (p.published_at, p.id) >= (SELECT published_at, id FROM pages
                                          WHERE status = 'published'
                                          ORDER BY published_at, id OFFSET $1 LIMIT 1)
       ORDER BY p.published_at, p.id
       LIMIT $2
      """;

  Future<List<String>> activeCommunities(SqlClient sql) {
    return sql.query(ACTIVE_COMMUNITIES)
        .execute()
        .map(rows -> rows.stream().map(r -> r.getString("slug")).toList());
  }

  Future<Long> publishedCount(SqlClient sql) {
    return sql.query(PUBLISHED_COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** Up to {@code limit} published pages, oldest first, after skipping {@code skip} of them. */
  Future<List<PublishedPage>> published(SqlClient sql, long skip, int limit) {
    return sql.preparedQuery(PUBLISHED_FROM)
        .execute(Tuple.of(skip, limit))
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

  /** A published page in the sitemap. */
  record PublishedPage(String community, String slug, OffsetDateTime modified) {}
}
