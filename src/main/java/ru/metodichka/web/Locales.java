package ru.metodichka.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Locale.LanguageRange;
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
    return of(ctx.request());
  }

  /**
   * The same for a request no router has seen ({@link FromMemory}). {@code Accept-Language} is read
   * with the JDK's parser: ranges by weight, the highest first; a header it cannot parse counts as
   * none.
   */
  public static Locale of(HttpServerRequest request) {
    Cookie picked = request.getCookie(COOKIE);
    if (picked != null) {
      Locale locale = supported(picked.getValue());
      if (locale != null) {
        return locale;
      }
    }
    for (LanguageRange range : accepted(request.getHeader("Accept-Language"))) {
      String tag = range.getRange();
      int dash = tag.indexOf('-');
      Locale locale = supported(dash < 0 ? tag : tag.substring(0, dash));
      if (locale != null && range.getWeight() > 0) {
        return locale;
      }
    }
    return RUSSIAN;
  }

  private static List<LanguageRange> accepted(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
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
