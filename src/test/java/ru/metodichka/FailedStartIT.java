package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A start that fails after the server has opened its parts closes every one of them, so a JVM whose
 * start failed ends instead of serving errors from half a server (Vert.x's threads keep a JVM
 * alive). Found when a second server was started on a port still held by the first.
 */
@OwnServerTest
class FailedStartIT {
  @Test
  void aTakenPortFailsTheStartAndLeavesNothingRunning() throws Exception {
    try (TestApp first = TestApp.start(Map.of())) {
      long eventLoops = threads("vert.x-eventloop-thread");
      long indexers = threads("search-indexer");
      int port = first.app().port();
      assertThatThrownBy(() -> TestApp.start(Map.of("http-port", String.valueOf(port))))
          .hasMessageContaining("Address already in use");
      Eventually.until(
          "the failed server's event loops and indexer to end",
          Duration.ofSeconds(10),
          () -> threads("vert.x-eventloop-thread") + "/" + threads("search-indexer"),
          seen -> seen.equals(eventLoops + "/" + indexers));
      assertThat(first.api().get("/health", null).status()).isEqualTo(200);
    }
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .count();
  }
}
