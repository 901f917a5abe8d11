package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The waiting helper the integration tests share: what it returns and how it fails. */
class EventuallyTest {
  private static final Duration LONG = Duration.ofMinutes(1);

  @Test
  void returnsTheFirstAnswerTheConditionAccepts() {
    AtomicInteger calls = new AtomicInteger();
    int answer = Eventually.until("three calls", LONG, calls::incrementAndGet, n -> n >= 3);
    assertThat(answer).isEqualTo(3);
  }

  @Test
  void failsNamingWhatWasAwaitedAndTheLastAnswer() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () -> Eventually.until("a miracle", Duration.ZERO, calls::incrementAndGet, n -> n < 0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Waited 0.0 s for a miracle; the last answer was: 1");
  }

  @Test
  void aProbeThatThrowsFailsAtOnceWithTheCause() {
    IOException broken = new IOException("connection refused");
    assertThatThrownBy(
            () ->
                Eventually.until(
                    "an answer",
                    LONG,
                    () -> {
                      throw broken;
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("an answer")
        .hasCause(broken);
  }

  @Test
  void aLongLastAnswerIsShortenedInTheMessage() {
    String screen = "x".repeat(10_000);
    assertThatThrownBy(
            () -> Eventually.until("a short screen", Duration.ZERO, () -> screen, s -> s.isEmpty()))
        .hasMessageEndingWith("… (10000 characters)");
  }

  @Test
  void atMostGivesUpQuietlyWithTheLastAnswer() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(Eventually.atMost(Duration.ZERO, calls::incrementAndGet, n -> n < 0)).isEqualTo(1);
  }
}
