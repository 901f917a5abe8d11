package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import ru.metodichka.db.Rows;

/**
 * SQL for what happened across pages: recent changes, newest published materials and the authors of
 * a page. Visibility is part of each query: published pages for everyone, drafts only in the
 * reader's own communities (or everywhere for an administrator).
 */
final class ActivityRepository {
  private static final String VISIBLE =
      """
      (p.status = 'published' OR $1 OR EXISTS (
         SELECT 1 FROM memberships m
          WHERE m.community_id = p.community_id AND m.user_id = $2 AND m.status = 'active'
            AND m.role IN ('member', 'moderator')))
      """;
  private static final String RECENT =
      """
      SELECT c.slug AS community, c.name AS community_name, p.slug, p.status, r.title, r.number,
             r.summary, r.created_at, r.size, r.merged, r.reverted_from, u.login, u.display_name,
             r.size - coalesce(prev.size, 0) AS delta
        FROM revisions r
        JOIN pages p ON p.id = r.page_id
        JOIN communities c ON c.id = p.community_id
        JOIN users u ON u.id = r.author_id
        LEFT JOIN revisions prev ON prev.page_id = r.page_id AND prev.number = r.number - 1
       WHERE ($3::bigint IS NULL OR p.community_id = $3) AND"""
          + VISIBLE
          + " ORDER BY r.id DESC LIMIT $4";
  // In the order of the index of published pages (a published page always has its date), so the
  // query reads only the rows it returns.
  private static final String NEWEST_PUBLISHED =
      """
      SELECT c.slug AS community, c.name AS community_name, p.slug, p.title, p.kind, p.published_at
        FROM pages p JOIN communities c ON c.id = p.community_id
       WHERE p.status = 'published'
       ORDER BY p.published_at DESC, p.id DESC LIMIT $1
      """;
  private static final String AUTHORS =
      """
      SELECT u.login, u.display_name, i.name AS institution, count(*) AS revisions
        FROM revisions r JOIN users u ON u.id = r.author_id
        LEFT JOIN institutions i ON i.id = u.institution_id
       WHERE r.page_id = $1
       GROUP BY u.id, u.login, u.display_name, i.name
       ORDER BY min(r.number)
      """;

  /** Newest revisions first, in one community or (communityId null) everywhere. */
  Future<JsonArray> recent(SqlClient sql, boolean admin, long userId, Long communityId, int limit) {
    return sql.preparedQuery(RECENT)
        .execute(Tuple.of(admin, userId, communityId, limit))
        .map(rows -> Rows.toArray(rows, ActivityRepository::change));
  }

  Future<JsonArray> newestPublished(SqlClient sql, int limit) {
    return sql.preparedQuery(NEWEST_PUBLISHED)
        .execute(Tuple.of(limit))
        .map(
            rows ->
                Rows.toArray(
                    rows,
                    r ->
                        new JsonObject()
                            .put("community", r.getString("community"))
                            .put("communityName", r.getString("community_name"))
                            .put("slug", r.getString("slug"))
                            .put("title", r.getString("title"))
                            .put("kind", r.getString("kind"))
                            .put("publishedAt", Rows.time(r.getOffsetDateTime("published_at")))));
  }

  /** Everyone who wrote a revision of the page, in the order they joined its history. */
  Future<JsonArray> authors(SqlClient sql, long pageId) {
    return sql.preparedQuery(AUTHORS)
        .execute(Tuple.of(pageId))
        .map(
            rows ->
                Rows.toArray(
                    rows,
                    r ->
                        new JsonObject()
                            .put("login", r.getString("login"))
                            .put("name", r.getString("display_name"))
                            .put("institution", r.getString("institution"))
                            .put("revisions", r.getLong("revisions"))));
  }

  private static JsonObject change(Row r) {
    return new JsonObject()
        .put("community", r.getString("community"))
        .put("communityName", r.getString("community_name"))
        .put("slug", r.getString("slug"))
        .put("status", r.getString("status"))
        .put("title", r.getString("title"))
        .put("revision", r.getInteger("number"))
        .put("summary", r.getString("summary"))
        .put("createdAt", Rows.time(r.getOffsetDateTime("created_at")))
        .put("size", r.getInteger("size"))
        .put("delta", r.getInteger("delta"))
        .put("merged", r.getBoolean("merged"))
        .put("revertedFrom", r.getInteger("reverted_from"))
        .put(
            "author",
            new JsonObject()
                .put("login", r.getString("login"))
                .put("name", r.getString("display_name")));
  }
}
