package ru.metodichka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  @Test
  void aStrangerCountsForTheLoginAndTheAddressAndATrustedBrowserForItselfOnly() {
    InetAddress address = InetAddress.ofLiteral("203.0.113.5");
    var stranger = LoginThrottle.buckets("ivanova", address, Optional.empty());
    assertThat(stranger).hasSize(2);
    assertThat(stranger.get(0)).startsWith("login:").doesNotContain("ivanova");
    assertThat(stranger.get(1)).isEqualTo("address:203.0.113.5");
    assertThat(LoginThrottle.buckets("ivanova", address, Optional.of("d1")))
        .containsExactly("device:d1");
  }

  @Test
  void anIpv6AddressCountsByItsSlash64() {
    assertThat(LoginThrottle.network(InetAddress.ofLiteral("2001:db8:1:2:aaaa::1")))
        .isEqualTo(LoginThrottle.network(InetAddress.ofLiteral("2001:db8:1:2:bbbb::9")))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(LoginThrottle.network(InetAddress.ofLiteral("2001:db8:1:3::1")))
        .isNotEqualTo(LoginThrottle.network(InetAddress.ofLiteral("2001:db8:1:2::1")));
  }
}
