package ru.metodichka.search.index;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.page.Metadata;
import ru.metodichka.render.PlainText;

/**
 * The indexer's repository: what it reads from PostgreSQL (the horizon, the pages and view counts
 * changed since a checkpoint, pages as {@link SearchDocument}s built from their current revision)
 * and the one thing it writes (a request to rebuild every server's index). The reads block on the
 * database: the indexer's own thread calls them, inside one REPEATABLE READ transaction per round,
 * so that the horizon and the pages come from the same snapshot.
 */
final class IndexSource {
  /**
   * Pages read and indexed at a time: one per half megabyte of the heap limit, between 100 and
   * 1,000; 352 in the server's 176 MB heap, 1,000 in the reindex command's 576 MB. Big enough for
   * the index's bulk writes to keep every core busy, small enough to bound the memory a rebuild
   * needs: a rebuild holds two batches (PostgreSQL reads the next while this one is indexed), and a
   * page as read takes 25–50 KB (its Markdown as a string, twice for a published page with a newer
   * edit, and the decoded row). A rebuild of 100k pages inside the server while a crawler read
   * pages, two runs each: with 1,000 a batch, 81-84 full collections and up to 128 MB of the 132 MB
   * old generation live after one; with 352, 56-59 and 115-116 MB, the rebuild as fast.
   */
  static final int BATCH = batchFor(Runtime.getRuntime().maxMemory());

  static int batchFor(long maxHeapBytes) {
    return (int) Math.clamp(maxHeapBytes / (512 * 1024), 100, 1000);
  }

  // The latest revision (r), and a published page's reviewed one (v) when it is another: the
  // public reads v, the page's community r (page.Visibility). Authors as far as each goes, read
  // from each page's few rows of page_authors, whatever the statistics say of the two tables.
  private static final String PAGE_COLUMNS =
      """
      SELECT p.id, p.slug, p.status, p.published_at, p.current_revision, p.reviewed_revision,
             c.id AS community_id, c.slug AS community_slug, c.name AS community_name,
             r.created_at AS revised_at, r.title, r.kind, r.markdown, r.metadata,
             v.created_at AS v_revised_at, v.title AS v_title, v.kind AS v_kind,
             v.markdown AS v_markdown, v.metadata AS v_metadata,
             ARRAY(SELECT (SELECT u.display_name FROM users u WHERE u.id = a.user_id)
                     FROM page_authors a
                    WHERE a.page_id = p.id ORDER BY a.first_revision) AS authors,
             ARRAY(SELECT (SELECT u.display_name FROM users u WHERE u.id = a.user_id)
                     FROM page_authors a
                    WHERE a.page_id = p.id AND a.first_revision <= coalesce(p.reviewed_revision, 0)
                    ORDER BY a.first_revision) AS v_authors,
             p.views,
             ARRAY(SELECT a.name || E'\n' || t.text
                     FROM attachments a
                     JOIN attachment_versions av ON av.attachment_id = a.id AND av.number = a.versions
                     JOIN attachment_blobs b ON b.id = av.blob_id
                     JOIN attachment_texts t ON t.sha256 = b.sha256 AND t.status = 'done'
                    WHERE a.page_id = p.id AND NOT a.hidden AND t.text <> ''
                    ORDER BY a.id) AS files
        FROM pages p
        JOIN communities c ON c.id = p.community_id
        JOIN revisions r ON r.page_id = p.id AND r.number = p.current_revision
        LEFT JOIN revisions v ON v.page_id = p.id AND v.number = p.reviewed_revision
                             AND p.status = 'published' AND p.reviewed_revision <> p.current_revision
      """;
  private static final String PAGES_BY_ID = PAGE_COLUMNS + " WHERE p.id = ANY($1)";
  private static final String PAGES_AFTER =
      PAGE_COLUMNS + " WHERE p.id > $1 ORDER BY p.id LIMIT " + BATCH;

