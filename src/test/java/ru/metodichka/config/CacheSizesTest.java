package ru.metodichka.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheSizesTest {
  @Test
  void theCachesTogetherTakeAtMostASixthOfTheHeap() {
    long together = CacheSizes.RENDERED_TEXTS + CacheSizes.PUBLIC_PAGES + CacheSizes.SIMILAR_PAGES;

    assertThat(together).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / 6);
  }

  @Test
  void aRussianStringWeighsTwoBytesACharacterAndItsObject() {
    assertThat(CacheSizes.bytes("урок")).isEqualTo(40 + 8);
    assertThat(CacheSizes.bytes("")).isEqualTo(40);
    assertThat(CacheSizes.bytes(null)).isZero();
  }
}
