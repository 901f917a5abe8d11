package ru.metodichka.page.editor;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ru.metodichka.page.Metadata;

/**
 * The bank fields of the editor form: subjects and tags typed as comma-separated text, levels and
 * grades as checkboxes, the licence as a list, the year as a number.
 */
public final class MetadataForm {
  private MetadataForm() {}

  static Metadata posted(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    List<Integer> grades = new ArrayList<>();
    for (String grade : form.getAll("grades")) {
      try {
        int g = Integer.parseInt(grade.strip());
        if (g >= 1 && g <= 11 && !grades.contains(g)) {
          grades.add(g);
        }
      } catch (NumberFormatException e) {
        // not a box the form offers: ignored
      }
    }
    grades.sort(null);
    String licence = form.get("licence");
    return new Metadata(
        words(form.get("subjects")),
        form.getAll("levels").stream().filter(Metadata.LEVELS::contains).distinct().toList(),
        grades,
        words(form.get("tags")),
        licence == null || licence.isBlank() ? Metadata.DEFAULT_LICENCE : licence,
        year(form.get("year")));
  }

  /** Message keys for what is wrong with the bank fields. */
  static List<String> problems(Metadata metadata) {
    List<String> problems = new ArrayList<>();
    boolean tooMany =
        metadata.subjects().size() > Metadata.MAX_ITEMS
            || metadata.tags().size() > Metadata.MAX_ITEMS;
    boolean tooLong =
        metadata.subjects().stream().anyMatch(w -> w.length() > Metadata.MAX_WORD)
            || metadata.tags().stream().anyMatch(w -> w.length() > Metadata.MAX_WORD);
    if (tooMany || tooLong) {
      problems.add("editor.error.words");
    }
    if (!Metadata.LICENCES.contains(metadata.licence())) {
      problems.add("editor.error.licence");
    }
    if (metadata.year() != null && (metadata.year() < 1990 || metadata.year() > 2100)) {
      problems.add("editor.error.year");
    }
    return problems;
  }

  /** Comma-separated words for a text field. */
  public static String joined(List<String> words) {
    return String.join(", ", words);
  }

  private static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    for (String part : text.split("[,;\\n]")) {
      String word = part.strip();
      if (!word.isEmpty() && seen.add(word.toLowerCase(Locale.ROOT))) {
        words.add(word);
      }
    }
    return words;
  }

  /** The year typed, null when empty, 0 when it is not a number (reported by problems). */
  private static Integer year(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
