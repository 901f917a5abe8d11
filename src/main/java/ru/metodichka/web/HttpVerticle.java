package ru.metodichka.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import ru.metodichka.Services;
import ru.metodichka.config.AppConfig;

/**
 * The HTTP server: one router with the API under {@code /api}, health, static files, and one
 * failure handler. Several instances may run, one per event loop; they share the services.
 */
public final class HttpVerticle extends VerticleBase {
  private final AppConfig.Http config;
  private final Services services;
  private HttpServer server;

  public HttpVerticle(AppConfig.Http config, Services services) {
    this.config = config;
    this.services = services;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler();
    router.route().handler(new RequestIds()).handler(new SecurityHeaders());
    new HealthRoutes(services.pool()).mount(router);
    router.route("/api/*").subRouter(api());
    // Static files everywhere but under /api, so an API miss stays a 404/405/415 problem.
    router
        .routeWithRegex("^/(?!api/).*")
        .handler(StaticHandler.create("webroot").setCachingEnabled(true));
    router.route().failureHandler(failures);
    for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) {
      router.errorHandler(status, failures);
    }
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(config.host())
                .setCompressionSupported(true)
                .setMaxFormAttributeSize(-1));
    return server.requestHandler(router).listen(config.port());
  }

  private Router api() {
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit()));
    api.get("/openapi.yaml").handler(OpenApiDocument::serve);
    api.route().handler(services.authHandler());
    services.sessionRoutes().mount(api);
    services.userRoutes().mount(api);
    services.communityRoutes().mount(api);
    services.pages().routes().mount(api);
    return api;
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
