package ru.metodichka.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import ru.metodichka.error.AppError;

/**
 * An {@code Idempotency-Key} header and a hash of the request it came with, so that reusing a key
 * for a different request is refused rather than answered with the wrong result.
 */
public record IdempotencyKey(String value, byte[] requestHash) {

  /** Null when the header is absent; 400 when it is malformed. */
  public static IdempotencyKey of(String header, String method, String path, byte[] body) {
    if (header == null) {
      return null;
    }
    if (!IdempotencyRepository.isValidKey(header)) {
      throw AppError.badRequest("bad_idempotency_key");
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
      return new IdempotencyKey(header, sha.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
