package ru.metodichka.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexSourceTest {
  private static final long MB = 1024 * 1024;

  @Test
  void aBatchHoldsAPagePerHalfMegabyteOfHeap() {
    assertThat(IndexSource.batchFor(176 * MB)).isEqualTo(352);
  }

  @Test
  void theReindexCommandsHeapReadsTheLargestBatches() {
    assertThat(IndexSource.batchFor(576 * MB)).isEqualTo(1000);
    assertThat(IndexSource.batchFor(16_384 * MB)).isEqualTo(1000);
  }

  @Test
  void aTinyHeapStillReadsAHundredPagesAtATime() {
    assertThat(IndexSource.batchFor(16 * MB)).isEqualTo(100);
  }
}
