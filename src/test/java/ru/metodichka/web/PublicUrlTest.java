package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicUrlTest {
  @Test
  void aHostHeaderIsTakenOnlyWhenNothingInItCouldEndAnAddress() {
    assertThat(PublicUrl.hostName("metodichka.example")).isTrue();
    assertThat(PublicUrl.hostName("IMC-Petrodvorets.spb.ru")).isTrue();
    assertThat(PublicUrl.hostName("[2001:db8::1]")).isTrue();
    assertThat(PublicUrl.hostName("127.0.0.1")).isTrue();
    assertThat(PublicUrl.hostName("")).isFalse();
    assertThat(PublicUrl.hostName("evil.example/path")).isFalse();
    assertThat(PublicUrl.hostName("evil.example?x")).isFalse();
    assertThat(PublicUrl.hostName("user@evil.example")).isFalse();
    assertThat(PublicUrl.hostName("методичка.рф")).isFalse();
    assertThat(PublicUrl.hostName("a b")).isFalse();
  }
}
