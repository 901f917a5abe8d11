package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import ru.metodichka.db.Rows;

/**
 * SQL for the append-only history. There is no update or delete here, and the database refuses
 * both.
 */
final class RevisionRepository {
  private static final String FIND =
      "SELECT "
          + Revision.COLUMNS
          + " FROM revisions r JOIN users u ON u.id = r.author_id WHERE r.page_id = $1 AND r.number = $2";
  private static final String INSERT =
      """
      INSERT INTO revisions (page_id, number, base_number, author_id, summary, title, kind, markdown,
                             size, content_hash, merged, reverted_from, metadata)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
      RETURNING id
      """;
  // delta is computed over the whole history before paging, so the oldest row on a page is right.
  private static final String LIST =
      """
      SELECT * FROM (
        SELECT r.number, u.login, u.display_name, r.created_at, r.summary, r.size, r.merged,
               r.reverted_from, r.size - lag(r.size, 1, 0) OVER (ORDER BY r.number) AS delta
          FROM revisions r JOIN users u ON u.id = r.author_id
         WHERE r.page_id = $1) h
       WHERE h.number < $2
       ORDER BY h.number DESC
       LIMIT $3
      """;

  Future<Optional<Revision>> find(SqlClient sql, long pageId, int number) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(pageId, number))
        .map(rows -> Rows.first(rows, Revision::from));
  }

  /** Appends a revision and returns its id. Must be called under the page's row lock. */
  Future<Long> append(SqlClient sql, NewRevision r) {
    Object[] values = {
      r.pageId(),
      r.number(),
      r.baseNumber(),
      r.authorId(),
      r.summary(),
      r.title(),
      r.kind(),
      r.markdown(),
      r.markdown().length(),
      contentHash(r.title(), r.markdown()),
      r.merged(),
      r.revertedFrom(),
      r.metadata().toJson()
    };
    return sql.preparedQuery(INSERT)
        .execute(Tuple.from(values))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Newest first, revisions numbered below {@code before}. */
  Future<JsonArray> list(SqlClient sql, long pageId, int before, int limit) {
    return sql.preparedQuery(LIST)
        .execute(Tuple.of(pageId, before, limit))
        .map(
            rows ->
                Rows.toArray(
                    rows,
                    r ->
                        new JsonObject()
                            .put("revision", r.getInteger("number"))
                            .put(
                                "author",
                                new JsonObject()
                                    .put("login", r.getString("login"))
                                    .put("name", r.getString("display_name")))
                            .put("createdAt", Rows.time(r.getOffsetDateTime("created_at")))
                            .put("summary", r.getString("summary"))
                            .put("size", r.getInteger("size"))
                            .put("delta", r.getInteger("delta"))
                            .put("merged", r.getBoolean("merged"))
                            .put("revertedFrom", r.getInteger("reverted_from"))));
  }

  static byte[] contentHash(String title, String markdown) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(title.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return sha.digest(markdown.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** What {@link #append} writes. */
  record NewRevision(
      long pageId,
      int number,
      Integer baseNumber,
      long authorId,
      String summary,
      String title,
      String kind,
      String markdown,
      boolean merged,
      Integer revertedFrom,
      Metadata metadata) {}
}
