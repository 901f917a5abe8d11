package ru.metodichka.structure;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;
import ru.metodichka.page.PageStatus;
import ru.metodichka.page.Placement;
import ru.metodichka.page.Visibility;

/**
 * SQL for a community's structure: the pages' places (on {@code pages}, see V20__structure.sql) and
 * the append-only record of its changes ({@code structure_changes}).
 */
final class StructureRepository {
  // Every page of the community in the tree's order, pages outside it last by title; $2 says
  // whether the reader is an insider. Hidden pages come too (without a title): the pages under
  // them are lifted to the nearest visible ancestor (StructureTree).
  private static final String PAGES =
      """
      SELECT p.id, p.slug, p.status, p.parent_id, p.position, p.title AS latest_title,
             r.title,\s"""
          + Visibility.visibleSql("p", "$2")
          + """
       AS visible
        FROM pages p
        LEFT JOIN revisions r ON r.page_id = p.id AND r.number =\s"""
          + Visibility.shownRevisionSql("p", "$2")
          + """

       WHERE p.community_id = $1 AND p.current_revision > 0
       ORDER BY p.position, p.title_key, p.id
      """;

  // Serialises changes of one community's structure. NO KEY UPDATE: saves of its pages (which
  // take KEY SHARE on the community through their foreign key) go on meanwhile.
  private static final String LOCK = "SELECT id FROM communities WHERE id = $1 FOR NO KEY UPDATE";

  private static final String LAST_CHANGE =
      """
      SELECT (SELECT count(*) FROM structure_changes WHERE community_id = $1) AS version,
             s.changed_at, u.login, u.display_name
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (SELECT changed_by, changed_at FROM structure_changes
                            WHERE community_id = $1 ORDER BY id DESC LIMIT 1) s ON true
        LEFT JOIN users u ON u.id = s.changed_by
      """;

  // Only the pages whose place changed are written.
  private static final String PLACE =
      """
      UPDATE pages p SET parent_id = t.parent, position = t.position
        FROM unnest($2::bigint[], $3::bigint[], $4::int[]) AS t (id, parent, position)
       WHERE p.id = t.id AND p.community_id = $1
         AND (p.parent_id IS DISTINCT FROM t.parent OR p.position <> t.position)
      """;
  private static final String UNPLACE_OTHERS =
      """
      UPDATE pages SET parent_id = NULL, position =\s"""
          + Placement.UNPLACED
          + """

       WHERE community_id = $1 AND NOT (id = ANY($2::bigint[]))
         AND (parent_id IS NOT NULL OR position <>\s"""
          + Placement.UNPLACED
          + ")";

  private static final String RECORD =
      """
      INSERT INTO structure_changes (community_id, changed_by, tree) VALUES ($1, $2, $3)
      """;

  /** Who changed the structure last, when, and how many changes there were. */
  record LastChange(int version, Person by, OffsetDateTime at) {}

  Future<List<StructurePage>> pages(SqlClient sql, long communityId, boolean insider) {
    return sql.preparedQuery(PAGES)
        .execute(Tuple.of(communityId, insider))
        .map(rows -> Rows.list(rows, StructureRepository::page));
  }

  private static StructurePage page(Row r) {
    boolean visible = r.getBoolean("visible");
    String title = r.getString("title");
    return new StructurePage(
        r.getLong("id"),
        r.getString("slug"),
        visible ? (title != null ? title : r.getString("latest_title")) : null,
        PageStatus.of(r.getString("status")),
        r.getLong("parent_id"),
        r.getInteger("position"),
        visible);
  }

  /** Locks the community's structure until the transaction ends. Inside a transaction. */
  Future<Void> lock(SqlClient sql, long communityId) {
    return sql.preparedQuery(LOCK).execute(Tuple.of(communityId)).mapEmpty();
  }

  Future<LastChange> lastChange(SqlClient sql, long communityId) {
    return sql.preparedQuery(LAST_CHANGE)
        .execute(Tuple.of(communityId))
        .map(rows -> Rows.first(rows, StructureRepository::lastChange).orElseThrow());
  }

  private static LastChange lastChange(Row r) {
    String login = r.getString("login");
    return new LastChange(
        r.getLong("version").intValue(),
        login == null ? null : new Person(login, r.getString("display_name")),
        r.getOffsetDateTime("changed_at"));
  }

  /**
   * Writes the tree: each placed page's parent and position, every other page of the community
   * outside it; records the change with the whole tree. Inside a transaction, under {@link #lock}.
   */
  Future<Void> write(
      SqlClient sql,
      long communityId,
      long userId,
      List<StructureTree.Placed> placed,
      JsonArray tree) {
    Long[] ids = placed.stream().map(StructureTree.Placed::id).toArray(Long[]::new);
    Long[] parents = placed.stream().map(StructureTree.Placed::parentId).toArray(Long[]::new);
    Integer[] positions =
        placed.stream().map(StructureTree.Placed::position).toArray(Integer[]::new);
    return sql.preparedQuery(PLACE)
        .execute(
            Tuple.tuple()
                .addLong(communityId)
                .addArrayOfLong(ids)
                .addArrayOfLong(parents)
                .addArrayOfInteger(positions))
        .compose(
            v ->
                sql.preparedQuery(UNPLACE_OTHERS)
                    .execute(Tuple.tuple().addLong(communityId).addArrayOfLong(ids)))
        .compose(v -> sql.preparedQuery(RECORD).execute(Tuple.of(communityId, userId, tree)))
        .mapEmpty();
  }
}
