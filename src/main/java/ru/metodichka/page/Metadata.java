package ru.metodichka.page;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ru.metodichka.web.JsonInput;

/**
 * What the bank of practices needs to know about a material besides its text: subjects, education
 * levels, grades, tags, licence and year. Part of every revision, like the title: an edit may
 * change it, a revert brings the old one back, concurrent edits merge it by the title's rule.
 * Authors and their institutions are not stored here: they come from the history.
 *
 * @param year the year the material was made, or null
 */
public record Metadata(
    List<String> subjects,
    List<String> levels,
    List<Integer> grades,
    List<String> tags,
    String licence,
    Integer year) {
  public static final List<String> LEVELS =
      List.of("preschool", "primary", "basic", "secondary", "additional", "vocational");
  public static final List<String> LICENCES =
      List.of(
          "cc-by-4.0",
          "cc-by-sa-4.0",
          "cc-by-nc-4.0",
          "cc-by-nc-sa-4.0",
          "cc-by-nd-4.0",
          "cc-by-nc-nd-4.0",
          "cc0-1.0",
          "all-rights-reserved");
  public static final String DEFAULT_LICENCE = "cc-by-4.0";
  public static final Metadata EMPTY =
      new Metadata(List.of(), List.of(), List.of(), List.of(), DEFAULT_LICENCE, null);
  public static final int MAX_ITEMS = 20;
  public static final int MAX_WORD = 60;

  public Metadata {
    subjects = List.copyOf(subjects);
    levels = List.copyOf(levels);
    grades = List.copyOf(grades);
    tags = List.copyOf(tags);
  }

  /** The licence's deed on creativecommons.org, or null for "all rights reserved". */
  public static String licenceUrl(String licence) {
    if (licence.equals("cc0-1.0")) {
      return "https://creativecommons.org/publicdomain/zero/1.0/";
    }
    if (licence.startsWith("cc-") && licence.endsWith("-4.0")) {
      String terms = licence.substring("cc-".length(), licence.length() - "-4.0".length());
      return "https://creativecommons.org/licenses/" + terms + "/4.0/";
    }
    return null;
  }

  /** The stored form (revisions.metadata); anything missing or unknown falls back to defaults. */
  public static Metadata fromJson(JsonObject json) {
    if (json == null || json.isEmpty()) {
      return EMPTY;
    }
    String licence = json.getString("licence", DEFAULT_LICENCE);
    return new Metadata(
        strings(json.getJsonArray("subjects")),
        strings(json.getJsonArray("levels")).stream().filter(LEVELS::contains).toList(),
        ints(json.getJsonArray("grades")),
        strings(json.getJsonArray("tags")),
        LICENCES.contains(licence) ? licence : DEFAULT_LICENCE,
        json.getInteger("year"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("subjects", new JsonArray(subjects))
        .put("levels", new JsonArray(levels))
        .put("grades", new JsonArray(grades))
        .put("tags", new JsonArray(tags))
        .put("licence", licence)
        .put("year", year);
  }

  /**
   * The {@code metadata} object of a save, or null when the request has none (the page keeps its
   * metadata). Problems are recorded on {@code in} as {@code metadata.<field>}.
   */
  static Metadata read(JsonInput in) {
    JsonObject json = in.optionalObject("metadata");
    if (json == null) {
      return null;
    }
    List<String> subjects = words(in, json, "subjects");
    List<String> tags = words(in, json, "tags");
    List<String> levels = words(in, json, "levels");
    if (!LEVELS.containsAll(levels)) {
      in.reject("metadata.levels", "one_of", String.join(", ", LEVELS));
    }
    List<Integer> grades = new ArrayList<>();
    JsonArray rawGrades = json.getValue("grades") instanceof JsonArray a ? a : new JsonArray();
    for (Object grade : rawGrades) {
      if (grade instanceof Integer g && g >= 1 && g <= 11) {
        if (!grades.contains(g)) {
          grades.add(g);
        }
      } else {
        in.reject("metadata.grades", "grades");
      }
    }
    grades.sort(null);
    String licence = json.getValue("licence") instanceof String s ? s : DEFAULT_LICENCE;
    if (!LICENCES.contains(licence)) {
      in.reject("metadata.licence", "one_of", String.join(", ", LICENCES));
    }
    Object rawYear = json.getValue("year");
    Integer year = rawYear instanceof Integer y && y >= 1990 && y <= 2100 ? y : null;
    if (rawYear != null && year == null) {
      in.reject("metadata.year", "int_range", 1990, 2100);
    }
    return new Metadata(subjects, levels, grades, tags, licence, year);
  }

  /** Distinct non-blank strings, trimmed, at most {@link #MAX_ITEMS} of {@link #MAX_WORD}. */
  private static List<String> words(JsonInput in, JsonObject json, String field) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray array)) {
      in.reject("metadata." + field, "not_string_list");
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String s) || s.strip().length() > MAX_WORD) {
        in.reject("metadata." + field, "items_too_long", MAX_WORD);
        continue;
      }
      String word = s.strip();
      if (!word.isEmpty() && seen.add(word.toLowerCase(Locale.ROOT))) {
        words.add(word);
      }
    }
    if (words.size() > MAX_ITEMS) {
      in.reject("metadata." + field, "too_many_items", MAX_ITEMS);
    }
    return words;
  }

  private static List<String> strings(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(String.valueOf(item)));
    return out;
  }

  private static List<Integer> ints(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    array.forEach(item -> out.add(((Number) item).intValue()));
    return out;
  }
}
