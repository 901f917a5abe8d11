package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.db.Rows;

/**
 * SQL for a page's place in its community's structure: each part is a short walk along an index
 * (the parent chain by primary key, the section by {@code pages_children}, the neighbours by {@code
 * pages_listing}), so a page of a community of 100,000 pages costs what one of ten does. Every part
 * reads only pages its reader may see ({@link Visibility#visibleSql}), with the title of the
 * revision they read.
 */
final class PlacementRepository {
  /** More sections deep than anyone arranges; bounds the walk up the parent chain. */
  private static final int MAX_DEPTH = 64;

  /** Most pages of a section listed beside a page. */
  static final int SECTION_LIMIT = 50;

  private static final String SHOWN =
      " JOIN revisions r ON r.page_id = p.id AND r.number = "
          + Visibility.shownRevisionSql("p", "$2")
          + "\n";

  // $1 the page, $2 whether the reader is an insider; nearest first.
  private static final String ANCESTORS =
      """
      WITH RECURSIVE up (id, depth) AS (
        SELECT parent_id, 1 FROM pages WHERE id = $1 AND parent_id IS NOT NULL
        UNION ALL
        SELECT p.parent_id, up.depth + 1 FROM up JOIN pages p ON p.id = up.id
         WHERE p.parent_id IS NOT NULL AND up.depth <\s"""
          + MAX_DEPTH
          + """
      )
      SELECT p.slug, r.title FROM up JOIN pages p ON p.id = up.id
      """
          + SHOWN
          + " WHERE "
          + Visibility.visibleSql("p", "$2")
          + " ORDER BY up.depth DESC";

  // $1 the parent (null at the top), $2 insider, $3 the community.
  private static final String SECTION =
      "SELECT p.slug, r.title FROM pages p"
          + SHOWN
          + """
           WHERE p.community_id = $3 AND p.parent_id IS NOT DISTINCT FROM $1
             AND p.position <\s"""
          + Placement.UNPLACED
          + " AND "
          + Visibility.visibleSql("p", "$2")
          + " ORDER BY p.position LIMIT "
          + SECTION_LIMIT;

  // $1 the page's position, $2 insider, $3 the community.
  private static final String PREVIOUS =
      "SELECT p.slug, r.title FROM pages p"
          + SHOWN
          + " WHERE p.community_id = $3 AND p.position < $1 AND "
          + Visibility.visibleSql("p", "$2")
          + " ORDER BY p.position DESC LIMIT 1";
  private static final String NEXT =
      "SELECT p.slug, r.title FROM pages p"
          + SHOWN
          + " WHERE p.community_id = $3 AND p.position > $1 AND p.position <\s"
          + Placement.UNPLACED
          + " AND "
          + Visibility.visibleSql("p", "$2")
          + " ORDER BY p.position LIMIT 1";

  /** Where the page stands for a reader who is an insider of its community when {@code insider}. */
  Future<Placement> of(SqlClient sql, Page page, boolean insider) {
    if (page.position() == Placement.UNPLACED) {
      return Future.succeededFuture(Placement.NONE);
    }
    long community = page.communityId();
    var ancestors = sql.preparedQuery(ANCESTORS).execute(Tuple.of(page.id(), insider));
    var section = sql.preparedQuery(SECTION).execute(Tuple.of(page.parentId(), insider, community));
    var previous =
        sql.preparedQuery(PREVIOUS).execute(Tuple.of(page.position(), insider, community));
    var next = sql.preparedQuery(NEXT).execute(Tuple.of(page.position(), insider, community));
    return Future.all(ancestors, section, previous, next)
        .map(
            v ->
                new Placement(
                    pages(ancestors.result()),
                    pages(section.result()),
                    Rows.first(previous.result(), PlacementRepository::page).orElse(null),
                    Rows.first(next.result(), PlacementRepository::page).orElse(null)));
  }

  private static List<Placement.PlacedPage> pages(RowSet<Row> rows) {
    List<Placement.PlacedPage> pages = new ArrayList<>();
    rows.forEach(r -> pages.add(page(r)));
    return pages;
  }

  private static Placement.PlacedPage page(Row r) {
    return new Placement.PlacedPage(r.getString("slug"), r.getString("title"));
  }
}
