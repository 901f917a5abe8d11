package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.db.Rows;

/**
 * SQL for wiki links. Each revision's links are written with it; a link targets a community and a
 * text that may be a page's slug or its title.
 */
final class LinkRepository {
  private static final String INSERT =
      """
      INSERT INTO page_links (revision_id, target_community, target_slug_key, target_title_key)
      VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
      """;
  // The pages a link (community c, slug key and title key of t) may lead to, a slug match first.
  // Two index lookups: "slug_key = … OR title_key = …" in one join made PostgreSQL read every page
  // of the community (60 ms a page view with 100k pages).
  private static final String CANDIDATES =
      """
      CROSS JOIN LATERAL (
        SELECT p.slug, 0 AS rank FROM pages p
         WHERE p.community_id = c.id AND p.slug_key = t.slug_key
        UNION ALL
        SELECT p.slug, 1 AS rank FROM pages p
         WHERE p.community_id = c.id AND p.title_key = t.title_key) m
      """;
  private static final String RESOLVE =
      """
      SELECT t.community_key, t.title_key, c.slug AS community_slug, m.slug
        FROM (SELECT target_community AS community_key, target_slug_key AS slug_key,
                     target_title_key AS title_key
                FROM page_links WHERE revision_id = $1) t
        JOIN communities c ON c.slug_key = t.community_key
      """
          + CANDIDATES
          + " ORDER BY m.rank";
  // The same matching as RESOLVE, for links not stored yet (the editor's preview).
  private static final String RESOLVE_TARGETS =
      """
      SELECT t.community_key, t.title_key, c.slug AS community_slug, m.slug
        FROM unnest($1::text[], $2::text[], $3::text[]) AS t(community_key, slug_key, title_key)
        JOIN communities c ON c.slug_key = t.community_key
      """
          + CANDIDATES
          + " ORDER BY m.rank";
  private static final String BACKLINKS =
      """
      SELECT DISTINCT sc.slug AS community, src.slug, src.title, src.status, src.title_key
        FROM pages target
        JOIN communities tc ON tc.id = target.community_id
        JOIN page_links l ON l.target_community = tc.slug_key
                         AND (l.target_slug_key = target.slug_key OR l.target_title_key = target.title_key)
        JOIN revisions r ON r.id = l.revision_id
        JOIN pages src ON src.id = r.page_id AND src.current_revision = r.number
        JOIN communities sc ON sc.id = src.community_id
       WHERE target.id = $1 AND src.id <> target.id
         AND (src.status = 'published' OR $2 OR src.community_id = $3)
       ORDER BY src.title_key
      """;

  Future<Void> insert(SqlClient sql, long revisionId, List<LinkTarget> targets) {
    if (targets.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch =
        targets.stream()
            .map(t -> Tuple.of(revisionId, t.communityKey(), t.slugKey(), t.titleKey()))
            .toList();
    return sql.preparedQuery(INSERT).executeBatch(batch).mapEmpty();
  }

  /** Where each link of a revision leads: (community key, title key) → "/c/{community}/{slug}". */
  Future<Map<LinkTarget.Key, String>> resolve(SqlClient sql, long revisionId) {
    return sql.preparedQuery(RESOLVE).execute(Tuple.of(revisionId)).map(LinkRepository::hrefs);
  }

  /** Where each of the given links leads, as {@link #resolve} answers for a stored revision. */
  Future<Map<LinkTarget.Key, String>> resolveTargets(SqlClient sql, List<LinkTarget> targets) {
    if (targets.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Tuple arrays =
        Tuple.tuple()
            .addValue(targets.stream().map(LinkTarget::communityKey).toArray(String[]::new))
            .addValue(targets.stream().map(LinkTarget::slugKey).toArray(String[]::new))
            .addValue(targets.stream().map(LinkTarget::titleKey).toArray(String[]::new));
    return sql.preparedQuery(RESOLVE_TARGETS).execute(arrays).map(LinkRepository::hrefs);
  }

  /** The first (best) page each link may lead to. */
  private static Map<LinkTarget.Key, String> hrefs(RowSet<Row> rows) {
    Map<LinkTarget.Key, String> hrefs = new HashMap<>();
    rows.forEach(
        r ->
            hrefs.putIfAbsent(
                new LinkTarget.Key(r.getString("community_key"), r.getString("title_key")),
                "/c/" + r.getString("community_slug") + "/" + r.getString("slug")));
    return hrefs;
  }

  /**
   * Pages whose current text links here. Drafts are listed only in the community whose drafts the
   * viewer may see (or everywhere for administrators).
   */
  Future<JsonArray> backlinks(SqlClient sql, long pageId, boolean admin, long draftsOfCommunity) {
    return sql.preparedQuery(BACKLINKS)
        .execute(Tuple.of(pageId, admin, draftsOfCommunity))
        .map(
            rows ->
                Rows.toArray(
                    rows,
                    r ->
                        new JsonObject()
                            .put("community", r.getString("community"))
                            .put("slug", r.getString("slug"))
                            .put("title", r.getString("title"))
                            .put("status", r.getString("status"))));
  }
}
