package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * How stored contents go out — a page's files, their previews, files kept for a page — so that
 * nothing in them can run on the site: the type sniffed from the content, {@code
 * Content-Disposition: attachment} for anything but raster images and plain text, {@code nosniff},
 * a sandboxing Content-Security-Policy, and the content's SHA-256 as the {@code ETag}.
 */
final class ServedFiles {
  static final String DOWNLOAD_CSP = "sandbox; default-src 'none'; img-src 'self'";

  private ServedFiles() {}

  /** Sends the preview of {@code image} (the image itself when it needs none). */
  static Future<Void> shown(
      RoutingContext ctx, AttachmentService service, String name, StoredBlob image) {
    return service
        .previews()
        .of(image, name)
        .map(
            preview -> {
              if (!notModified(ctx, preview.sha256())) {
                send(ctx, name, preview, () -> service.blobs().send(preview.id(), ctx.response()));
              }
              return null;
            });
  }

  /**
   * The headers every served content gets (its hash as the ETag; revalidated on every use, as the
   * name may get a new version and the page may leave its reader's sight); a 304 when the client
   * has this content already.
   */
  static boolean notModified(RoutingContext ctx, String sha256) {
    String etag = "\"" + sha256 + "\"";
    ctx.response()
        .putHeader("ETag", etag)
        .putHeader("Cache-Control", "private, no-cache")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", DOWNLOAD_CSP);
    if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
      ctx.response().setStatusCode(304).end();
      return true;
    }
    return false;
  }

  /** Sends a content under a name: its sniffed type, inline only for what cannot run. */
  static void send(
      RoutingContext ctx, String name, StoredBlob blob, Supplier<Future<Void>> sending) {
    HttpServerResponse response = ctx.response();
    response
        .putHeader("Content-Type", ContentTypes.served(blob.mediaType()))
        .putHeader("Content-Length", Long.toString(blob.size()))
        .putHeader("Content-Encoding", "identity")
        .putHeader("Content-Disposition", disposition(ContentTypes.inline(blob.mediaType()), name));
    sending
        .get()
        .onFailure(
            e -> {
              if (!response.ended()) {
                response.reset();
              }
            });
  }

  /** RFC 6266: an ASCII fallback name and the real one in UTF-8. */
  static String disposition(boolean inline, String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return (inline ? "inline" : "attachment")
        + "; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + encoded;
  }
}
