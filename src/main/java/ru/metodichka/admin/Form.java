package ru.metodichka.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import ru.metodichka.error.AppError;
import ru.metodichka.web.JsonInput;

/**
 * One form of an admin screen as the user filled it in: the values to show again and, per field,
 * the key of the message that says what is wrong. Element ids are {@code id + "-" + field}, the
 * message of a field has the id {@code id + "-" + field + "-error"}, and messages are looked up as
 * {@code admin.<kind>.<field>.invalid} unless a more specific key is given.
 */
public final class Form {
  private final String kind;
  private final String id;
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  private Form(String kind, String id) {
    this.kind = kind;
    this.id = id;
  }

  /** An empty form whose element ids start with {@code kind}. */
  public static Form blank(String kind) {
    return new Form(kind, kind);
  }

  /** An empty form of one kind shown several times on a screen (a row's form), told apart by id. */
  public static Form blank(String kind, String id) {
    return new Form(kind, id);
  }

  /** The submitted values of the given fields; absent ones are empty. */
  static Form read(RoutingContext ctx, String kind, String id, String... fields) {
    Form form = new Form(kind, id);
    for (String field : fields) {
      String value = ctx.request().getFormAttribute(field);
      form.values.put(field, value == null ? "" : value);
    }
    return form;
  }

  public String id() {
    return id;
  }

  /** Whether this is the form with that id (several row forms share one template). */
  public boolean is(String formId) {
    return id.equals(formId);
  }

  public String id(String field) {
    return id + "-" + field;
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean checked(String field) {
    return !value(field).isEmpty();
  }

  /** The message key for the field's problem, or null when it is fine. */
  public String error(String field) {
    return errors.get(field);
  }

  /** The id of the field's message for {@code aria-describedby}, or null (no attribute). */
  public String errorId(String field) {
    return errors.containsKey(field) ? id(field) + "-error" : null;
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public Form set(String field, String value) {
    values.put(field, value);
    return this;
  }

  /** Marks a field as wrong with its usual message. */
  Form reject(String field) {
    return reject(field, "admin." + kind + "." + field + ".invalid");
  }

  Form reject(String field, String messageKey) {
    errors.putIfAbsent(field, messageKey);
    return this;
  }

  /**
   * Validates the form with the feature's own rules (the same the API applies) and returns the
   * result, or null after marking every field those rules rejected. Field names in the rules that
   * differ from the form's are translated by {@code fieldNames}.
   */
  <T> T validate(JsonObject body, Function<JsonInput, T> rules, Map<String, String> fieldNames) {
    try {
      return rules.apply(JsonInput.of(body));
    } catch (AppError e) {
      if (e.status() != 422 || e.fieldErrors().isEmpty()) {
        throw e;
      }
      for (AppError.FieldError error : e.fieldErrors()) {
        reject(fieldNames.getOrDefault(error.field(), error.field()));
      }
      return null;
    }
  }

  /** The trimmed value, or null when blank: how optional fields go into a request body. */
  String optional(String field) {
    String value = value(field).strip();
    return value.isEmpty() ? null : value;
  }
}
