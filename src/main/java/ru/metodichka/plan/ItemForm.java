package ru.metodichka.plan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;

/**
 * An item's form on the screens as it is shown: its values (an item's, or as the user filled them
 * in) and, per field, what is wrong. Posted, it becomes the same JSON body the API reads, so the
 * screens and the API apply one set of rules. Results are typed as page addresses, one a line.
 */
public final class ItemForm {
  private static final String[] TEXTS = {
    "title", "description", "form", "starts", "due", "status", "outcome", "version", "year"
  };
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> responsible = new LinkedHashSet<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  private ItemForm() {}

  /** A new item for a plan: planned, in person, starting today or the plan's first day. */
  static ItemForm blank(AcademicYear year) {
    ItemForm form = new ItemForm();
    form.values.put("year", year.label());
    form.values.put("form", PlanForm.IN_PERSON.code());
    form.values.put("status", PlanStatus.PLANNED.code());
    return form;
  }

  /** The form of an item as it is. */
  static ItemForm of(PlanItem item) {
    ItemForm form = new ItemForm();
    form.values.put("title", item.title());
    form.values.put("description", item.description());
    form.values.put("form", item.form().code());
    form.values.put("starts", item.starts().toString());
    form.values.put("due", item.due().toString());
    form.values.put("status", item.status().code());
    form.values.put("outcome", item.outcome());
    form.values.put("version", String.valueOf(item.version()));
    form.values.put("results", String.join("\n", item.resultSlugs()));
    form.responsible.addAll(item.responsibleLogins());
    return form;
  }

  /** The form as posted. */
  static ItemForm read(RoutingContext ctx) {
    ItemForm form = new ItemForm();
    for (String field : TEXTS) {
      String value = ctx.request().getFormAttribute(field);
      form.values.put(field, value == null ? "" : value);
    }
    String results = ctx.request().getFormAttribute("results");
    form.values.put("results", results == null ? "" : results);
    form.responsible.addAll(ctx.request().formAttributes().getAll("responsible"));
    return form;
  }

  /** The body a new item's form stands for. */
  JsonObject draftBody() {
    JsonObject body = new JsonObject();
    for (String field : List.of("year", "title", "description", "form", "starts", "due")) {
      body.put(field, value(field));
    }
    return body.put("status", value("status"))
        .put("outcome", value("outcome"))
        .put("responsible", new JsonArray(List.copyOf(responsible)))
        .put("results", new JsonArray(resultLines()));
  }

  /** The body of a change: every field (moderators), or the status and results only. */
  JsonObject patchBody(boolean progressOnly) {
    JsonObject body = progressOnly ? new JsonObject() : draftBody();
    body.remove("year");
    return body.put("status", value("status"))
        .put("results", new JsonArray(resultLines()))
        .put("version", version());
  }

  private Object version() {
    try {
      return Integer.parseInt(value("version").strip());
    } catch (NumberFormatException e) {
      return value("version");
    }
  }

  private List<String> resultLines() {
    return value("results").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Marks the fields a 422 names, with its messages in the reader's language. */
  ItemForm rejected(AppError error, Locale locale) {
    for (AppError.FieldError e : error.fieldErrors()) {
      String field = e.field().replaceAll("\\[\\d+]$", "");
      errors.merge(field, Problems.fieldMessage(e, locale), (a, b) -> a + " " + b);
    }
    return this;
  }

  /** The same values as the item of another version (after someone else's change). */
  ItemForm at(int version) {
    values.put("version", String.valueOf(version));
    return this;
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean responsible(String login) {
    return responsible.stream().anyMatch(l -> l.equalsIgnoreCase(login));
  }

  public List<String> responsibleLogins() {
    return List.copyOf(responsible);
  }

  public String error(String field) {
    return errors.get(field);
  }

  /** The id of the field's message for {@code aria-describedby}, or null (no attribute). */
  public String errorId(String prefix, String field) {
    return errors.containsKey(field) ? prefix + "-" + field + "-error" : null;
  }

  public boolean valid() {
    return errors.isEmpty();
  }
}
