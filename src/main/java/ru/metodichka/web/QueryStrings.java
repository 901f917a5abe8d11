package ru.metodichka.web;

import io.vertx.ext.web.RoutingContext;
import ru.metodichka.error.AppError;

/**
 * Refuses a query string that is not valid percent-encoding ({@code ?q=%}, {@code ?q=%ZZ}) with a
 * 400 {@code malformed_query}, before any route with path parameters is matched.
 *
 * <p>Why it is needed: Vert.x decodes the query lazily, and the first decoding often happens while
 * the router matches a route such as {@code /communities/:community/pages/:slug/diff} ({@code
 * RouteState.addPathParam} adds the path parameters to {@code request.params()}). Netty's {@code
 * QueryStringDecoder} then throws there, outside any handler, and the router answers a bare "Bad
 * Request" text that our failure handler never sees.
 */
final class QueryStrings {
  private QueryStrings() {}

  static void check(RoutingContext ctx) {
    try {
      // Decodes once; the request keeps the result, so later reads cost nothing.
      ctx.request().params();
    } catch (IllegalArgumentException e) {
      ctx.fail(AppError.badRequest("malformed_query"));
      return;
    }
    ctx.next();
  }
}
