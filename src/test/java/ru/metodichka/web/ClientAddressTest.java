package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.metodichka.config.AddressRange;

class ClientAddressTest {
  private final ClientAddress behindProxies =
      new ClientAddress(List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("::1")));

  private static InetAddress ip(String literal) {
    return InetAddress.ofLiteral(literal);
  }

  @Test
  void theClientIsTheFirstAddressFromTheRightThatIsNotATrustedProxy() {
    assertThat(behindProxies.resolve(ip("10.0.0.2"), List.of("203.0.113.7")))
        .isEqualTo(ip("203.0.113.7"));
    assertThat(behindProxies.resolve(ip("10.0.0.2"), List.of("203.0.113.7, 10.1.1.1")))
        .as("a chain of trusted proxies")
        .isEqualTo(ip("203.0.113.7"));
    assertThat(behindProxies.resolve(ip("::1"), List.of("1.2.3.4", "203.0.113.7, 10.1.1.1")))
        .as("several headers are one list; what the client wrote itself is ignored")
        .isEqualTo(ip("203.0.113.7"));
    assertThat(behindProxies.resolve(ip("10.0.0.2"), List.of("[2001:db8::1]")))
        .isEqualTo(ip("2001:db8::1"));
  }

  @Test
  void withoutAUsableHeaderTheLastKnownHopIsTheClient() {
    assertThat(behindProxies.resolve(ip("10.0.0.2"), List.of())).isEqualTo(ip("10.0.0.2"));
    assertThat(behindProxies.resolve(ip("10.0.0.2"), List.of("unknown, 10.0.0.9")))
        .isEqualTo(ip("10.0.0.9"));
    assertThat(behindProxies.resolve(ip("10.0.0.2"), List.of("example.org")))
        .as("never a name lookup")
        .isEqualTo(ip("10.0.0.2"));
  }

  @Test
  void aPeerThatIsNotATrustedProxyIsTheClientWhateverItClaims() {
    assertThat(behindProxies.resolve(ip("198.51.100.4"), List.of("203.0.113.7")))
        .isEqualTo(ip("198.51.100.4"));
    ClientAddress direct = new ClientAddress(List.of());
    assertThat(direct.resolve(ip("127.0.0.1"), List.of("203.0.113.7"))).isEqualTo(ip("127.0.0.1"));
  }
}
