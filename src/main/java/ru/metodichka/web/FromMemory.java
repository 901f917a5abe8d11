package ru.metodichka.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;

/**
 * The server's first look at a request: a plain anonymous GET of a screen kept in memory ({@link
 * MemoryCopies}) is answered from there; anything else goes to the router. Profiled on a cached
 * page view, the router's part (a routing context per request, the route regular expressions tried
 * in order, the path decoded, the handlers run before a screen's) was over a third of the CPU time,
 * for an answer that is the same bytes for every anonymous reader. The answer is what the router
 * would send: the same request id and security headers ({@link RequestIds}, {@link
 * SecurityHeaders}), and only for a request the router would treat as anonymous ({@link
 * AuthHandler#carriesToken}) with no query and no body, in the language {@link Locales} picks.
 */
final class FromMemory implements Handler<HttpServerRequest> {
  private static final String HTML = "text/html; charset=utf-8";
  private final Router router;
  private final MemoryCopies copies;
  private final ClientAddress proxies;
  private final PublicUrl publicUrl;

  FromMemory(Router router, MemoryCopies copies, ClientAddress proxies, PublicUrl publicUrl) {
    this.router = router;
    this.copies = copies;
    this.proxies = proxies;
    this.publicUrl = publicUrl;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (!plain(request)) {
      router.handle(request);
      return;
    }
    boolean https = SecurityHeaders.https(request, proxies);
    Buffer copy =
        copies.copy(
            publicUrl.base(request, https), request.uri(), Locales.of(request).getLanguage());
    if (copy == null) {
      router.handle(request);
      return;
    }
    HttpServerResponse response = request.response();
    response.putHeader("X-Request-Id", RequestIds.id(request));
    response.putHeader("Content-Type", HTML);
    SecurityHeaders.set(
        response.headers(), https, SecurityHeaders.carriesCredentials(request, response));
    response.end(copy);
  }

  /** A GET with no query, no body and no token: every anonymous reader's request alike. */
  private static boolean plain(HttpServerRequest request) {
    return request.method() == HttpMethod.GET
        && request.query() == null
        && noBody(request)
        && !AuthHandler.carriesToken(request);
  }

  private static boolean noBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    return (length == null || length.equals("0")) && request.getHeader("Transfer-Encoding") == null;
  }
}
