package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import ru.metodichka.community.Slugs;
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
  // The current revision of the page at an address. A save sends it right behind the page's row
  // lock without waiting for the lock's answer: PostgreSQL runs the two in order, so this reads the
  // head the lock now holds still, and the save waits for one answer instead of two.
  private static final String FIND_HEAD =
      """
      SELECT %s
        FROM pages p
        JOIN revisions r ON r.page_id = p.id AND r.number = p.current_revision
        JOIN users u ON u.id = r.author_id
       WHERE p.community_id = $1 AND p.slug_key = $2
      """
          .formatted(Revision.COLUMNS);
  private static final String INSERT =
      """
      INSERT INTO revisions (page_id, number, base_number, author_id, summary, title, kind, markdown,
                             size, content_hash, merged, reverted_from, metadata,
                             resolved_conflict_with)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
      RETURNING id
      """;

  Future<Optional<Revision>> find(SqlClient sql, long pageId, int number) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(pageId, number))
        .map(rows -> Rows.first(rows, Revision::from));
  }

  /**
   * The current revision of the page at {@code slug}; empty when there is no such page or it has no
   * revision yet. Inside a transaction, sent after the page's lock (see {@link #FIND_HEAD}).
   */
  Future<Optional<Revision>> head(SqlClient sql, long communityId, String slug) {
    if (!Slugs.isValid(slug)) {
      return Future.succeededFuture(Optional.empty());
    }
    return sql.preparedQuery(FIND_HEAD)
        .execute(Tuple.of(communityId, Slugs.key(slug)))
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
      r.metadata().toJson(),
      r.resolvedConflictWith()
    };
    return sql.preparedQuery(INSERT)
        .execute(Tuple.from(values))
        .map(rows -> rows.iterator().next().getLong(0));
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
      Metadata metadata,
      Integer resolvedConflictWith) {}
}
