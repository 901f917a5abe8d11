package ru.metodichka.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.db.DatabaseErrors;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;

/**
 * Turns every failure into a response: {@code application/problem+json} for the API and health, a
 * friendly Russian page for people. Server errors are logged once with the request id; clients
 * never see stack traces or SQL.
 */
final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
  private final Templates templates;

  FailureHandler(Templates templates) {
    this.templates = templates;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (ctx.failure() instanceof AppError error && error.status() == 301) {
      moved(ctx, error.extras().getJsonObject(AppError.MOVED_TO));
      return;
    }
    Locale locale = Locales.of(ctx);
    JsonObject problem = problemFor(ctx, locale);
    int status = problem.getInteger("status");
    ctx.response().setStatusCode(status);
    if (status == 401 && ctx.request().path().startsWith("/api/")) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"metodichka\"");
    }
    if (status == 503) {
      ctx.response().putHeader("Retry-After", "5");
    }
    if (problem.getValue(AppError.RETRY_AFTER) instanceof Number seconds) {
      ctx.response().putHeader("Retry-After", Long.toString(seconds.longValue()));
    }
    if (wantsJson(ctx)) {
      ctx.response().putHeader("Content-Type", Problems.CONTENT_TYPE).end(problem.encode());
    } else {
      ctx.response()
          .putHeader("Content-Type", "text/html; charset=utf-8")
          .end(errorPage(ctx, problem, locale));
    }
  }

  /** The site's error screen; the bare one if even that fails (the template is not the cause). */
  private String errorPage(RoutingContext ctx, JsonObject problem, Locale locale) {
    try {
      return templates.html(
          ctx,
          "error.jte",
          Map.of("problem", problem, "login", problem.getInteger("status") == 401));
    } catch (RuntimeException e) {
      LOG.error("Request {}: the error page failed to render", RequestIds.of(ctx), e);
      return ErrorPage.render(problem, locale);
    }
  }

  private JsonObject problemFor(RoutingContext ctx, Locale locale) {
    Throwable failure = ctx.failure();
    if (failure instanceof AppError error) {
      return Problems.toJson(error, locale);
    }
    if (failure instanceof HttpException http) {
      return byStatus(ctx, http.getStatusCode(), locale);
    }
    String state = DatabaseErrors.sqlState(failure);
    if (state != null && state.startsWith("22")) {
      // A data exception (e.g. a character PostgreSQL cannot store) is the client's input.
      return Problems.of(400, "bad_request", locale);
    }
    if (failure != null && DatabaseErrors.isUnavailable(failure)) {
      LOG.warn(
          "Request {} failed: database unavailable ({})", RequestIds.of(ctx), failure.toString());
      return Problems.of(503, "database_unavailable", locale);
    }
    if (failure != null) {
      LOG.error(
          "Request {} {} {} failed",
          RequestIds.of(ctx),
          ctx.request().method(),
          ctx.request().path(),
          failure);
      return Problems.of(500, "internal_error", locale, RequestIds.of(ctx));
    }
    if (ctx.statusCode() < 0 && BAD_ESCAPE.matcher(ctx.request().uri()).find()) {
      // Vert.x's router gives up on a path like /api/%ZZ without a status: the client's URL is bad.
      return Problems.of(400, "bad_request", locale);
    }
    return byStatus(ctx, ctx.statusCode(), locale);
  }

  private static JsonObject byStatus(RoutingContext ctx, int status, Locale locale) {
    String code =
        switch (status) {
          case 400 -> "bad_request";
          case 401 -> "authentication_required";
          case 403 -> "forbidden";
          case 404 -> "not_found";
          case 405 -> "method_not_allowed";
          case 406 -> "not_acceptable";
          case 413 -> "body_too_large";
          case 415 -> "unsupported_media_type";
          default -> status >= 400 && status < 500 ? "bad_request" : "internal_error";
        };
    if (code.equals("internal_error")) {
      LOG.error(
          "Request {} {} {} ended with status {}",
          RequestIds.of(ctx),
          ctx.request().method(),
          ctx.request().path(),
          status);
      return Problems.of(500, code, locale, RequestIds.of(ctx));
    }
    return Problems.of(status, code, locale, "");
  }

  /**
   * Sends the client to the request's own address with the moved path parameters' new values: 301
   * for GET and HEAD, 308 otherwise (the client repeats its method and body there). The query
   * string goes along.
   */
  private static void moved(RoutingContext ctx, JsonObject movedTo) {
    String[] segments = ctx.request().path().split("/", -1);
    int from = 0;
    for (String name : movedTo.fieldNames()) {
      String old = ctx.pathParam(name);
      for (int i = from; i < segments.length; i++) {
        if (old != null && old.equals(decoded(segments[i]))) {
          segments[i] = movedTo.getString(name);
          from = i + 1;
          break;
        }
      }
    }
    String query = ctx.request().query();
    String location = String.join("/", segments) + (query == null ? "" : "?" + query);
    HttpMethod method = ctx.request().method();
    boolean read = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
    ctx.response()
        .setStatusCode(read ? 301 : 308)
        .putHeader("Location", Redirect.encoded(location))
        .end();
  }

  private static String decoded(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  private static boolean wantsJson(RoutingContext ctx) {
    String path = ctx.request().path();
    return path.startsWith("/api/") || path.equals("/api") || path.equals("/health");
  }
}
