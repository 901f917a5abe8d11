package ru.metodichka.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's ceiling: a bare Vert.x HTTP server that answers every request with the same bytes
 * the real server sent for a page, with one instance per core as the real server deploys. Whatever
 * Metodichka adds on top of this (routing, sessions, SQL, templates) is what the page-view/ceiling
 * ratio measures. {@code bench/run.sh} runs it on the test classpath.
 *
 * <p>Usage: {@code BareServer PORT FILE}.
 */
public final class BareServer extends VerticleBase {
  private final int port;
  private final Buffer body;

  private BareServer(int port, Buffer body) {
    this.port = port;
    this.body = body;
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer()
        .requestHandler(
            request ->
                request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(body))
        .listen(port);
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
    int instances = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx();
    vertx
        .deployVerticle(
            () -> new BareServer(port, body), new DeploymentOptions().setInstances(instances))
        .await();
    System.out.println("Bare server on port " + port + " with " + instances + " instances");
  }
}
