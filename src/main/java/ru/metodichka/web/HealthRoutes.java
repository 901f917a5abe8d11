package ru.metodichka.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import ru.metodichka.error.Problems;

/** {@code GET /health}: 200 when the database answers, 503 when it does not. */
final class HealthRoutes {
  private static final long TIMEOUT_MS = 2_000;
  private final Pool pool;

  HealthRoutes(Pool pool) {
    this.pool = pool;
  }

  void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    pool.query("SELECT 1")
        .execute()
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onSuccess(
            rows ->
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", "UP").encode()))
        .onFailure(
            e ->
                ctx.response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", Problems.CONTENT_TYPE)
                    .end(
                        Problems.of(503, "database_unavailable", Locales.of(ctx))
                            .put("status", 503)
                            .put("health", "DOWN")
                            .encode()));
  }
}
