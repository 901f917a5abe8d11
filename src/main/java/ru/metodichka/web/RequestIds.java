package ru.metodichka.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it looks sane), echoed in the
 * response, so a user's error report can be matched with the log line.
 */
final class RequestIds implements Handler<RoutingContext> {
  private static final String KEY = "requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Override
  public void handle(RoutingContext ctx) {
    String id = id(ctx.request());
    ctx.put(KEY, id);
    ctx.response().putHeader("X-Request-Id", id);
    ctx.next();
  }

  /** The caller's id when it looks sane, else a new one. */
  static String id(HttpServerRequest request) {
    String given = request.getHeader("X-Request-Id");
    return given != null && SANE.matcher(given).matches()
        ? given
        : Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id != null ? id : "-";
  }
}
