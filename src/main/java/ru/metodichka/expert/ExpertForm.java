package ru.metodichka.expert;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;

/**
 * A form of the experts' screens as the user filled it in: the values to show again, what was wrong
 * with each field (messages in the reader's language, by the API's field name: {@code
 * scores.novelty}, {@code pages}, {@code criteria[2].code}), and a refusal that concerns the whole
 * form (a conflict of interest, explained).
 */
public record ExpertForm(
    String id, Map<String, String> values, Map<String, String> errors, String refusal) {

  public ExpertForm {
    values = Map.copyOf(values);
    errors = Map.copyOf(errors);
  }

  static ExpertForm blank(String id) {
    return new ExpertForm(id, Map.of(), Map.of(), null);
  }

  static ExpertForm of(String id, Map<String, String> values) {
    return new ExpertForm(id, values, Map.of(), null);
  }

  /** Every submitted field, by name (a repeated field: its last value). */
  static ExpertForm read(RoutingContext ctx, String id) {
    Map<String, String> values = new LinkedHashMap<>();
    ctx.request().formAttributes().forEach(e -> values.put(e.getKey(), e.getValue()));
    values.remove("csrf");
    return new ExpertForm(id, values, Map.of(), null);
  }

  /** The form again with a refused act's problems: by field for a 422, the detail otherwise. */
  ExpertForm with(AppError error, Locale locale) {
    Map<String, String> found = new LinkedHashMap<>();
    for (AppError.FieldError e : error.fieldErrors()) {
      String field = e.field().startsWith("pages[") ? "pages" : e.field();
      found.putIfAbsent(field, Problems.fieldMessage(e, locale));
    }
    String refusal =
        error.fieldErrors().isEmpty() ? Problems.toJson(error, locale).getString("detail") : null;
    return new ExpertForm(id, values, found, refusal);
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public String error(String field) {
    return errors.get(field);
  }

  /** The id of a field's message for {@code aria-describedby}, or null (no attribute). */
  public String errorId(String field) {
    return errors.containsKey(field)
        ? id + "-" + field.replaceAll("[^A-Za-z0-9-]", "-") + "-error"
        : null;
  }

  public boolean valid() {
    return errors.isEmpty() && refusal == null;
  }
}
