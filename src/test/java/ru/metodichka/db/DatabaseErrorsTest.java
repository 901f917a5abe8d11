package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;

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
  void otherFailuresAreNotAnOutage() {
    assertThat(DatabaseErrors.isUnavailable(new IllegalStateException("a bug"))).isFalse();
  }
}
