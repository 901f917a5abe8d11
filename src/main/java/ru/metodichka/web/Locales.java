package ru.metodichka.web;

import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** The language of a response: Russian unless the client prefers English. */
public final class Locales {
  public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  private Locales() {}

  public static Locale of(RoutingContext ctx) {
    for (LanguageHeader language : ctx.acceptableLanguages()) {
      switch (language.tag().toLowerCase(Locale.ROOT)) {
        case "ru" -> {
          return RUSSIAN;
        }
        case "en" -> {
          return Locale.ENGLISH;
        }
        default -> {
          // try the next preference
        }
      }
    }
    return RUSSIAN;
  }
}
