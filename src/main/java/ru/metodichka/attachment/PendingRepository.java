package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Files kept aside for a page not saved yet (attachment_pending, V31): plain SQL. */
final class PendingRepository {
  /**
   * Keeps a file under a token, replacing one of the same name; nothing when the token is another
   * user's or community's (no row comes back).
   */
  private static final String PUT =
      """
      INSERT INTO attachment_pending (token, name, blob_id, user_id, community_id)
      SELECT $1, $2, $3, $4, $5
       WHERE NOT EXISTS (SELECT 1 FROM attachment_pending
                          WHERE token = $1 AND (user_id <> $4 OR community_id <> $5))
      ON CONFLICT (token, lower(name)) DO UPDATE SET blob_id = excluded.blob_id,
                                                     created_at = excluded.created_at
      RETURNING name
      """;

  private static final String LIST =
      """
      SELECT p.name, b.id, b.sha256, b.size, b.media_type, b.width, b.height
        FROM attachment_pending p JOIN attachment_blobs b ON b.id = p.blob_id
       WHERE p.token = $1 AND p.user_id = $2 AND p.community_id = $3
         AND ($4::text IS NULL OR lower(p.name) = lower($4))
       ORDER BY p.created_at, p.name
      """;

  private static final String LOCK =
      "SELECT 1 FROM attachment_pending WHERE token = $1 AND user_id = $2 AND community_id = $3"
          + " FOR UPDATE";
  private static final String DROP =
      "DELETE FROM attachment_pending WHERE token = $1 AND user_id = $2 AND community_id = $3";
  private static final String PURGE =
      "DELETE FROM attachment_pending WHERE created_at < clock_timestamp() - interval '7 days'";

  /** A kept file: its name and content. */
  record Pending(String name, StoredBlob blob) {}

  /** Whether the file was kept (false: the token is someone else's). */
  Future<Boolean> put(
      SqlClient sql, UUID token, String name, long blobId, long user, long community) {
    return sql.preparedQuery(PUT)
        .execute(Tuple.of(token, name, blobId, user, community))
        .map(rows -> rows.size() == 1);
  }

  /** The user's files under the token in the community, or only the named one. */
  Future<List<Pending>> list(SqlClient sql, UUID token, long user, long community, String name) {
    return sql.preparedQuery(LIST)
        .execute(Tuple.of(token, user, community, name))
        .map(
            rows -> {
              List<Pending> list = new ArrayList<>();
              for (Row r : rows) {
                list.add(new Pending(r.getString("name"), blob(r)));
              }
              return list;
            });
  }

  /** Locks the token's rows (a second save of the same form waits, then finds none). */
  Future<Void> lock(SqlClient sql, UUID token, long user, long community) {
    return sql.preparedQuery(LOCK).execute(Tuple.of(token, user, community)).mapEmpty();
  }

  Future<Void> drop(SqlClient sql, UUID token, long user, long community) {
    return sql.preparedQuery(DROP).execute(Tuple.of(token, user, community)).mapEmpty();
  }

  /** Removes what was never saved with a page within a week; the number of rows. */
  static Future<Integer> purge(SqlClient sql) {
    return sql.query(PURGE).execute().map(rows -> rows.rowCount());
  }

  private static StoredBlob blob(Row r) {
    return new StoredBlob(
        r.getLong("id"),
        r.getString("sha256"),
        r.getLong("size"),
        r.getString("media_type"),
        r.getInteger("width"),
        r.getInteger("height"));
  }
}
