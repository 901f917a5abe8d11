package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import ru.metodichka.db.Rows;

/** Previews of images (attachment_previews, V27): one per image and width, made or failed. */
final class PreviewRepository {
  /** The preview of a blob at a width: done (with its blob) or failed; no row when not made. */
  private static final String FIND =
      """
      SELECT p.status, b.id, b.sha256, b.size, b.media_type, b.width, b.height
        FROM attachment_previews p LEFT JOIN attachment_blobs b ON b.id = p.preview_blob_id
       WHERE p.blob_id = $1 AND p.width = $2
      """;

  // Two servers may make the same preview at once: the first row stays (both made the same bytes).
  private static final String DONE =
      """
      INSERT INTO attachment_previews (blob_id, width, preview_blob_id, status)
      VALUES ($1, $2, $3, 'done') ON CONFLICT (blob_id, width) DO NOTHING
      """;
  private static final String FAILED =
      """
      INSERT INTO attachment_previews (blob_id, width, status, error)
      VALUES ($1, $2, 'failed', $3) ON CONFLICT (blob_id, width) DO NOTHING
      """;

  /** A made preview: its blob (null when making it failed). */
  record Found(StoredBlob preview) {}

  Future<Optional<Found>> find(SqlClient sql, long blobId, int width) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(blobId, width))
        .map(
            rows ->
                Rows.first(
                    rows,
                    r ->
                        new Found(
                            "done".equals(r.getString("status"))
                                ? new StoredBlob(
                                    r.getLong("id"),
                                    r.getString("sha256"),
                                    r.getLong("size"),
                                    r.getString("media_type"),
                                    r.getInteger("width"),
                                    r.getInteger("height"))
                                : null)));
  }

  Future<Void> done(SqlClient sql, long blobId, int width, long previewBlobId) {
    return sql.preparedQuery(DONE).execute(Tuple.of(blobId, width, previewBlobId)).mapEmpty();
  }

  Future<Void> failed(SqlClient sql, long blobId, int width, String error) {
    return sql.preparedQuery(FAILED).execute(Tuple.of(blobId, width, error)).mapEmpty();
  }
}
