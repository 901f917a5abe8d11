package ru.metodichka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A fault suite: breaks things on purpose (kill -9, PostgreSQL going away, hostile input in bulk)
 * and takes minutes. Tagged {@value #TAG} for JUnit and for jqwik (its property tests carry their
 * own tag annotation); the pom runs the tag in a failsafe execution of its own (README: Tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(FaultTest.TAG)
@net.jqwik.api.Tag(FaultTest.TAG)
public @interface FaultTest {
  String TAG = "fault";
}
