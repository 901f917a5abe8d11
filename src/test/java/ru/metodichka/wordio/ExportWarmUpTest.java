package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The exports' warm-up writes its two documents on the given workers, and a failure of it is logged
 * and reported, never thrown: the server starts and exports as before.
 */
class ExportWarmUpTest {
  private Vertx vertx;
  private WorkerExecutor documents;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ExportWarmUp.class);

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    documents = vertx.createSharedWorkerExecutor("test-documents", 1);
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stop() throws Exception {
    logger.detachAppender(log);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theWarmUpWritesBothDocumentsOnTheDocumentsWorkers() throws Exception {
    assertThat(ExportWarmUp.start(documents).toCompletionStage().toCompletableFuture().get())
        .isTrue();
    assertThat(log.list)
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.INFO);
              assertThat(e.getThreadName()).startsWith("test-documents");
              assertThat(e.getFormattedMessage()).contains("Exports warmed up");
            });
  }

  @Test
  void aFailedWarmUpIsLoggedAndReportedNotThrown() throws Exception {
    var warmUp =
        ExportWarmUp.run(
            documents,
            () -> {
              throw new IllegalStateException("no fonts on this machine");
            });
    assertThat(warmUp.toCompletionStage().toCompletableFuture().get()).isFalse();
    assertThat(log.list)
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getThrowableProxy().getMessage()).isEqualTo("no fonts on this machine");
            });
  }
}
