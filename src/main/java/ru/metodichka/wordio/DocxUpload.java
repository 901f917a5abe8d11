package ru.metodichka.wordio;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;
import java.nio.file.Path;

/**
 * A Word document sent for import, written to a temporary file as it arrives (the stream paused
 * while the disk catches up), at most a limit of bytes: beyond it the future fails with {@link
 * TooLarge} and the file is deleted. POI then reads the file, not a copy in memory. The caller
 * deletes the file when done ({@link #delete}).
 */
final class DocxUpload {
  private DocxUpload() {}

  /** A document cut at the limit. */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("over the import size limit", null, false, false);
    }
  }

  /** Saves what {@code in} delivers (paused, or not yet flowing) to a new temporary file. */
  static Future<Path> save(Vertx vertx, ReadStream<Buffer> in, long maxBytes) {
    in.pause();
    return vertx
        .fileSystem()
        .createTempFile("metodichka-import-", ".docx")
        .compose(
            path ->
                vertx
                    .fileSystem()
                    .open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
                    .compose(file -> copy(in, file, maxBytes))
                    .map(Path.of(path))
                    .recover(
                        failure ->
                            delete(vertx, Path.of(path))
                                .transform(v -> Future.failedFuture(failure))));
  }

  private static Future<Void> copy(ReadStream<Buffer> in, AsyncFile file, long maxBytes) {
    Promise<Void> done = Promise.promise();
    long[] size = {0};
    in.exceptionHandler(e -> file.close().onComplete(v -> done.tryFail(e)));
    in.handler(
        buffer -> {
          if (done.future().isComplete()) {
            return;
          }
          size[0] += buffer.length();
          if (size[0] > maxBytes) {
            // The rest is read and thrown away; the response says why and closes the connection.
            in.handler(ignored -> {});
            file.close().onComplete(v -> done.tryFail(new TooLarge()));
            return;
          }
          file.write(buffer);
          if (file.writeQueueFull()) {
            in.pause();
            file.drainHandler(v -> in.resume());
          }
        });
    in.endHandler(v -> file.close().onComplete(closed -> done.tryComplete()));
    in.resume();
    return done.future();
  }

  /** Deletes the temporary file; never fails. */
  static Future<Void> delete(Vertx vertx, Path path) {
    return vertx.fileSystem().delete(path.toString()).otherwiseEmpty();
  }
}
