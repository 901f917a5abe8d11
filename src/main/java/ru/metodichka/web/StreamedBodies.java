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
 * skipped. A body that is not multipart is paused as a whole, for the route to read or refuse.
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
      // A body sent as it is (a route may read it as a stream of its own): held until the route
      // sets its handler, so nothing arrives while the user is being found.
      request.pause();
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

  /**
   * The first file part of the request's multipart body, resumed up to it (the router holds the
   * request paused): the part itself comes paused until its content has somewhere to go.
   */
  public static Future<HttpServerFileUpload> firstFileArriving(RoutingContext ctx) {
    Future<HttpServerFileUpload> file = firstFile(ctx);
    if (!file.isComplete()) {
      ctx.request().resume();
    }
    return file;
  }

  /** Whether the request's body is multipart form data. */
  public static boolean multipart(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** The declared length of the request's body, or -1 when it declares none. */
  public static long contentLength(HttpServerRequest request) {
    try {
      String length = request.getHeader("Content-Length");
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The rest of a body not read is not waited for: the connection closes after the answer. */
  public static void closeAfter(RoutingContext ctx) {
    if (!ctx.request().isEnded()) {
      ctx.response().putHeader("Connection", "close");
      ctx.response().endHandler(v -> ctx.request().connection().close());
    }
  }

  /** Fails the request (unless answered already), closing the connection after the answer. */
  public static void fail(RoutingContext ctx, Throwable failure) {
    if (ctx.response().ended() || ctx.failed()) {
      return;
    }
    closeAfter(ctx);
    ctx.fail(failure);
  }

  /** 413, and the connection closed: the rest of an oversized body is not read. */
  public static void tooLarge(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.failed()) {
      return;
    }
    closeAfter(ctx);
    ctx.fail(413);
  }

  /** The first file part of the request's multipart body, paused; fails when there is none. */
  public static Future<HttpServerFileUpload> firstFile(RoutingContext ctx) {
    Future<HttpServerFileUpload> file = ctx.get(KEY);
    return file != null ? file : Future.failedFuture(new NoSuchElementException("not streamed"));
  }
}
