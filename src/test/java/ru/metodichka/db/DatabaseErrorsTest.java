package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {
  @Test
  void aConnectionResetByAStoppingServerMeansTheDatabaseIsUnavailable() {
    // What the Pg client reports when PostgreSQL stops while a query waits for its answer.
    assertThat(DatabaseErrors.isUnavailable(new SocketException("Connection reset"))).isTrue();
    assertThat(DatabaseErrors.isUnavailable(new RuntimeException(new SocketException("x"))))
        .isTrue();
  }

  @Test
  void aRefusedConnectionMeansTheDatabaseIsUnavailable() {
    assertThat(DatabaseErrors.isUnavailable(new ConnectException("refused"))).isTrue();
  }

  @Test
  void aResetWhileThePgClientWritesMeansTheDatabaseIsUnavailable() {
    // Seen in DatabaseStopIT: NIO's plain IOException, thrown under the client's encoder.
    IOException reset = new IOException("Connection reset by peer");
    reset.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("sun.nio.ch.SocketDispatcher", "write0", null, -1),
          new StackTraceElement("io.vertx.pgclient.impl.codec.PgEncoder", "flush", null, 535)
        });
    assertThat(DatabaseErrors.isUnavailable(reset)).isTrue();
  }

  @Test
  void otherFailuresAreNotAnOutage() {
    assertThat(DatabaseErrors.isUnavailable(new IllegalStateException("a bug"))).isFalse();
    // An I/O failure of our own (the search index's disk) is not the database's.
    IOException disk = new IOException("No space left on device");
    disk.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("org.apache.lucene.store.FSDirectory", "sync", null, -1)
        });
    assertThat(DatabaseErrors.isUnavailable(disk)).isFalse();
  }
}