  private static final String BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  private static final String ROLLBACK = "ROLLBACK";
  private static final String SNAPSHOT =
      """
      SELECT (SELECT value FROM app_state WHERE key = 'database_id') AS database_id,
             (SELECT value FROM app_state WHERE key = 'search_rebuild') AS rebuild,
             pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
             pg_snapshot_xmax(pg_current_snapshot())::text AS next
      """;
  private static final String CHANGED_SINCE =
      """
      SELECT DISTINCT page_id FROM search_changes WHERE txid >= $1::text::xid8 ORDER BY page_id
      """;

  /** Each page once (V5__view_changes.sql keeps a row per page), with its total as it is now. */
  private static final String VIEWS_CHANGED_SINCE =
      """
      SELECT p.id, p.views FROM view_changes v JOIN pages p ON p.id = v.page_id
       WHERE v.txid >= $1::text::xid8
      """;

  /**
   * Whether a community's structure changed since (V20__structure.sql): nothing to index, but every
   * page shows its place in the structure, so the pages cached for visitors must go.
   */
  private static final String STRUCTURE_CHANGED_SINCE =
      "SELECT EXISTS (SELECT 1 FROM structure_changes WHERE txid >= $1::text::xid8)";

  private static final String PAGE_COUNT = "SELECT count(*) FROM pages";

  /**
   * Asks every server to rebuild its index: the number grows by one, and the NOTIFY at commit wakes
   * every indexer (see V5__view_changes.sql).
   */
  private static final String REQUEST_REBUILD =
      """
      WITH requested AS (
        INSERT INTO app_state (key, value) VALUES ('search_rebuild', '1')
        ON CONFLICT (key) DO UPDATE SET value = (app_state.value::bigint + 1)::text
        RETURNING value)
      SELECT value, pg_notify('search_changes', '') FROM requested
      """;

  /**
   * Where this snapshot stands: see V3__search_changes.sql for why the horizon is safe.
   *
   * @param rebuild the number of the last rebuild requested of every server's index (0 for none)
   */
  record Snapshot(String databaseId, long horizon, long next, long rebuild) {}

  static void begin(SqlConnection conn) {
    conn.query(BEGIN).execute().await();
  }

  /** Ends the round's read-only transaction (nothing to commit) and returns the connection. */
  static void end(SqlConnection conn) {
    conn.query(ROLLBACK).execute().eventually(conn::close);
  }

  static Snapshot snapshot(SqlConnection conn) {
    Row row = conn.query(SNAPSHOT).execute().await().iterator().next();
    String rebuild = row.getString("rebuild");
    return new Snapshot(
        row.getString("database_id"),
        Long.parseLong(row.getString("horizon")),
        Long.parseLong(row.getString("next")),
        rebuild == null ? 0 : Long.parseLong(rebuild));
  }

  /** Ids of the pages changed by transactions at or after {@code since}. */
  static List<Long> changedSince(SqlConnection conn, long since) {
    List<Long> ids = new ArrayList<>();
    conn.preparedQuery(CHANGED_SINCE)
        .execute(Tuple.of(Long.toString(since)))
        .await()
        .forEach(row -> ids.add(row.getLong("page_id")));
    return ids;
  }

  /**
   * The view totals ({@code pages.views}) of the pages whose totals changed in transactions at or
   * after {@code since}, by whichever server counted them.
   */
  static Map<Long, Long> viewsChangedSince(SqlConnection conn, long since) {
    Map<Long, Long> views = new HashMap<>();
    conn.preparedQuery(VIEWS_CHANGED_SINCE)
        .execute(Tuple.of(Long.toString(since)))
        .await()
        .forEach(row -> views.put(row.getLong("id"), row.getLong("views")));
    return views;
  }

  /** Whether any community's structure changed in transactions at or after {@code since}. */
  static boolean structureChangedSince(SqlConnection conn, long since) {
    return conn.preparedQuery(STRUCTURE_CHANGED_SINCE)
        .execute(Tuple.of(Long.toString(since)))
        .await()
        .iterator()
        .next()
        .getBoolean(0);
  }

  static long pageCount(SqlConnection conn) {
    return conn.query(PAGE_COUNT).execute().await().iterator().next().getLong(0);
  }

