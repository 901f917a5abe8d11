package ru.metodichka.web;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Absolute addresses of this site, for what is read away from it: feeds, the sitemap, robots.txt, a
 * page's JSON-LD and Open Graph tags. The configured {@code public-url} when there is one;
 * otherwise the address the request came to, which is right for a single server but trusts the
 * {@code Host} header, so deployments configure it.
 */
public final class PublicUrl {
  /** Host names and addresses as a Host header may carry them: nothing that could end a URL. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");

  private final Optional<String> configured;

  public PublicUrl(Optional<String> configured) {
    this.configured = configured;
  }

  /** {@code https://host[:port]}, without a trailing slash. */
  public String base(RoutingContext ctx) {
    return configured.orElseGet(() -> fromRequest(ctx));
  }

  /** The absolute address of a path of this site ({@code /c/…}); Cyrillic is percent-encoded. */
  public String of(RoutingContext ctx, String path) {
    return base(ctx) + Redirect.encoded(path);
  }

  private static String fromRequest(RoutingContext ctx) {
    String scheme = SecurityHeaders.isHttps(ctx) ? "https" : "http";
    HostAndPort authority = ctx.request().authority();
    String host = authority == null ? "localhost" : authority.host();
    if (!HOST.matcher(host).matches()) {
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
