package ru.metodichka.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Absolute addresses of this site, for what is read away from it: feeds, the sitemap, robots.txt, a
 * page's JSON-LD and Open Graph tags. The configured {@code public-url} when there is one;
 * otherwise the address the request came to, which is right for a single server but trusts the
 * {@code Host} header, so deployments configure it.
 */
public final class PublicUrl {

  private final Optional<String> configured;

  public PublicUrl(Optional<String> configured) {
    this.configured = configured;
  }

  /** {@code https://host[:port]}, without a trailing slash. */
  public String base(RoutingContext ctx) {
    return base(ctx.request(), SecurityHeaders.isHttps(ctx));
  }

  /** The same for a request no router has seen; {@code https} as {@link SecurityHeaders} says. */
  public String base(HttpServerRequest request, boolean https) {
    return configured.orElseGet(() -> fromRequest(request, https));
  }

  /** The absolute address of a path of this site ({@code /c/…}); Cyrillic is percent-encoded. */
  public String of(RoutingContext ctx, String path) {
    return base(ctx) + Redirect.encoded(path);
  }

  /**
   * Host names and addresses as a Host header may carry them ({@code [A-Za-z0-9.\-\[\]:]+}):
   * nothing that could end a URL. A loop, not a regular expression: it runs on every page view.
   */
  static boolean hostName(String host) {
    if (host.isEmpty()) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '['
              || c == ']'
              || c == ':';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static String fromRequest(HttpServerRequest request, boolean https) {
    String scheme = https ? "https" : "http";
    HostAndPort authority = request.authority();
    String host = authority == null ? "localhost" : authority.host();
    if (!hostName(host)) {
      host = "localhost";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    int port = authority == null ? -1 : authority.port();
    boolean defaultPort =
        port < 0
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
