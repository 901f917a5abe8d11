package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.metodichka.db.Rows;

/** Attachments, their versions, blobs and chunks, downloads and hides: plain SQL. */
final class AttachmentRepository {
  private static final String NEW_BLOB = "INSERT INTO attachment_blobs DEFAULT VALUES RETURNING id";
  private static final String CHUNK =
      "INSERT INTO attachment_chunks (blob_id, n, bytes) VALUES ($1, $2, $3)";
  private static final String READ_CHUNK =
      "SELECT bytes FROM attachment_chunks WHERE blob_id = $1 AND n = $2";
  private static final String DROP_BLOB = "DELETE FROM attachment_blobs WHERE id = $1";

  /** Completes the blob unless the same content is stored already (then no row comes back). */
  private static final String COMPLETE_BLOB =
      """
      UPDATE attachment_blobs SET sha256 = $2, size = $3, media_type = $4, width = $5, height = $6
       WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM attachment_blobs WHERE sha256 = $2)
      RETURNING id
      """;

  private static final String BLOB_BY_HASH =
      "SELECT id, sha256, size, media_type, width, height FROM attachment_blobs WHERE sha256 = $1";

  /** The attachment of the page under this name (names are unique ignoring case), locked. */
  private static final String LOCK_BY_NAME =
      "SELECT id, name, versions FROM attachments WHERE page_id = $1 AND lower(name) = lower($2)"
          + " FOR UPDATE";

  private static final String NEW_ATTACHMENT =
      """
      INSERT INTO attachments (page_id, name) VALUES ($1, $2)
      ON CONFLICT (page_id, lower(name)) DO NOTHING RETURNING id, name, versions
      """;
  private static final String NEW_VERSION =
      """
      WITH bumped AS (UPDATE attachments SET versions = versions + 1 WHERE id = $1
                      RETURNING versions)
      INSERT INTO attachment_versions (attachment_id, number, blob_id, uploaded_by)
      SELECT $1, versions, $2, $3 FROM bumped RETURNING number
      """;
  private static final String QUEUE_TEXT =
      "INSERT INTO attachment_texts (sha256) VALUES ($1) ON CONFLICT (sha256) DO NOTHING";
  private static final String PAGE_CHANGED = "INSERT INTO search_changes (page_id) VALUES ($1)";
  private static final String NOTIFY = "SELECT pg_notify('search_changes', '')";

  private static final String LIST =
      """
      SELECT a.id, a.page_id, a.name, a.hidden, a.created_at,
             v.number, b.id AS blob_id, b.sha256, b.size, b.media_type, b.width, b.height,
             u.login, v.uploaded_at,
             (SELECT t.status FROM attachment_texts t
               JOIN attachment_versions lv ON lv.attachment_id = a.id AND lv.number = a.versions
               JOIN attachment_blobs lb ON lb.id = lv.blob_id
              WHERE t.sha256 = lb.sha256) AS text_status,
             (SELECT coalesce(sum(d.count), 0) FROM attachment_downloads d
               WHERE d.attachment_id = a.id) AS downloads
        FROM attachments a
        JOIN attachment_versions v ON v.attachment_id = a.id
        JOIN attachment_blobs b ON b.id = v.blob_id
        JOIN users u ON u.id = v.uploaded_by
       WHERE a.page_id = $1 AND ($2 OR NOT a.hidden) AND ($3::text IS NULL OR lower(a.name) = lower($3))
       ORDER BY lower(a.name), a.id, v.number
      """;

  private static final String HIDE =
      """
      WITH act AS (INSERT INTO attachment_hides (attachment_id, hidden, reason, by_user)
                   VALUES ($1, $2, $3, $4))
      UPDATE attachments SET hidden = $2 WHERE id = $1
      """;

  private static final String DOWNLOADED =
      """
      INSERT INTO attachment_downloads (attachment_id, day, count) VALUES ($1, $2, 1)
      ON CONFLICT (attachment_id, day) DO UPDATE SET count = attachment_downloads.count + 1
      """;

  Future<Long> newBlob(SqlClient sql) {
    return sql.query(NEW_BLOB).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Void> chunk(SqlClient sql, long blobId, int n, Buffer bytes) {
    return sql.preparedQuery(CHUNK).execute(Tuple.of(blobId, n, bytes)).mapEmpty();
  }

  /** Chunk {@code n} of a blob, or null past its last one. */
  Future<Buffer> readChunk(SqlClient sql, long blobId, int n) {
    return sql.preparedQuery(READ_CHUNK)
        .execute(Tuple.of(blobId, n))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBuffer(0));
  }

  Future<Void> dropBlob(SqlClient sql, long blobId) {
    return sql.preparedQuery(DROP_BLOB).execute(Tuple.of(blobId)).mapEmpty();
  }

