package ru.metodichka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that drives headless Chromium ({@code ru.metodichka.web.Browser}). Tagged {@value #TAG};
 * the pom runs the tag in a failsafe execution of its own (README: Tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserTest.TAG)
public @interface BrowserTest {
  String TAG = "browser";
}
