package ru.metodichka.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import ru.metodichka.config.AppConfig;

/**
 * The HTTP server: one router with the API under {@code /api}, health, static files, and one
 * failure handler, behind the copies kept in memory for anonymous readers ({@link FromMemory}).
 * Several instances may run, one per event loop; they share the services.
 */
public final class HttpVerticle extends VerticleBase {
  static final int MAX_REQUEST_LINE = 128 * 1024;
  private final AppConfig.Http config;
  private final WebParts parts;
  private HttpServer server;

  public HttpVerticle(AppConfig.Http config, WebParts parts) {
    this.config = config;
    this.parts = parts;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler(parts.templates());
    ClientAddress proxies = new ClientAddress(config.trustedProxies());
    router.route().handler(new RequestIds()).handler(new SecurityHeaders(proxies));
    new HealthRoutes(parts.health()).mount(router);
    router.route("/api/*").subRouter(api());
    router
        .route("/assets/*")
        .handler(
            StaticHandler.create("webroot/assets").setCachingEnabled(true).setMaxAgeSeconds(3600));
    router.get("/favicon.ico").handler(ctx -> ctx.reroute("/assets/favicon.svg"));
    // Everything else is a screen: forms parsed (a long page is one big field), the user found
    // (the error page for a malformed query shows who is logged in), the query string checked
    // before a route with path parameters decodes it, and every POST checked for its CSRF token
    // before a screen sees it; then what the header tells a logged-in user. One route for all of
    // them: a route's path is matched once for all its handlers.
    router
        .routeWithRegex("^/(?!api/).*")
        .handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit()))
        .handler(parts.auth())
        .handler(QueryStrings::check)
        .handler(parts.csrf()::check)
        .handler(new HeaderFacts(parts.header()));
    router.get("/lang/:lang").handler(this::switchLanguage);
    parts.screens().forEach(screens -> screens.mount(router));
    router.route().failureHandler(failures);
    for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) {
      router.errorHandler(status, failures);
    }
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(config.host())
                .setCompressionSupported(true)
                // A search box accepts long texts (they are cut, not refused): 10,000 Cyrillic
                // letters take 60 KB once percent-encoded in the request line.
                .setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxFormAttributeSize(-1));
    // Requests Netty cannot parse never reach the router; they get a problem document too.
    server.invalidRequestHandler(new InvalidRequests());
    return server
        .requestHandler(new FromMemory(router, parts.copies(), proxies, parts.publicUrl()))
        .listen(config.port());
  }

  private Router api() {
    Router api = Router.router(vertx);
    // First: a malformed query string is refused before a body is read or a route matched.
    api.route().handler(QueryStrings::check);
    // Bodies read whole, up to http.body-limit; except uploads, which their routes stream.
    BodyHandler body = BodyHandler.create(false).setBodyLimit(config.bodyLimit());
    List<Pattern> streamed =
        parts.api().stream()
            .flatMap(routes -> routes.streamedBodies().stream())
            .map(Pattern::compile)
            .toList();
    api.route()
        .handler(
            ctx -> {
              boolean stream =
                  ctx.request().method() == HttpMethod.POST
                      && streamed.stream().anyMatch(p -> p.matcher(ctx.request().path()).matches());
              if (stream) {
                StreamedBodies.expect(ctx);
                ctx.next();
              } else {
                body.handle(ctx);
              }
            });
    api.get("/openapi.yaml").handler(OpenApiDocument::serve);
    api.route().handler(parts.auth());
    api.route().handler(parts.csrf()::check);
    api.get("/csrf").handler(this::csrfToken);
    parts.api().forEach(routes -> routes.mount(api));
    return api;
  }

  /** Remembers the language the user picked (for a year) and goes back where they were. */
  private void switchLanguage(RoutingContext ctx) {
    Locale locale = Locales.supported(ctx.pathParam("lang"));
    if (locale != null) {
      ctx.response()
          .addCookie(
              Cookie.cookie(Locales.COOKIE, locale.getLanguage())
                  .setPath("/")
                  .setMaxAge(Duration.ofDays(365).toSeconds())
                  .setSameSite(CookieSameSite.LAX)
                  .setSecure(SecurityHeaders.isHttps(ctx)));
    }
    ctx.redirect(Redirect.encoded(Templates.localPath(ctx.request().getParam("back"), "/")));
  }

  /** A fresh token for scripts whose page has grown stale (a new login in another tab). */
  private void csrfToken(RoutingContext ctx) {
    String token = parts.csrf().token(ctx);
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("token", token).encode());
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
