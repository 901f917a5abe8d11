package ru.metodichka.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI 3 description of the API, {@code /api/openapi.yaml}. */
final class OpenApiDocument {
  static final String RESOURCE = "openapi.yaml";
  private static final Buffer DOCUMENT = load();

  private OpenApiDocument() {}

  static void serve(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(DOCUMENT);
  }

  private static Buffer load() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
