package ru.metodichka.institution;

import java.util.Set;
import ru.metodichka.web.JsonInput;

/** An educational organisation of the district to add, validated. */
public record NewInstitution(String name, String shortName, String kind) {
  /** The kinds the schema allows (see the {@code institutions} table). */
  public static final Set<String> KINDS =
      Set.of("school", "kindergarten", "college", "centre", "other");

  /** Reads {@code name}, {@code shortName} and {@code kind}; 422 lists every problem. */
  public static NewInstitution from(JsonInput in) {
    String name = in.requiredText("name", 300);
    String shortName = in.optionalText("shortName", 100, "");
    String kind = in.requiredText("kind", 20);
    if (!kind.isEmpty() && !KINDS.contains(kind)) {
      in.reject("kind", "one_of", "school, kindergarten, college, centre, other");
    }
    in.validate();
    return new NewInstitution(name, shortName.isEmpty() ? null : shortName, kind);
  }
}
