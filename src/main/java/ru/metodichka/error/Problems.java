package ru.metodichka.error;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Builds RFC 9457 problem documents with human texts from the {@code i18n/errors} bundle (Russian
 * by default, English when asked for).
 */
public final class Problems {
  public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
  private static final String BUNDLE = "i18n/errors";
  private static final String FIELDS = "i18n/fields";
  // The base bundle is Russian; without this, a JVM whose default locale is English would answer
  // a Russian request in English.
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Problems() {}

  /** The problem document for an error, in the given language. */
  public static JsonObject toJson(AppError error, Locale locale) {
    JsonObject problem = base(error.status(), error.code(), locale, error.args());
    error.extras().forEach(e -> problem.put(e.getKey(), e.getValue()));
    if (!error.fieldErrors().isEmpty()) {
      JsonArray errors = new JsonArray();
      error
          .fieldErrors()
          .forEach(
              e ->
                  errors.add(
                      new JsonObject()
                          .put("field", e.field())
                          .put("message", fieldMessage(e, locale))));
      problem.put("errors", errors);
    }
    return problem;
  }

  /** What is wrong with a field, in the given language. */
  public static String fieldMessage(AppError.FieldError error, Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(FIELDS, locale, NO_FALLBACK);
    return text(bundle, error.messageKey(), error.args());
  }

  /** A problem document for a status and code that have no AppError behind them. */
  public static JsonObject of(int status, String code, Locale locale, Object... args) {
    return base(status, code, locale, args);
  }

  private static JsonObject base(int status, String code, Locale locale, Object[] args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    return new JsonObject()
        // A URN: it names the problem without pretending to be a page one could open.
        .put("type", "urn:metodichka:problem:" + code.replace('_', '-'))
        .put("title", text(bundle, code + ".title", args))
        .put("status", status)
        .put("code", code)
        .put("detail", text(bundle, code + ".detail", args));
  }

  private static String text(ResourceBundle bundle, String key, Object[] args) {
    try {
      return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    } catch (MissingResourceException e) {
      return bundle.getString("unknown.title");
    }
  }
}
