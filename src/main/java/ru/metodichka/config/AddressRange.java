package ru.metodichka.config;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IP address or a CIDR range of them ({@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code fd00::/8}),
 * as the trusted proxies are configured. Parsed without name lookups: a host name is an error.
 */
public record AddressRange(InetAddress network, int prefixLength) {

  /**
   * Parses one address or range; {@link IllegalArgumentException} for anything else.
   *
   * @throws IllegalArgumentException for a host name, a bad prefix or set bits past the prefix
   */
  public static AddressRange parse(String text) {
    String raw = text.strip();
    int slash = raw.indexOf('/');
    InetAddress address = literal(slash < 0 ? raw : raw.substring(0, slash), text);
    int bits = address.getAddress().length * 8;
    int prefix = slash < 0 ? bits : prefix(raw.substring(slash + 1), bits, text);
    if (!Arrays.equals(masked(address, prefix), address.getAddress())) {
      throw new IllegalArgumentException(
          "'" + text + "' has address bits set past its /" + prefix + " prefix");
    }
    return new AddressRange(address, prefix);
  }

  /** Whether the address lies in this range (an IPv4 address is never in an IPv6 range). */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.getAddress().length) {
      return false;
    }
    return Arrays.equals(masked(address, prefixLength), network.getAddress());
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }

  private static byte[] masked(InetAddress address, int prefix) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.clamp(prefix - i * 8L, 0, 8);
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    return bytes;
  }

  private static InetAddress literal(String address, String text) {
    try {
      return InetAddress.ofLiteral(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
    }
  }

  private static int prefix(String digits, int bits, String text) {
    try {
      int prefix = Integer.parseInt(digits);
      if (prefix >= 0 && prefix <= bits) {
        return prefix;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-" + bits);
  }
}
