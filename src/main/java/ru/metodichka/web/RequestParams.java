package ru.metodichka.web;

import io.vertx.ext.web.RoutingContext;
import ru.metodichka.error.AppError;

/** Typed access to path and query parameters; a malformed one is a 400 naming it. */
public final class RequestParams {
  private RequestParams() {}

  /** A required query parameter that must be a whole number in [min, max]. */
  public static int requiredInt(RoutingContext ctx, String name, int min, int max) {
    String raw = ctx.queryParams().get(name);
    if (raw == null) {
      throw AppError.badRequest("missing_parameter", name);
    }
    return parseInt(name, raw, min, max);
  }

  /** An optional query parameter, or the fallback. */
  public static int optionalInt(RoutingContext ctx, String name, int min, int max, int fallback) {
    String raw = ctx.queryParams().get(name);
    return raw == null ? fallback : parseInt(name, raw, min, max);
  }

  /** A path parameter that must be a whole number in [min, max]. */
  public static int pathInt(RoutingContext ctx, String name, int min, int max) {
    return parseInt(name, ctx.pathParam(name), min, max);
  }

  private static int parseInt(String name, String raw, int min, int max) {
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw AppError.badRequest("bad_parameter", name, min, max);
  }
}
