package ru.metodichka.db;

/**
 * No database could be found or started. The message is meant for the person starting Metodichka:
 * it says what was tried, what failed (never with a password) and what to do.
 */
public final class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(String message) {
    super(message);
  }

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
