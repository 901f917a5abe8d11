package ru.metodichka.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The language of a response: the one the user picked (a cookie), else the browser's preference
 * between Russian and English, else Russian.
 */
public final class Locales {
  public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
  public static final String COOKIE = "mtd_lang";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Locales() {}

  public static Locale of(RoutingContext ctx) {
    Cookie picked = ctx.request().getCookie(COOKIE);
    if (picked != null) {
      Locale locale = supported(picked.getValue());
      if (locale != null) {
        return locale;
      }
    }
    for (LanguageHeader language : ctx.acceptableLanguages()) {
      Locale locale = supported(language.tag());
      if (locale != null) {
        return locale;
      }
    }
    return RUSSIAN;
  }

  /** Russian or English for a language tag, or null for any other language. */
  public static Locale supported(String tag) {
    return switch (tag == null ? "" : tag.toLowerCase(Locale.ROOT)) {
      case "ru" -> RUSSIAN;
      case "en" -> Locale.ENGLISH;
      default -> null;
    };
  }

  /**
   * A bundle whose base file is Russian: the JVM's default locale must not pick the English file
   * for a Russian request.
   */
  public static ResourceBundle bundle(String baseName, Locale locale) {
    return ResourceBundle.getBundle(baseName, locale, NO_FALLBACK);
  }
}
