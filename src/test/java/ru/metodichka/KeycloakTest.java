package ru.metodichka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test against a real Keycloak ({@code ru.metodichka.oidc.KeycloakExtension} starts it once for
 * the whole tier) and, mostly, Chromium. Tagged {@value #TAG}; the pom runs the tag in a failsafe
 * execution of its own, after unpacking the Keycloak distribution (README: Tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(KeycloakTest.TAG)
public @interface KeycloakTest {
  String TAG = "keycloak";
}
