package ru.metodichka.db;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Recognises PostgreSQL failures: a unique key taken (→ 409 in the repository that knows which),
 * and "the database is not reachable right now" (→ 503).
 */
public final class DatabaseErrors {
  // Connection exceptions (class 08), shutdown in progress (57P01..57P03), too many connections.
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private DatabaseErrors() {}

  /** SQLSTATE 23505: a row with the same unique key exists (a slug, a login, a name taken). */
  public static boolean isUniqueViolation(Throwable failure) {
    return "23505".equals(sqlState(failure));
  }

  /**
   * For {@code future.recover(...)}: a unique violation becomes {@code conflict}'s error (a 409
   * naming what is taken); any other failure passes through unchanged.
   */
  public static <T> Function<Throwable, Future<T>> uniqueViolation(
      Supplier<? extends RuntimeException> conflict) {
    return e -> Future.failedFuture(isUniqueViolation(e) ? conflict.get() : e);
  }

  /** SQLSTATE of a PostgreSQL error, or null. */
  public static String sqlState(Throwable failure) {
    return failure instanceof PgException pg ? pg.getSqlState() : null;
  }

  /**
   * True when the failure (or a cause) is a lost, reset or refused connection, or a pool timeout.
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // SocketException covers a refused connection (ConnectException) and also one reset by a
      // server that is shutting down, which the client reports as it is, unwrapped.
      if (t instanceof SocketException
          || t instanceof TimeoutException
          || t instanceof ClosedConnectionException
          || isDatabaseSocketFailure(t)) {
        return true;
      }
      String state = sqlState(t);
      if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
        return true;
      }
      if (isPoolOrChannelFailure(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A plain IOException ("Connection reset by peer", "Broken pipe") that the NIO channel throws
   * when the PostgreSQL client writes to a server that has just gone: it is not a SocketException,
   * and only the client's frames on its stack tell it from a failing disk.
   */
  private static boolean isDatabaseSocketFailure(Throwable t) {
    if (!(t instanceof IOException)) {
      return false;
    }
    for (StackTraceElement frame : t.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("io.vertx.pgclient.") || type.startsWith("io.vertx.sqlclient.")) {
        return true;
      }
    }
    return false;
  }

  // Vert.x reports these as plain exceptions whose class or message is the only signal.
  private static boolean isPoolOrChannelFailure(Throwable t) {
    String type = t.getClass().getName();
    String message = String.valueOf(t.getMessage());
    return type.endsWith("ConnectTimeoutException")
        || type.endsWith("ConnectionPoolTooBusyException")
        || message.startsWith("Timeout")
        || message.contains("Connection refused")
        || message.contains("Connection is closed")
        || message.contains("Connection is not active")
        || message.contains("pool is closed");
  }
}
