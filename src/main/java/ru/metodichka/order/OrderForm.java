package ru.metodichka.order;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;

/**
 * The form that issues an order on {@code /admin/orders}, as the administrator filled it in, with
 * what was wrong (messages in the reader's language, by field: {@code number}, {@code date}, {@code
 * note}, {@code communities}, or {@link #communityField} of a community).
 *
 * @param chosen the slugs of the communities ticked; null on a blank form (every one is ticked)
 */
public record OrderForm(
    String number, String date, String note, Set<String> chosen, Map<String, String> errors) {

  /** An empty form dated today, every community ticked. */
  static OrderForm blank(String today) {
    return new OrderForm("", today, "", null, Map.of());
  }

  /** The submitted form. */
  static OrderForm read(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    return new OrderForm(
        value(form.get("number")),
        value(form.get("date")),
        value(form.get("note")),
        Set.copyOf(form.getAll("community")),
        Map.of());
  }

  /** The body {@link NewOrder#from} reads, so the form follows the API's rules. */
  JsonObject body() {
    List<String> communities = communities();
    return new JsonObject()
        .put("number", number)
        .put("date", date)
        .put("note", note)
        .put("communities", new JsonArray(communities));
  }

  private List<String> communities() {
    return chosen == null ? List.of() : chosen.stream().sorted().toList();
  }

  /** The form again with the problems of a refused order, each by its field. */
  OrderForm with(AppError error, Locale locale) {
    Map<String, String> found = new LinkedHashMap<>();
    List<String> communities = communities();
    for (AppError.FieldError e : error.fieldErrors()) {
      String field = e.field();
      if (field.startsWith("communities[")) {
        int i = Integer.parseInt(field.substring(12, field.length() - 1));
        field = communityField(communities.get(i));
      }
      found.putIfAbsent(field, Problems.fieldMessage(e, locale));
    }
    if (error.fieldErrors().isEmpty()) {
      found.put("number", Problems.toJson(error, locale).getString("detail"));
    }
    return new OrderForm(number, date, note, chosen, found);
  }

  /** The key of a community's message: {@code community:<slug>}. */
  public static String communityField(String slug) {
    return "community:" + slug;
  }

  public boolean ticked(String slug) {
    return chosen == null || chosen.contains(slug);
  }

  public String error(String field) {
    return errors.get(field);
  }

  /** The id of a field's message for {@code aria-describedby}, or null (no attribute). */
  public String errorId(String field) {
    return errors.containsKey(field) ? "order-" + field.replace(':', '-') + "-error" : null;
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  private static String value(String raw) {
    return raw == null ? "" : raw;
  }
}
