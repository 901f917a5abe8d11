package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.db.Rows;

/**
 * SQL for wiki links. Each revision's links are written with it; a link targets a community and a
 * text that may be a page's slug or its title. Where a link leads depends on who reads it: only a
 * page the reader may see ({@link Visibility}) is a target.
 */
final class LinkRepository {
  private static final String INSERT =
      """
      INSERT INTO page_links (revision_id, target_community, target_slug_key, target_title_key)
      VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
      """;
  // The pages a link (community c, slug key and title key of t) may lead to for the reader ($2
  // admin, $3 user id): a page with that address first, then one with that title, then one that
  // had that address or title before a rename or a move (page_names; the latest first), wherever
  // it is now. Separate index lookups: "slug_key = … OR title_key = …" in one join made
  // PostgreSQL read every page of the community (60 ms a page view with 100k pages). LEFT JOIN: a
  // link to nothing visible still says whether the reader may create its page.
  private static final String CANDIDATES =
      """
        LEFT JOIN LATERAL (
          SELECT c.slug AS community_slug, p.slug, 0 AS rank, 0 AS age FROM pages p
           WHERE p.community_id = c.id AND p.slug_key = t.slug_key AND %1$s
          UNION ALL
          SELECT c.slug, p.slug, 1, 0 FROM pages p
           WHERE p.community_id = c.id AND p.title_key = t.title_key AND %1$s
          UNION ALL
          SELECT pc.slug, p.slug, 2, -n.id FROM page_names n
            JOIN pages p ON p.id = n.page_id JOIN communities pc ON pc.id = p.community_id
           WHERE n.community_id = c.id AND n.slug_key = t.slug_key AND %2$s
          UNION ALL
          SELECT pc.slug, p.slug, 3, -n.id FROM page_names n
            JOIN pages p ON p.id = n.page_id JOIN communities pc ON pc.id = p.community_id
           WHERE n.community_id = c.id AND n.title_key = t.title_key AND %2$s) m ON true
       ORDER BY m.rank NULLS LAST, m.age
      """
          .formatted(
              Visibility.visibleSql("p", Access.insiderSql("c.id", "$2", "$3")),
              Visibility.pageSql("p", "$2", "$3"));
  private static final String MAY_CREATE =
      "(c.status = 'active' AND " + Access.insiderSql("c.id", "$2", "$3") + ") AS may_create";
  private static final String RESOLVE =
      "SELECT t.community_key, t.title_key, coalesce(m.community_slug, c.slug) AS community_slug,"
          + " m.slug, "
          + MAY_CREATE
          + """

            FROM (SELECT target_community AS community_key, target_slug_key AS slug_key,
                         target_title_key AS title_key
                    FROM page_links WHERE revision_id = $1) t
            JOIN communities c ON c.slug_key = t.community_key
          """
          + CANDIDATES;
  // The same matching as RESOLVE, for links not stored yet (the editor's preview): $1 holds the
  // links as three arrays, so the reader's parameters keep their numbers.
  private static final String RESOLVE_TARGETS =
      "SELECT t.community_key, t.title_key, coalesce(m.community_slug, c.slug) AS community_slug,"
          + " m.slug, "
          + MAY_CREATE
          + """

            FROM unnest($1::text[], $4::text[], $5::text[]) AS t(community_key, slug_key, title_key)
            JOIN communities c ON c.slug_key = t.community_key
          """
          + CANDIDATES;
  // A revert restores an earlier text, and so that text's links: they are copied, not parsed again.
  private static final String COPY =
      """
      INSERT INTO page_links (revision_id, target_community, target_slug_key, target_title_key)
      SELECT $1, l.target_community, l.target_slug_key, l.target_title_key
        FROM page_links l JOIN revisions r ON r.id = l.revision_id
       WHERE r.page_id = $2 AND r.number = $3
      """;
  // Links to the page by any name it has or had (page_names): a link written before a rename
  // still leads here.
  private static final String BACKLINKS =
      """
      WITH names AS (
        SELECT tc.slug_key AS community_key, target.slug_key, target.title_key
          FROM pages target JOIN communities tc ON tc.id = target.community_id
         WHERE target.id = $1
        UNION
        SELECT nc.slug_key, n.slug_key, n.title_key
          FROM page_names n JOIN communities nc ON nc.id = n.community_id
         WHERE n.page_id = $1)
      SELECT DISTINCT sc.slug AS community, src.slug, r.title, src.status, src.title_key
        FROM names t
        JOIN page_links l ON l.target_community = t.community_key
                         AND (l.target_slug_key = t.slug_key OR l.target_title_key = t.title_key)
        JOIN revisions r ON r.id = l.revision_id
        JOIN pages src ON src.id = r.page_id
        JOIN communities sc ON sc.id = src.community_id
       WHERE src.id <> $1 AND r.number =\s"""
          + Visibility.shownRevisionSql("src", "$2", "$3")
          + " AND "
          + Visibility.pageSql("src", "$2", "$3")
          + "\n ORDER BY src.title_key";

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

  /** Gives a new revision the links of revision {@code number} of the same page. */
  Future<Void> copy(SqlClient sql, long revisionId, long pageId, int number) {
    return sql.preparedQuery(COPY).execute(Tuple.of(revisionId, pageId, number)).mapEmpty();
  }

  /** Where each link of a revision leads for this reader. */
  Future<Map<LinkTarget.Key, LinkTarget.Resolved>> resolve(
      SqlClient sql, long revisionId, CurrentUser reader) {
    return sql.preparedQuery(RESOLVE)
        .execute(Tuple.of(revisionId, reader.admin(), reader.id()))
        .map(LinkRepository::resolved);
  }

  /** Where each of the given links leads for this reader, as {@link #resolve} answers. */
  Future<Map<LinkTarget.Key, LinkTarget.Resolved>> resolveTargets(
      SqlClient sql, List<LinkTarget> targets, CurrentUser reader) {
    if (targets.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Tuple params =
        Tuple.tuple()
            .addValue(targets.stream().map(LinkTarget::communityKey).toArray(String[]::new))
            .addValue(reader.admin())
            .addValue(reader.id())
            .addValue(targets.stream().map(LinkTarget::slugKey).toArray(String[]::new))
            .addValue(targets.stream().map(LinkTarget::titleKey).toArray(String[]::new));
    return sql.preparedQuery(RESOLVE_TARGETS).execute(params).map(LinkRepository::resolved);
  }

  /** The first (best) visible page each link may lead to, if any. */
  private static Map<LinkTarget.Key, LinkTarget.Resolved> resolved(RowSet<Row> rows) {
    Map<LinkTarget.Key, LinkTarget.Resolved> resolved = new HashMap<>();
    rows.forEach(
        r ->
            resolved.putIfAbsent(
                new LinkTarget.Key(r.getString("community_key"), r.getString("title_key")),
                new LinkTarget.Resolved(
                    r.getString("community_slug"),
                    r.getString("slug"),
                    r.getBoolean("may_create"))));
    return resolved;
  }

  /** Pages whose current text links here, among those the reader may see. */
  Future<List<Backlink>> backlinks(SqlClient sql, long pageId, CurrentUser reader) {
    return sql.preparedQuery(BACKLINKS)
        .execute(Tuple.of(pageId, reader.admin(), reader.id()))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new Backlink(
                            r.getString("community"),
                            r.getString("slug"),
                            r.getString("title"),
                            PageStatus.of(r.getString("status")))));
  }
}
