package ru.metodichka.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangeTest {
  private static InetAddress ip(String literal) {
    return InetAddress.ofLiteral(literal);
  }

  @Test
  void aRangeHoldsTheAddressesOfItsPrefixAndNoOthers() {
    AddressRange ten = AddressRange.parse("10.0.0.0/8");
    assertThat(ten.contains(ip("10.255.1.2"))).isTrue();
    assertThat(ten.contains(ip("11.0.0.1"))).isFalse();
    AddressRange odd = AddressRange.parse("192.168.4.0/22");
    assertThat(odd.contains(ip("192.168.7.255"))).isTrue();
    assertThat(odd.contains(ip("192.168.8.0"))).isFalse();
    AddressRange v6 = AddressRange.parse(" fd00::/8 ");
    assertThat(v6.contains(ip("fd12:3456::1"))).isTrue();
    assertThat(v6.contains(ip("10.0.0.1"))).isFalse();
    assertThat(AddressRange.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
  }

  @Test
  void aBareAddressIsARangeOfOne() {
    AddressRange proxy = AddressRange.parse("10.0.0.5");
    assertThat(proxy.contains(ip("10.0.0.5"))).isTrue();
    assertThat(proxy.contains(ip("10.0.0.6"))).isFalse();
    assertThat(AddressRange.parse("::1").contains(ip("::1"))).isTrue();
  }

  @Test
  void namesBadPrefixesAndBitsPastThePrefixAreRefused() {
    for (String bad : new String[] {"proxy.local", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.1/8", ""}) {
      assertThatThrownBy(() -> AddressRange.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theConfigurationTakesACommaSeparatedListAndNamesTheKeyOfABadOne() {
    var ranges =
        ConfigLoader.load(
                new String[] {"--http-trusted-proxies=10.0.0.0/8, ::1"}, java.util.Map.of())
            .http()
            .trustedProxies();
    assertThat(ranges)
        .extracting(AddressRange::toString)
        .containsExactly("10.0.0.0/8", "0:0:0:0:0:0:0:1/128");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    new String[] {"--http-trusted-proxies=10.0.0.0/8,nginx"}, java.util.Map.of()))
        .hasMessageContaining("http.trusted-proxies")
        .hasMessageContaining("nginx");
  }
}
