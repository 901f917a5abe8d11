package ru.metodichka.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.db.DatabaseHealth;
import ru.metodichka.error.Problems;

/** {@code GET /health}: 200 when the database answers, 503 when it does not. */
final class HealthRoutes {
  private final DatabaseHealth database;

  HealthRoutes(DatabaseHealth database) {
    this.database = database;
  }

  void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    database
        .check()
        .onSuccess(
            v ->
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
