package ru.metodichka.web;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.error.Problems;

/**
 * Answers a request that is not valid HTTP/1.x (a raw space or tab in the request line, a line
 * without a version, a request line or headers over the limits) with a problem document, then
 * closes the connection.
 *
 * <p>Netty cannot parse such a request, so the router never sees it: Vert.x hands it to the
 * server's invalid-request handler, whose default answers an empty 400/414/431. Its headers were
 * not read, so the client's language is unknown and the texts are Russian. The connection is closed
 * because where the next request would start in the stream can no longer be trusted.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(InvalidRequests.class);

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    JsonObject problem =
        switch (cause) {
          case TooLongHttpLineException tooLong ->
              Problems.of(414, "uri_too_long", Locales.RUSSIAN);
          case TooLongHttpHeaderException tooLarge ->
              Problems.of(431, "headers_too_large", Locales.RUSSIAN);
          case null, default -> Problems.of(400, "bad_request", Locales.RUSSIAN);
        };
    // The client's mistake, not ours: no stack trace, and not above debug (easy to flood).
    LOG.debug(
        "Refused a malformed HTTP request from {}: {}",
        request.remoteAddress(),
        String.valueOf(cause));
    request
        .response()
        .setStatusCode(problem.getInteger("status"))
        .putHeader("Content-Type", Problems.CONTENT_TYPE)
        .putHeader("Connection", "close")
        .end(problem.encode())
        .onComplete(sent -> request.connection().close());
  }
}
