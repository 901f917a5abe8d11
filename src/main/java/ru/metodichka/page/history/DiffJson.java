package ru.metodichka.page.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import ru.metodichka.diff.DiffLine;
import ru.metodichka.diff.Hunk;
import ru.metodichka.diff.Segment;

/** The API's JSON of a diff: hunks, their lines, and word segments inside changed lines. */
public final class DiffJson {
  private DiffJson() {}

  /** The body of {@code GET .../diff}: both titles and the hunks. */
  static JsonObject of(Diff diff) {
    return new JsonObject()
        .put("from", diff.from().number())
        .put("to", diff.to().number())
        .put("fromTitle", diff.from().title())
        .put("toTitle", diff.to().title())
        .put("hunks", hunks(diff.hunks()));
  }

  /** Hunks as {@code [{fromStart, fromCount, toStart, toCount, lines}]}. */
  public static JsonArray hunks(List<Hunk> hunks) {
    JsonArray list = new JsonArray();
    for (Hunk h : hunks) {
      JsonArray lines = new JsonArray();
      h.lines().forEach(line -> lines.add(line(line)));
      list.add(
          new JsonObject()
              .put("fromStart", h.fromStart())
              .put("fromCount", h.fromCount())
              .put("toStart", h.toStart())
              .put("toCount", h.toCount())
              .put("lines", lines));
    }
    return list;
  }

  private static JsonObject line(DiffLine line) {
    JsonObject json =
        new JsonObject()
            .put("type", line.type().name().toLowerCase(Locale.ROOT))
            .put("fromLine", line.fromLine())
            .put("toLine", line.toLine())
            .put("text", line.text());
    if (!line.words().isEmpty()) {
      JsonArray words = new JsonArray();
      for (Segment s : line.words()) {
        words.add(
            new JsonObject()
                .put("type", s.kind().name().toLowerCase(Locale.ROOT))
                .put("text", s.text()));
      }
      json.put("words", words);
    }
    return json;
  }
}
