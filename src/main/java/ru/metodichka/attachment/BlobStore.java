package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Contents in PostgreSQL, streamed in and out in chunks of {@value #CHUNK} bytes: an upload is
 * written chunk by chunk as it arrives (the stream paused while a chunk is written, so memory holds
 * about one chunk per upload whatever the file's size), hashed on the way, and kept once per
 * SHA-256: a content stored already keeps its blob and the new copy is dropped. A download reads
 * one chunk at a time and waits for the client to take it before reading the next.
 */
final class BlobStore {
  static final int CHUNK = 512 * 1024;
  private final Pool pool;
  private final AttachmentRepository repository;

  BlobStore(Pool pool, AttachmentRepository repository) {
    this.pool = pool;
    this.repository = repository;
  }

  /** An upload cut at the limit. */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("over the size limit", null, false, false);
    }
  }

  /**
   * Stores what {@code in} delivers (paused on entry; resumed here), at most {@code maxBytes}
   * bytes: beyond that the future fails with {@link TooLarge} and the part written so far is
   * dropped. The name only refines the type the bytes show.
   */
  Future<StoredBlob> receive(ReadStream<Buffer> in, String name, long maxBytes) {
    return repository
        .newBlob(pool)
        .compose(id -> new Receiver(in, id, name, maxBytes).start())
        .compose(this::complete);
  }

  /** Keeps the blob, or the one already stored with the same content (dropping the new copy). */
  private Future<StoredBlob> complete(StoredBlob blob) {
    return repository
        .completeBlob(pool, blob)
        .recover(
            e ->
                e instanceof PgException pg && "23505".equals(pg.getSqlState())
                    ? Future.succeededFuture(false)
                    : Future.failedFuture(e))
        .compose(
            fresh ->
                fresh
                    ? Future.succeededFuture(blob)
                    : repository
                        .dropBlob(pool, blob.id())
                        .compose(v -> repository.blobByHash(pool, blob.sha256()))
                        .map(found -> found.orElseThrow()));
  }

  /** Writes the blob to the response, a chunk at a time, waiting for each write. */
  Future<Void> send(long blobId, HttpServerResponse response) {
    return sendFrom(blobId, 0, response);
  }

  private Future<Void> sendFrom(long blobId, int n, HttpServerResponse response) {
    return repository
        .readChunk(pool, blobId, n)
        .compose(
            bytes ->
                bytes == null
                    ? response.end()
                    : response.write(bytes).compose(v -> sendFrom(blobId, n + 1, response)));
  }

  /**
   * A blob's whole content in memory, read a chunk at a time: for images about to be resized, which
   * their decoder reads whole anyway (bounded by the upload limit).
   */
  Future<Buffer> read(long blobId) {
    return readFrom(blobId, 0, Buffer.buffer());
  }

  private Future<Buffer> readFrom(long blobId, int n, Buffer into) {
    return repository
        .readChunk(pool, blobId, n)
        .compose(
            bytes ->
                bytes == null
                    ? Future.succeededFuture(into)
                    : readFrom(blobId, n + 1, into.appendBuffer(bytes)));
  }

  /** Reads the blob's chunks in order, handing each to {@code sink} (blocking: not on a loop). */
  void copy(long blobId, java.io.OutputStream sink) throws java.io.IOException {
    for (int n = 0; ; n++) {
      Buffer bytes = repository.readChunk(pool, blobId, n).await();
      if (bytes == null) {
        return;
      }
      sink.write(bytes.getBytes());
    }
  }

  /** One upload being written. */
  private final class Receiver {
    private final ReadStream<Buffer> in;
    private final long id;
    private final String name;
    private final long maxBytes;
    private final MessageDigest digest = sha256();
    private final Promise<StoredBlob> done = Promise.promise();
    private byte[] head = new byte[0];
    private Buffer pending = Buffer.buffer();
    private long size;
    private int chunks;
    private boolean writing;
    private boolean ended;
    private boolean failed;

    Receiver(ReadStream<Buffer> in, long id, String name, long maxBytes) {
      this.in = in;
      this.id = id;
      this.name = name;
      this.maxBytes = maxBytes;
    }

    Future<StoredBlob> start() {
      in.handler(this::data);
      in.exceptionHandler(this::fail);
      in.endHandler(v -> end());
      in.resume();
      return done.future();
    }

    private void data(Buffer buffer) {
      if (failed) {
        return;
      }
      size += buffer.length();
      if (size > maxBytes) {
        fail(new TooLarge());
        return;
      }
      byte[] bytes = buffer.getBytes();
      digest.update(bytes);
      if (head.length < ContentTypes.HEAD) {
        int take = Math.min(bytes.length, ContentTypes.HEAD - head.length);
        byte[] grown = Arrays.copyOf(head, head.length + take);
        System.arraycopy(bytes, 0, grown, head.length, take);
        head = grown;
      }
      pending.appendBuffer(buffer);
      if (pending.length() >= CHUNK && !writing) {
        write();
      }
    }

    /** Writes the pending bytes as the next chunk, the stream paused meanwhile. */
    private void write() {
      writing = true;
      in.pause();
      Buffer chunk = pending;
      pending = Buffer.buffer();
      repository
          .chunk(pool, id, chunks++, chunk)
          .onFailure(this::fail)
          .onSuccess(
              v -> {
                writing = false;
                if (failed) {
                  return;
                }
                if (pending.length() >= CHUNK || (ended && pending.length() > 0)) {
                  write();
                } else if (ended) {
                  finish();
                } else {
                  in.resume();
                }
              });
    }

    private void end() {
      if (failed) {
        return;
      }
      ended = true;
      if (writing) {
        return;
      }
      if (pending.length() > 0) {
        write();
      } else {
        finish();
      }
    }

    private void finish() {
      String type = ContentTypes.detect(head, name);
      Integer[] dimensions = Images.dimensions(type, head);
      done.tryComplete(
          new StoredBlob(
              id,
              HexFormat.of().formatHex(digest.digest()),
              size,
              type,
              dimensions[0],
              dimensions[1]));
    }

    private void fail(Throwable e) {
      if (failed) {
        return;
      }
      failed = true;
      pending = Buffer.buffer();
      // The rest of a refused upload is read and thrown away (the response says why and closes).
      in.handler(b -> {});
      in.resume();
      repository.dropBlob(pool, id);
      done.tryFail(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
