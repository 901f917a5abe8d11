package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.metodichka.community.Slugs;
import ru.metodichka.db.Rows;

/** SQL for the pages table: the head of each page's history and its status. */
final class PageRepository {
  private static final String FIND =
      "SELECT " + Page.COLUMNS + " FROM pages WHERE community_id = $1 AND slug_key = $2";
  private static final String FIND_BY_ID = "SELECT " + Page.COLUMNS + " FROM pages WHERE id = $1";
  // The row lock serialises saves of one page: revision numbers are assigned under it.
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String INSERT =
      """
      INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (community_id, slug_key) DO NOTHING
      RETURNING\s"""
          + Page.COLUMNS;
  private static final String UPDATE_HEAD =
      """
      UPDATE pages SET current_revision = $2, title = $3, title_key = $4, kind = $5, updated_at = now()
       WHERE id = $1 AND current_revision = $2 - 1
      """;
  private static final String SET_STATUS =
      """
      UPDATE pages SET status = $2,
             published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END
       WHERE id = $1
      """;
  // A review: the public reads this revision from now on; a page that was not published is now.
  private static final String REVIEWED =
      """
      UPDATE pages SET reviewed_revision = $2, reviewed_at = now(), status = 'published',
             published_at = CASE WHEN status = 'published' THEN published_at ELSE now() END
       WHERE id = $1
      """;
  // A new address in the same community or another; a page moved to another community leaves the
  // old community's structure (and is not placed in the new one's).
  private static final String READDRESS =
      """
      UPDATE pages SET community_id = $2, slug = $3, slug_key = $4,
             parent_id = CASE WHEN community_id = $2 THEN parent_id END,
             position = CASE WHEN community_id = $2 THEN position ELSE\s"""
          + Placement.UNPLACED
          + """
       END
       WHERE id = $1
      """;
  // Before a page leaves for another community, its children in the old one take its place: they
  // stand under its parent, where it stood (their positions already follow its own).
  private static final String LIFT_CHILDREN =
      """
      UPDATE pages child SET parent_id = moved.parent_id
        FROM pages moved
       WHERE moved.id = $1 AND moved.community_id <> $2 AND child.parent_id = $1
      """;
  // The status a retired page had before: what restoring it brings back.
  private static final String STATUS_BEFORE_RETIRING =
      """
      SELECT status FROM page_status_changes
       WHERE page_id = $1 AND status <> 'archived'
         AND id < (SELECT max(id) FROM page_status_changes WHERE page_id = $1 AND status = 'archived')
       ORDER BY id DESC LIMIT 1
      """;
  private static final String RESTORE = "UPDATE pages SET status = $2 WHERE id = $1";
  private static final String RECORD_STATUS =
      "INSERT INTO page_status_changes (page_id, status, changed_by) VALUES ($1, $2, $3)";

  /**
   * A part of the community's list from after a cursor (keyset paging): the index on (community,
   * position, title_key, id) is read from the cursor on and only up to the LIMIT.
   */
  private static final String LIST =
      """
      SELECT p.id, p.position, p.title_key, p.slug, r.title, r.kind, p.status, r.number,
             CASE WHEN $2 THEN p.updated_at ELSE p.reviewed_at END AS changed_at,
             parent.slug AS parent,
             (SELECT count(*) FROM comments cm
               WHERE cm.page_id = p.id AND cm.deleted_at IS NULL AND cm.hidden_at IS NULL)
               AS comments
        FROM pages p LEFT JOIN pages parent ON parent.id = p.parent_id
        JOIN revisions r ON r.page_id = p.id AND r.number =\s"""
          + Visibility.shownRevisionSql("p", "$2")
          + """

           WHERE p.community_id = $1 AND p.current_revision > 0
             AND (p.position, p.title_key, p.id) > ($3, $4, $5) AND\s"""
          + Visibility.visibleSql("p", "$2")
          + """

           ORDER BY p.position, p.title_key, p.id
           LIMIT $6
          """;

