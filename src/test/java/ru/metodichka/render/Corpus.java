package ru.metodichka.render;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ru.metodichka.Prerequisites;

/**
 * The shared test corpus (XSS payload lists, the CommonMark spec examples, real Russian articles):
 * the directory named by the system property {@code metodichka.corpus}, else {@code
 * ../shared/corpus} next to the working directory. A test that needs a file the machine lacks is
 * skipped with a message saying which (failed in CI: see {@link Prerequisites}).
 */
public final class Corpus {
  private Corpus() {}

  public static Path file(String name) {
    String configured = System.getProperty("metodichka.corpus");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
    Path file = dir.resolve(name).toAbsolutePath().normalize();
    Prerequisites.require(
        Files.isRegularFile(file),
        "shared corpus file "
            + file
            + " not found (set -Dmetodichka.corpus=DIR to point at the corpus)");
    return file;
  }

  public static List<String> lines(String name) {
    try {
      return Files.readAllLines(file(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    try {
      return Files.readString(file(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<JsonObject> jsonArray(String name) {
    JsonArray array = new JsonArray(text(name));
    return array.stream().map(JsonObject.class::cast).toList();
  }
}
