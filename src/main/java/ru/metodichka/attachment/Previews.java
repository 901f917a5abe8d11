package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.error.AppError;

/**
 * What a page shows of an image: the image itself when it is at most {@value ImagePreviews#WIDTH}
 * pixels wide (an animated GIF stays animated), else a resized copy made the first time it is asked
 * for ({@link ImagePreviews}, on the images' workers, never on an event loop) and kept as a blob in
 * PostgreSQL ({@code attachment_previews}), so each image is resized once whatever the number of
 * pages, readers and servers. Requests for a preview being made wait for that one. An image whose
 * preview could not be made (a damaged file) is shown as it is: a browser may still show part of
 * it. Files that are not images a page may show ({@link Images#shown}) have no preview: 404.
 */
final class Previews {
  private static final Logger LOG = LoggerFactory.getLogger(Previews.class);
  private final Pool pool;
  private final BlobStore blobs;
  private final PreviewRepository repository = new PreviewRepository();
  private final WorkerExecutor workers;
  private final Map<Long, Future<StoredBlob>> making = new ConcurrentHashMap<>();

  /**
   * @param workers where images are decoded and resized: a small pool (each holds an image)
   */
  Previews(Pool pool, BlobStore blobs, WorkerExecutor workers) {
    this.pool = pool;
    this.blobs = blobs;
    this.workers = workers;
  }

  /** The blob to send for an image shown on a page; 404 for a file that is not one. */
  Future<StoredBlob> of(StoredBlob image, String name) {
    if (!Images.shown(image.mediaType(), image.width(), image.height())) {
      return Future.failedFuture(AppError.notFound("attachment_no_preview", name));
    }
    if (!ImagePreviews.needed(image.width())) {
      return Future.succeededFuture(image);
    }
    return repository
        .find(pool, image.id(), ImagePreviews.WIDTH)
        .compose(
            found -> {
              if (found.isPresent()) {
                StoredBlob preview = found.get().preview();
                return Future.succeededFuture(preview == null ? image : preview);
              }
              return making.computeIfAbsent(image.id(), id -> make(image));
            });
  }

  private Future<StoredBlob> make(StoredBlob image) {
    return blobs
        .read(image.id())
        .compose(
            bytes ->
                workers
                    .executeBlocking(() -> ImagePreviews.make(bytes.getBytes()), false)
                    // Only the image's own failure is kept: a database that did not answer is
                    // asked again next time.
                    .compose(made -> keep(image, made), failure -> failed(image, failure)))
        .onComplete(done -> making.remove(image.id()));
  }

  private Future<StoredBlob> keep(StoredBlob image, ImagePreviews.Made made) {
    String name = made.mediaType().equals("image/png") ? "preview.png" : "preview.jpg";
    return blobs
        .receive(new BufferStream(Buffer.buffer(made.bytes())), name, Long.MAX_VALUE)
        .compose(
            preview ->
                repository.done(pool, image.id(), ImagePreviews.WIDTH, preview.id()).map(preview));
  }

  private Future<StoredBlob> failed(StoredBlob image, Throwable failure) {
    LOG.warn("No preview of image {} ({}): {}", image.id(), image.mediaType(), failure.toString());
    String error = String.valueOf(failure.getMessage());
    return repository
        .failed(
            pool,
            image.id(),
            ImagePreviews.WIDTH,
            error.substring(0, Math.min(500, error.length())))
        .map(image);
  }
}