  /** Records a request to rebuild every server's index; the future holds its number. */
  static Future<Long> requestRebuild(SqlClient sql) {
    return sql.query(REQUEST_REBUILD)
        .execute()
        .map(rows -> Long.parseLong(rows.iterator().next().getString("value")));
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

  /**
   * A page as read, Markdown and all: its latest revision and, when the public reads another one,
   * the reviewed one too.
   */
  record PageRow(long id, Row row) {
    PageRow(Row row) {
      this(row.getLong("id"), row);
    }

    boolean published() {
      return "published".equals(row.getString("status"))
          && row.getInteger("reviewed_revision") != null;
    }

    /** The public reads the latest revision too: one document serves everyone. */
    boolean reviewedIsLatest() {
      return published()
          && row.getInteger("reviewed_revision").equals(row.getInteger("current_revision"));
    }

    /** How the page appears on other pages (its public title), read without making a document. */
    Listing listing() {
      return Listing.of(
          published() ? "published" : row.getString("status"),
          row.getString("community_slug"),
          row.getString("slug"),
          reviewedIsLatest() || !published() ? row.getString("title") : row.getString("v_title"));
    }
  }

  /**
   * One document to make of a page: its public version or its insiders' one. Making it a {@link
   * SearchDocument} (Markdown to plain text) costs about as much as indexing it, so the index's
   * bulk writes do it on every core.
   */
  record PageVersion(PageRow page, SearchDocument.Audience audience, boolean shadowed) {
    String key() {
      return SearchDocument.keyOf(page.id(), audience);
    }

    SearchDocument toDocument() {
      boolean latest = audience == SearchDocument.Audience.INSIDERS || page.reviewedIsLatest();
      return document(page.row(), audience, shadowed, latest ? "" : "v_");
    }
  }

  /**
   * The documents of these pages: a published page's public one (its reviewed revision), and the
   * insiders' one (its latest revision) of every page the public does not read as it stands.
   */
  static List<PageVersion> versions(List<PageRow> pages) {
    List<PageVersion> versions = new ArrayList<>(pages.size() + 16);
    for (PageRow page : pages) {
      boolean insiders = !page.reviewedIsLatest();
      if (page.published()) {
        versions.add(new PageVersion(page, SearchDocument.Audience.PUBLIC, insiders));
      }
      if (insiders) {
        versions.add(new PageVersion(page, SearchDocument.Audience.INSIDERS, false));
      }
    }
    return versions;
  }

  /** The document of one version; {@code prefix} names its revision's columns ("" or "v_"). */
  private static SearchDocument document(
      Row row, SearchDocument.Audience audience, boolean shadowed, String prefix) {
    Object json = row.getValue(prefix + "metadata");
    Metadata metadata = Metadata.fromJson(json instanceof JsonObject object ? object : null);
    OffsetDateTime published = row.getOffsetDateTime("published_at");
    boolean isPublic = audience == SearchDocument.Audience.PUBLIC;
    return new SearchDocument(
        row.getLong("id"),
        audience,
        row.getLong("community_id"),
        row.getString("community_slug"),
        row.getString("community_name"),
        row.getString("slug"),
        row.getString(prefix + "title"),
        row.getString(prefix + "kind"),
        isPublic ? "published" : row.getString("status"),
        PlainText.of(row.getString(prefix + "markdown")),
        metadata.subjects(),
        metadata.levels(),
        metadata.licence(),
        metadata.year(),
        published == null ? null : published.toInstant(),
        row.getOffsetDateTime(prefix + "revised_at").toInstant(),
        row.getLong("views"),
        List.of(row.getArrayOfStrings(isPublic ? "v_authors" : "authors")),
        shadowed,
        files(row.getArrayOfStrings("files")));
  }

  /** Attached files' texts, each read as its name, a line break and the text. */
  private static List<SearchDocument.FileText> files(String[] values) {
    List<SearchDocument.FileText> files = new ArrayList<>();
    for (String value : values == null ? new String[0] : values) {
      int line = value.indexOf('\n');
      files.add(new SearchDocument.FileText(value.substring(0, line), value.substring(line + 1)));
    }
    return files;
  }
}
