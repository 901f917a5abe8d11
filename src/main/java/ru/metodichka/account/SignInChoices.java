package ru.metodichka.account;

import java.util.Optional;

/**
 * How people may sign in on this site.
 *
 * @param localLogin whether a local password is accepted ({@code auth.local-login})
 * @param oidcLabel what «Войти через …» names, when an OpenID Connect provider is configured
 */
public record SignInChoices(boolean localLogin, Optional<String> oidcLabel) {
  /** Local passwords only: the default. */
  public static final SignInChoices LOCAL = new SignInChoices(true, Optional.empty());
}