  /** True when this blob became the stored content; false when it was stored already. */
  Future<Boolean> completeBlob(SqlClient sql, StoredBlob blob) {
    return sql.preparedQuery(COMPLETE_BLOB)
        .execute(
            Tuple.of(
                blob.id(),
                blob.sha256(),
                blob.size(),
                blob.mediaType(),
                blob.width(),
                blob.height()))
        .map(rows -> rows.size() == 1);
  }

  Future<Optional<StoredBlob>> blobByHash(SqlClient sql, String sha256) {
    return sql.preparedQuery(BLOB_BY_HASH)
        .execute(Tuple.of(sha256))
        .map(
            rows ->
                Rows.first(
                    rows,
                    r ->
                        new StoredBlob(
                            r.getLong("id"),
                            r.getString("sha256"),
                            r.getLong("size"),
                            r.getString("media_type"),
                            r.getInteger("width"),
                            r.getInteger("height"))));
  }

  /** The id of the page's attachment named {@code name}, created when missing; locked. */
  Future<Long> lockOrCreate(SqlClient sql, long pageId, String name) {
    return sql.preparedQuery(NEW_ATTACHMENT)
        .execute(Tuple.of(pageId, name))
        .compose(
            created -> {
              if (created.size() == 1) {
                return Future.succeededFuture(created.iterator().next().getLong("id"));
              }
              return sql.preparedQuery(LOCK_BY_NAME)
                  .execute(Tuple.of(pageId, name))
                  .map(rows -> rows.iterator().next().getLong("id"));
            });
  }

  Future<Integer> addVersion(SqlClient sql, long attachmentId, long blobId, long userId) {
    return sql.preparedQuery(NEW_VERSION)
        .execute(Tuple.of(attachmentId, blobId, userId))
        .map(rows -> rows.iterator().next().getInteger("number"));
  }

  Future<Void> queueText(SqlClient sql, String sha256) {
    return sql.preparedQuery(QUEUE_TEXT).execute(Tuple.of(sha256)).mapEmpty();
  }

  /** The page's search documents must be made again (every server's indexer reads the row). */
  Future<Void> pageChanged(SqlClient sql, long pageId) {
    return sql.preparedQuery(PAGE_CHANGED)
        .execute(Tuple.of(pageId))
        .compose(v -> sql.query(NOTIFY).execute())
        .mapEmpty();
  }

  /** The page's attachments (hidden ones too when {@code withHidden}), or only the named one. */
  Future<List<Attachment>> list(SqlClient sql, long pageId, boolean withHidden, String name) {
    return sql.preparedQuery(LIST)
        .execute(Tuple.of(pageId, withHidden, name))
        .map(
            rows -> {
              Map<Long, List<Row>> byId = new LinkedHashMap<>();
              rows.forEach(
                  r -> byId.computeIfAbsent(r.getLong("id"), k -> new ArrayList<>()).add(r));
              List<Attachment> list = new ArrayList<>();
              byId.values().forEach(group -> list.add(attachment(group)));
              return list;
            });
  }

  private static Attachment attachment(List<Row> group) {
    Row first = group.getFirst();
    List<AttachmentVersion> versions = new ArrayList<>();
    for (Row r : group) {
      versions.add(
          new AttachmentVersion(
              r.getInteger("number"),
              r.getLong("blob_id"),
              r.getString("sha256"),
              r.getLong("size"),
              r.getString("media_type"),
              r.getInteger("width"),
              r.getInteger("height"),
              r.getString("login"),
              r.getOffsetDateTime("uploaded_at")));
    }
    return new Attachment(
        first.getLong("id"),
        first.getLong("page_id"),
        first.getString("name"),
        first.getBoolean("hidden"),
        first.getOffsetDateTime("created_at"),
        versions,
        first.getString("text_status"),
        first.getLong("downloads"));
  }

  Future<Void> hide(SqlClient sql, long attachmentId, boolean hidden, String reason, long by) {
    return sql.preparedQuery(HIDE).execute(Tuple.of(attachmentId, hidden, reason, by)).mapEmpty();
  }

  Future<ExtractedText> text(SqlClient sql, String sha256) {
    return sql.preparedQuery("SELECT status, error, text FROM attachment_texts WHERE sha256 = $1")
        .execute(Tuple.of(sha256))
        .map(
            rows ->
                Rows.first(
                        rows,
                        r ->
                            new ExtractedText(
                                r.getString("status"), r.getString("error"), r.getString("text")))
                    .orElse(new ExtractedText(null, null, null)));
  }

  Future<Void> downloaded(SqlClient sql, long attachmentId, LocalDate day) {
    return sql.preparedQuery(DOWNLOADED).execute(Tuple.of(attachmentId, day)).mapEmpty();
  }
}