  /** The page; empty for a slug no page can have, without asking the database. */
  Future<Optional<Page>> find(SqlClient sql, long communityId, String slug) {
    if (!Slugs.isValid(slug)) {
      return Future.succeededFuture(Optional.empty());
    }
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(communityId, Slugs.key(slug)))
        .map(rows -> Rows.first(rows, Page::from));
  }

  /** The page by id (it exists: ids come from pages read before). */
  Future<Page> findById(SqlClient sql, long id) {
    return sql.preparedQuery(FIND_BY_ID)
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, Page::from).orElseThrow());
  }

  /** The page, locked until the transaction ends. Must be called inside a transaction. */
  Future<Optional<Page>> lock(SqlClient sql, long communityId, String slug) {
    if (!Slugs.isValid(slug)) {
      return Future.succeededFuture(Optional.empty());
    }
    return sql.preparedQuery(LOCK)
        .execute(Tuple.of(communityId, Slugs.key(slug)))
        .map(rows -> Rows.first(rows, Page::from));
  }

  /** Inserts a page with no revisions yet; empty when someone else created it first. */
  Future<Optional<Page>> insertIfAbsent(
      SqlClient sql, long communityId, String slug, String title, String kind) {
    return sql.preparedQuery(INSERT)
        .execute(Tuple.of(communityId, slug, Slugs.key(slug), title, Slugs.titleKey(title), kind))
        .map(rows -> Rows.first(rows, Page::from));
  }

  /** Moves the head to a new revision; fails if the head moved (cannot happen under the lock). */
  Future<Void> updateHead(SqlClient sql, long pageId, int number, String title, String kind) {
    return sql.preparedQuery(UPDATE_HEAD)
        .execute(Tuple.of(pageId, number, title, Slugs.titleKey(title), kind))
        .map(
            rows -> {
              if (rows.rowCount() != 1) {
                throw new IllegalStateException("Page " + pageId + " head moved while locked");
              }
              return null;
            });
  }

  /** Sets the status and records who changed it and when. */
  Future<Void> setStatus(SqlClient sql, long pageId, PageStatus status, long userId) {
    return sql.preparedQuery(SET_STATUS)
        .execute(Tuple.of(pageId, status.code()))
        .compose(
            v -> sql.preparedQuery(RECORD_STATUS).execute(Tuple.of(pageId, status.code(), userId)))
        .mapEmpty();
  }

  /**
   * Gives the page a new address, in its community or another (a move); the database remembers the
   * old one ({@link OldAddresses}). Fails with a unique violation when a page has that address.
   */
  Future<Void> readdress(SqlClient sql, long pageId, long communityId, String slug) {
    return sql.preparedQuery(LIFT_CHILDREN)
        .execute(Tuple.of(pageId, communityId))
        .compose(
            v ->
                sql.preparedQuery(READDRESS)
                    .execute(Tuple.of(pageId, communityId, slug, Slugs.key(slug))))
        .mapEmpty();
  }

  /** The status a retired page had before it was retired (draft when none is recorded). */
  Future<PageStatus> statusBeforeRetiring(SqlClient sql, long pageId) {
    return sql.preparedQuery(STATUS_BEFORE_RETIRING)
        .execute(Tuple.of(pageId))
        .map(
            rows ->
                Rows.first(rows, r -> PageStatus.of(r.getString("status")))
                    .orElse(PageStatus.DRAFT));
  }

  /**
   * Brings a retired page back to {@code status}, keeping when it was first published; the change
   * is recorded like any other.
   */
  Future<Void> restore(SqlClient sql, long pageId, PageStatus status, long userId) {
    return sql.preparedQuery(RESTORE)
        .execute(Tuple.of(pageId, status.code()))
        .compose(
            v -> sql.preparedQuery(RECORD_STATUS).execute(Tuple.of(pageId, status.code(), userId)))
        .mapEmpty();
  }

  /**
   * Marks revision {@code number} reviewed: the public reads it from now on, and the page is
   * published if it was not; the status change is recorded like any other. Under the page's lock.
   */
  Future<Void> reviewed(SqlClient sql, Page page, int number, long userId) {
    Future<Void> reviewed =
        sql.preparedQuery(REVIEWED).execute(Tuple.of(page.id(), number)).mapEmpty();
    return page.published()
        ? reviewed
        : reviewed.compose(
            v ->
                sql.preparedQuery(RECORD_STATUS)
                    .execute(Tuple.of(page.id(), PageStatus.PUBLISHED.code(), userId))
                    .mapEmpty());
  }

  /**
   * Up to {@code limit} pages from after {@code after}, with the cursor of the next part; {@code
   * insider} says whether the reader is an insider of the community (sees more than the published).
   */
  Future<PageSlice> list(
      SqlClient sql, long communityId, boolean insider, PageCursor after, int limit) {
    // One row more than asked for says whether there is a next part without counting the rest.
    return sql.preparedQuery(LIST)
        .execute(
            Tuple.of(
                communityId, insider, after.position(), after.titleKey(), after.id(), limit + 1))
        .map(rows -> slice(rows, limit));
  }

  private static PageSlice slice(RowSet<Row> rows, int limit) {
    List<ListedPage> items = new ArrayList<>();
    PageCursor last = null;
    for (Row r : rows) {
      if (items.size() == limit) {
        return new PageSlice(items, last);
      }
      items.add(listed(r));
      last = new PageCursor(r.getInteger("position"), r.getString("title_key"), r.getLong("id"));
    }
    return new PageSlice(items, null);
  }

  private static ListedPage listed(Row r) {
    return new ListedPage(
        r.getString("slug"),
        r.getString("title"),
        r.getString("kind"),
        PageStatus.of(r.getString("status")),
        r.getInteger("number"),
        r.getOffsetDateTime("changed_at"),
        r.getString("parent"),
        r.getInteger("position") != Placement.UNPLACED,
        r.getLong("comments").intValue());
  }
}
