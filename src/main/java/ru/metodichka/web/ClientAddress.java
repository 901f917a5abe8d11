package ru.metodichka.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.config.AddressRange;

/**
 * The address a request comes from, for throttling. It is the connection's peer, unless that peer
 * is one of the configured trusted proxies ({@code http.trusted-proxies}): then {@code
 * X-Forwarded-For} is read from the right, each trusted proxy's entry skipped, and the first other
 * address is the client. Entries left of it were written by the client and prove nothing, so a
 * client cannot pick its own address; without trusted proxies the header is never read.
 */
public final class ClientAddress {
  private static final String FORWARDED_FOR = "X-Forwarded-For";
  private final List<AddressRange> trustedProxies;

  public ClientAddress(List<AddressRange> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /** The client's address; the peer's when the request came through no trusted proxy. */
  public InetAddress of(RoutingContext ctx) {
    InetAddress peer = peer(ctx.request().remoteAddress());
    if (trustedProxies.isEmpty() || !trusted(peer)) {
      return peer;
    }
    return resolve(peer, ctx.request().headers().getAll(FORWARDED_FOR));
  }

  /** Whether the request's connection comes from one of the trusted proxies. */
  public boolean fromTrustedProxy(RoutingContext ctx) {
    return fromTrustedProxy(ctx.request());
  }

  /** The same for a request no router has seen. */
  public boolean fromTrustedProxy(HttpServerRequest request) {
    return !trustedProxies.isEmpty() && trusted(peer(request.remoteAddress()));
  }

  /**
   * The client behind {@code peer} according to the {@code X-Forwarded-For} headers (in the order
   * received). An entry that is not an IP address ends the walk at the last hop known.
   */
  InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
    List<String> hops = new ArrayList<>();
    forwardedFor.forEach(header -> hops.addAll(List.of(header.split(","))));
    InetAddress client = peer;
    for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
      InetAddress hop = literal(hops.get(i).strip());
      if (hop == null) {
        break;
      }
      client = hop;
    }
    return client;
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(range -> range.contains(address));
  }

  private static InetAddress peer(SocketAddress remote) {
    InetAddress address = remote == null ? null : literal(remote.hostAddress());
    // A Unix domain socket has no IP address: it can only be a local proxy.
    return address != null ? address : InetAddress.getLoopbackAddress();
  }

  /** An IP literal ({@code [v6]} brackets allowed), or null; never a name lookup. */
  private static InetAddress literal(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    try {
      return InetAddress.ofLiteral(bare);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
