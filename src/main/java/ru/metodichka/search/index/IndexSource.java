package ru.metodichka.search.index;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.metodichka.page.Metadata;
import ru.metodichka.render.PlainText;

/**
 * What the indexer reads from PostgreSQL: the horizon, the pages changed since a checkpoint, and
 * pages as {@link SearchDocument}s built from their current revision. Every method blocks on the
 * database: the indexer's own thread calls them, inside one REPEATABLE READ transaction per round,
 * so that the horizon and the pages come from the same snapshot.
 */
final class IndexSource {
  /**
   * Pages read and indexed at a time: big enough for the index's bulk writes to keep every core
   * busy, small enough to bound the memory a rebuild of 100k pages needs.
   */
  static final int BATCH = 1000;

  private static final String PAGE_COLUMNS =
      """
      SELECT p.id, p.slug, p.status, p.published_at, r.created_at AS revised_at,
             c.id AS community_id, c.slug AS community_slug, c.name AS community_name,
             r.title, r.kind, r.markdown, r.metadata,
             ARRAY(SELECT u.display_name FROM revisions a JOIN users u ON u.id = a.author_id
                    WHERE a.page_id = p.id
                    GROUP BY u.id, u.display_name ORDER BY min(a.number)) AS authors,
             COALESCE((SELECT sum(v.views) FROM page_views v WHERE v.page_id = p.id), 0) AS views
        FROM pages p
        JOIN communities c ON c.id = p.community_id
        JOIN revisions r ON r.page_id = p.id AND r.number = p.current_revision
      """;
  private static final String PAGES_BY_ID = PAGE_COLUMNS + " WHERE p.id = ANY($1)";
  private static final String PAGES_AFTER =
      PAGE_COLUMNS + " WHERE p.id > $1 ORDER BY p.id LIMIT " + BATCH;

  /** Where this snapshot stands: see V3__search_changes.sql for why the horizon is safe. */
  record Snapshot(String databaseId, long horizon, long next) {}

  static void begin(SqlConnection conn) {
    conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute().await();
  }

  static Snapshot snapshot(SqlConnection conn) {
    Row row =
        conn.query(
                """
                SELECT (SELECT value FROM app_state WHERE key = 'database_id') AS database_id,
                       pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
                       pg_snapshot_xmax(pg_current_snapshot())::text AS next
                """)
            .execute()
            .await()
            .iterator()
            .next();
    return new Snapshot(
        row.getString("database_id"),
        Long.parseLong(row.getString("horizon")),
        Long.parseLong(row.getString("next")));
  }

  /** Ids of the pages changed by transactions at or after {@code since}. */
  static List<Long> changedSince(SqlConnection conn, long since) {
    List<Long> ids = new ArrayList<>();
    conn.preparedQuery(
            "SELECT DISTINCT page_id FROM search_changes WHERE txid >= $1::text::xid8"
                + " ORDER BY page_id")
        .execute(Tuple.of(Long.toString(since)))
        .await()
        .forEach(row -> ids.add(row.getLong("page_id")));
    return ids;
  }

  static long pageCount(SqlConnection conn) {
    return conn.query("SELECT count(*) FROM pages").execute().await().iterator().next().getLong(0);
  }

  /** These pages as they are now; a page missing from the answer has no revision yet. */
  static List<PageRow> pages(SqlConnection conn, List<Long> ids) {
    List<PageRow> pages = new ArrayList<>(ids.size());
    conn.preparedQuery(PAGES_BY_ID)
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .await()
        .forEach(row -> pages.add(new PageRow(row)));
    return pages;
  }

  /**
   * The next {@link #BATCH} pages by id after {@code afterId} (0 for the first). Not blocking: a
   * rebuild reads the next batch while it indexes this one.
   */
  static Future<List<PageRow>> pagesAfter(SqlConnection conn, long afterId) {
    return conn.preparedQuery(PAGES_AFTER)
        .execute(Tuple.of(afterId))
        .map(
            rows -> {
              List<PageRow> pages = new ArrayList<>(rows.size());
              rows.forEach(row -> pages.add(new PageRow(row)));
              return pages;
            });
  }

  /** Total views of these pages, for «most viewed». */
  static Map<Long, Long> views(SqlConnection conn, Set<Long> ids) {
    Map<Long, Long> views = new HashMap<>();
    conn.preparedQuery(
            "SELECT page_id, sum(views) AS views FROM page_views WHERE page_id = ANY($1)"
                + " GROUP BY page_id")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .await()
        .forEach(row -> views.put(row.getLong("page_id"), row.getLong("views")));
    return views;
  }

  /**
   * A page as read, Markdown and all. Making it a {@link SearchDocument} (Markdown to plain text)
   * costs about as much as indexing it, so the index's bulk writes do it on every core.
   */
  record PageRow(long id, Row row) {
    PageRow(Row row) {
      this(row.getLong("id"), row);
    }

    SearchDocument toDocument() {
      return document(row);
    }
  }

  private static SearchDocument document(Row row) {
    Object json = row.getValue("metadata");
    Metadata metadata = Metadata.fromJson(json instanceof JsonObject object ? object : null);
    OffsetDateTime published = row.getOffsetDateTime("published_at");
    return new SearchDocument(
        Long.toString(row.getLong("id")),
        row.getLong("community_id"),
        row.getString("community_slug"),
        row.getString("community_name"),
        row.getString("slug"),
        row.getString("title"),
        row.getString("kind"),
        row.getString("status"),
        PlainText.of(row.getString("markdown")),
        metadata.subjects(),
        metadata.levels(),
        metadata.licence(),
        metadata.year(),
        published == null ? null : published.toInstant(),
        row.getOffsetDateTime("revised_at").toInstant(),
        row.getLong("views"),
        List.of(row.getArrayOfStrings("authors")));
  }
}
