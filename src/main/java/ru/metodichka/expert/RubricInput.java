package ru.metodichka.expert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import ru.metodichka.web.JsonInput;

/**
 * The body of {@code PUT /api/rubric}: {@code {"criteria": [{"code", "title", "description"}]}},
 * 1–20 criteria, codes unique (lower-case Latin letters, digits and hyphens, as the database
 * checks), titles 1–200 characters, descriptions up to 2000.
 */
final class RubricInput {
  static final int MAX_CRITERIA = 20;
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private RubricInput() {}

  static List<Criterion> from(JsonInput in) {
    JsonArray array = in.optionalArray("criteria");
    List<Criterion> criteria = new ArrayList<>();
    if (array == null || array.isEmpty()) {
      if (!in.hasError("criteria")) {
        in.reject("criteria", "expert_criteria_required");
      }
    } else if (array.size() > MAX_CRITERIA) {
      in.reject("criteria", "too_many_items", MAX_CRITERIA);
    } else {
      Set<String> codes = new HashSet<>();
      for (int i = 0; i < array.size(); i++) {
        String field = "criteria[" + i + "]";
        if (!(array.getValue(i) instanceof JsonObject item)) {
          in.reject(field, "not_object");
          continue;
        }
        criterion(in, field, item, codes).ifPresent(criteria::add);
      }
    }
    in.validate();
    return criteria;
  }

  private static java.util.Optional<Criterion> criterion(
      JsonInput outer, String field, JsonObject item, Set<String> codes) {
    JsonInput in = JsonInput.of(item);
    String code = in.requiredText("code", 40);
    String title = in.requiredText("title", 200);
    String description = in.optionalText("description", 2000, "");
    if (!code.isEmpty() && !CODE.matcher(code).matches()) {
      in.reject("code", "expert_criterion_code");
    } else if (!code.isEmpty() && !codes.add(code)) {
      in.reject("code", "expert_criterion_repeated", code);
    }
    try {
      in.validate();
    } catch (ru.metodichka.error.AppError e) {
      e.fieldErrors().forEach(f -> outer.reject(field + "." + f.field(), f.messageKey(), f.args()));
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Criterion(code, title, description));
  }
}
