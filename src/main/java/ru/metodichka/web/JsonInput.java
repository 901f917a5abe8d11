package ru.metodichka.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.metodichka.error.AppError;

/**
 * Reads a JSON request body field by field, collecting every problem so the client learns all of
 * them at once; {@link #validate()} then fails with 422 listing them.
 */
public final class JsonInput {
  private static final Pattern POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");
  private final JsonObject body;
  private final List<AppError.FieldError> errors = new ArrayList<>();

  private JsonInput(JsonObject body) {
    this.body = body;
  }

  /** The body as a JSON object; 400 saying where when it is not well-formed JSON. */
  public static JsonInput of(RoutingContext ctx) {
    String text = ctx.body().asString("UTF-8");
    if (text == null || text.isBlank()) {
      throw AppError.badRequest("empty_body");
    }
    try {
      Object parsed = Json.decodeValue(text);
      if (parsed instanceof JsonObject object) {
        return new JsonInput(object);
      }
      throw AppError.badRequest("json_not_object");
    } catch (DecodeException e) {
      throw malformed(e);
    }
  }

  /** The body as a JSON array (a request that sends a list); 400 when it is not one. */
  public static JsonArray array(RoutingContext ctx) {
    String text = ctx.body().asString("UTF-8");
    if (text == null || text.isBlank()) {
      throw AppError.badRequest("empty_body");
    }
    try {
      Object parsed = Json.decodeValue(text);
      if (parsed instanceof JsonArray array) {
        return array;
      }
      throw AppError.badRequest("json_not_array");
    } catch (DecodeException e) {
      throw malformed(e);
    }
  }

  /** Validates an object built elsewhere (a screen's form) with the same rules as the API. */
  public static JsonInput of(JsonObject body) {
    return new JsonInput(body);
  }

  private static AppError malformed(DecodeException e) {
    Matcher m = POSITION.matcher(String.valueOf(e.getMessage()));
    return m.find()
        ? AppError.badRequest("malformed_json", m.group(1), m.group(2))
        : AppError.badRequest("malformed_json", "?", "?");
  }

  /** A non-blank string of at most {@code maxLength} characters, trimmed. */
  public String requiredText(String field, int maxLength) {
    String value = optionalText(field, maxLength, null);
    if (value == null || value.isBlank()) {
      if (!hasError(field)) {
        errors.add(new AppError.FieldError(field, "required"));
      }
      return "";
    }
    return value;
  }

  /** A string of at most {@code maxLength} characters, trimmed, or the fallback when absent. */
  public String optionalText(String field, int maxLength, String fallback) {
    String value = rawText(field, maxLength);
    return value == null ? fallback : value.strip();
  }

  /** A string kept exactly as sent (Markdown, where leading spaces matter). */
  public String rawText(String field, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      errors.add(new AppError.FieldError(field, "not_string"));
      return null;
    }
    if (text.length() > maxLength) {
      errors.add(new AppError.FieldError(field, "too_long", maxLength));
      return null;
    }
    // PostgreSQL cannot store U+0000 in text; refusing it here gives a clear answer instead.
    if (text.indexOf('\u0000') >= 0) {
      errors.add(new AppError.FieldError(field, "nul_character"));
      return null;
    }
    return text;
  }

  /** A whole number in [min, max], or the fallback when absent. */
  public int optionalInt(String field, int min, int max, int fallback) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())
        || number.longValue() < min
        || number.longValue() > max) {
      errors.add(new AppError.FieldError(field, "int_range", min, max));
      return fallback;
    }
    return number.intValue();
  }

  /** A boolean, or the fallback when absent. */
  public boolean optionalBool(String field, boolean fallback) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    errors.add(new AppError.FieldError(field, "not_boolean"));
    return fallback;
  }

  /**
   * A list of at most {@code maxItems} strings of at most {@code maxLength} characters each,
   * trimmed, blank ones dropped; null when absent.
   */
  public List<String> optionalTextList(String field, int maxItems, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      errors.add(new AppError.FieldError(field, "not_string_list"));
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String text) || text.indexOf('\u0000') >= 0) {
        errors.add(new AppError.FieldError(field, "not_string_list"));
        return null;
      }
      if (text.strip().length() > maxLength) {
        errors.add(new AppError.FieldError(field, "items_too_long", maxLength));
        return null;
      }
      if (!text.isBlank()) {
        texts.add(text.strip());
      }
    }
    if (texts.size() > maxItems) {
      errors.add(new AppError.FieldError(field, "too_many_items", maxItems));
      return null;
    }
    return List.copyOf(texts);
  }

  /** A nested object, or null when absent. */
  public JsonObject optionalObject(String field) {
    Object value = body.getValue(field);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    errors.add(new AppError.FieldError(field, "not_object"));
    return null;
  }

  /** An array, or null when absent. */
  public JsonArray optionalArray(String field) {
    Object value = body.getValue(field);
    if (value == null || value instanceof JsonArray) {
      return (JsonArray) value;
    }
    errors.add(new AppError.FieldError(field, "not_array"));
    return null;
  }

  /**
   * Records a problem found by the caller's own rule.
   *
   * @param messageKey what is wrong, a key of the {@code i18n/fields} bundle
   */
  public void reject(String field, String messageKey, Object... args) {
    errors.add(new AppError.FieldError(field, messageKey, args));
  }

  public boolean hasError(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  /** Fails with 422 listing every problem found so far. */
  public void validate() {
    if (!errors.isEmpty()) {
      throw AppError.invalid(List.copyOf(errors));
    }
  }
}
