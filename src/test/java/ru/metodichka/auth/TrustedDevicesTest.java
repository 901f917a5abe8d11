package ru.metodichka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedDevicesTest {
  private final TrustedDevices devices = new TrustedDevices(new byte[32]);

  @Test
  void aCookieNamesItsDeviceForTheLoginItWasSignedForOnly() {
    String cookie = devices.cookieFor("ivanova", Optional.empty());
    Optional<String> device = devices.deviceId("ivanova", cookie);
    assertThat(device).isPresent();
    assertThat(devices.deviceId("petrov", cookie)).isEmpty();
    assertThat(devices.cookieFor("ivanova", device))
        .as("the same device keeps its id")
        .isEqualTo(cookie);
  }

  @Test
  void forgedTamperedOrMissingCookiesNameNoDevice() {
    String cookie = devices.cookieFor("ivanova", Optional.empty());
    String id = cookie.substring(0, cookie.indexOf('.'));
    assertThat(devices.deviceId("ivanova", "other" + cookie.substring(cookie.indexOf('.'))))
        .isEmpty();
    assertThat(devices.deviceId("ivanova", id + ".forged")).isEmpty();
    assertThat(devices.deviceId("ivanova", id)).isEmpty();
    assertThat(devices.deviceId("ivanova", null)).isEmpty();
    assertThat(new TrustedDevices(new byte[] {1}).deviceId("ivanova", cookie))
        .as("another deployment's key")
        .isEmpty();
  }
}
