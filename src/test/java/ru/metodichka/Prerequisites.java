package ru.metodichka;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * What a test needs from the machine beyond the build (the shared corpus, Chromium and its driver).
 * On a developer's machine a missing one skips the test with a message saying what is missing; in
 * CI ({@code METODICHKA_CI=1}, which {@code .ci/run} exports) it fails the test, so a broken
 * machine cannot pass by running fewer tests.
 */
public final class Prerequisites {
  /** The environment variable that marks a CI run. */
  public static final String CI = "METODICHKA_CI";

  private Prerequisites() {}

  /** Skips the test (fails it in CI) unless {@code present}; {@code missing} says what is not. */
  public static void require(boolean present, String missing) {
    if (present) {
      return;
    }
    if (inCi()) {
      fail("Missing in CI (" + CI + " is set, so this fails instead of skipping): " + missing);
    }
    abort("Skipped: " + missing);
  }

  static boolean inCi() {
    String value = System.getenv(CI);
    return value != null && !value.isBlank() && !value.equals("0") && !value.equals("false");
  }
}
