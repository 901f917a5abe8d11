package ru.metodichka.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Multipart bodies that a route streams itself instead of the body handler reading them whole
 * ({@link ApiRoutes#streamedBodies}). The body is taken in hand as the request arrives, before any
 * asynchronous step (finding the user) could let it go by: its first file part is handed to the
 * route paused, so that nothing is read before the route decides to; further file parts are
 * skipped.
 */
public final class StreamedBodies {
  private static final String KEY = "metodichka.streamedUpload";

  private StreamedBodies() {}

  static void expect(RoutingContext ctx) {
    Promise<HttpServerFileUpload> first = Promise.promise();
    ctx.put(KEY, first.future());
    HttpServerRequest request = ctx.request();
    String type = request.getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      first.tryFail(new NoSuchElementException("not a multipart body"));
      return;
    }
    request.setExpectMultipart(true);
    AtomicBoolean taken = new AtomicBoolean();
    request.uploadHandler(
        upload -> {
          if (taken.compareAndSet(false, true)) {
            upload.pause();
            first.tryComplete(upload);
          } else {
            upload.handler(ignored -> {});
          }
        });
    request.exceptionHandler(first::tryFail);
    request.endHandler(v -> first.tryFail(new NoSuchElementException("no file part")));
  }

  /** The first file part of the request's multipart body, paused; fails when there is none. */
  public static Future<HttpServerFileUpload> firstFile(RoutingContext ctx) {
    Future<HttpServerFileUpload> file = ctx.get(KEY);
    return file != null ? file : Future.failedFuture(new NoSuchElementException("not streamed"));
  }
}
