package ru.metodichka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts servers, server processes or databases of its own instead of the run's shared
 * {@link TestApp} (restarts, start-up paths, a clean slate), so it pays their start-up. Tagged
 * {@value #TAG}; the pom runs the tag in a failsafe execution of its own (README: Tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnServerTest.TAG)
public @interface OwnServerTest {
  String TAG = "own-server";
}
