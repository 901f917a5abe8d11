package ru.metodichka.db;

/** No database could be found or started; the message says what was tried and what to do. */
public final class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
