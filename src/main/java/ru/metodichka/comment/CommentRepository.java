package ru.metodichka.comment;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.db.Rows;

/**
 * SQL for comments. The row's state changes (a new text, deleted, hidden); every text and every
 * deletion and hiding is also appended to {@code comment_versions} and {@code comment_acts}, which
 * the database keeps append-only.
 */
final class CommentRepository {
  private static final String FROM = " FROM comments cm JOIN users u ON u.id = cm.author_id ";
  // Threads in order: each top-level comment, then its replies, oldest first.
  private static final String OF_PAGE =
      "SELECT "
          + Comment.COLUMNS
          + FROM
          + "WHERE cm.page_id = $1 ORDER BY coalesce(cm.parent_id, cm.id), cm.id LIMIT $2";
  private static final String FIND =
      "SELECT " + Comment.COLUMNS + FROM + "WHERE cm.id = $1 AND cm.page_id = $2";
  private static final String LOCK =
      "SELECT " + Comment.COLUMNS + FROM + "WHERE cm.id = $1 AND cm.page_id = $2 FOR UPDATE OF cm";
  private static final String INSERT =
      """
      INSERT INTO comments (page_id, author_id, parent_id, markdown) VALUES ($1, $2, $3, $4)
      RETURNING id
      """;
  private static final String VERSION =
      "INSERT INTO comment_versions (comment_id, version, markdown) VALUES ($1, $2, $3)";
  private static final String EDIT =
      """
      UPDATE comments SET markdown = $2, version = version + 1, edited_at = clock_timestamp()
       WHERE id = $1 RETURNING version
      """;
  private static final String DELETE =
      "UPDATE comments SET deleted_at = clock_timestamp() WHERE id = $1 AND deleted_at IS NULL";
  private static final String HIDE =
      """
      UPDATE comments SET hidden_at = clock_timestamp(), hidden_by = $2, hidden_reason = $3
       WHERE id = $1 AND hidden_at IS NULL
      """;
  private static final String ACT =
      "INSERT INTO comment_acts (comment_id, kind, user_id, reason) VALUES ($1, $2, $3, $4)";
  private static final String VERSIONS =
      """
      SELECT version, markdown, created_at FROM comment_versions
       WHERE comment_id = $1 ORDER BY version DESC
      """;

  Future<List<Comment>> ofPage(SqlClient sql, long pageId, int limit) {
    return sql.preparedQuery(OF_PAGE)
        .execute(Tuple.of(pageId, limit))
        .map(rows -> Rows.list(rows, Comment::from));
  }

  Future<Optional<Comment>> find(SqlClient sql, long pageId, long id) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(id, pageId))
        .map(rows -> Rows.first(rows, Comment::from));
  }

  /** The comment, locked until the transaction ends. */
  Future<Optional<Comment>> lock(SqlClient sql, long pageId, long id) {
    return sql.preparedQuery(LOCK)
        .execute(Tuple.of(id, pageId))
        .map(rows -> Rows.first(rows, Comment::from));
  }

  Future<Long> insert(SqlClient sql, long pageId, long authorId, Long parentId, String markdown) {
    return sql.preparedQuery(INSERT)
        .execute(Tuple.of(pageId, authorId, parentId, markdown))
        .map(rows -> rows.iterator().next().getLong(0))
        .compose(
            id -> sql.preparedQuery(VERSION).execute(Tuple.of(id, 1, markdown)).map(rows -> id));
  }

  Future<Void> edit(SqlClient sql, long id, String markdown) {
    return sql.preparedQuery(EDIT)
        .execute(Tuple.of(id, markdown))
        .map(rows -> rows.iterator().next().getInteger(0))
        .compose(version -> sql.preparedQuery(VERSION).execute(Tuple.of(id, version, markdown)))
        .mapEmpty();
  }

  Future<Void> delete(SqlClient sql, long id, long userId) {
    return sql.preparedQuery(DELETE)
        .execute(Tuple.of(id))
        .compose(
            rows ->
                rows.rowCount() == 0
                    ? Future.succeededFuture()
                    : sql.preparedQuery(ACT)
                        .execute(Tuple.of(id, "deleted", userId, null))
                        .mapEmpty());
  }

  Future<Void> hide(SqlClient sql, long id, long userId, String reason) {
    return sql.preparedQuery(HIDE)
        .execute(Tuple.of(id, userId, reason))
        .compose(
            rows ->
                rows.rowCount() == 0
                    ? Future.succeededFuture()
                    : sql.preparedQuery(ACT)
                        .execute(Tuple.of(id, "hidden", userId, reason))
                        .mapEmpty());
  }

  /** Every text the comment had, newest first. */
  Future<List<CommentVersion>> versions(SqlClient sql, long id) {
    return sql.preparedQuery(VERSIONS)
        .execute(Tuple.of(id))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new CommentVersion(
                            r.getInteger("version"),
                            r.getString("markdown"),
                            r.getOffsetDateTime("created_at"))));
  }
}
