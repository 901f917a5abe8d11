package ru.metodichka.render;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test corpus (../shared/corpus: real Russian articles, CommonMark examples, XSS payload
 * lists). Tests that need it are skipped with a message where it is absent.
 */
final class Corpus {
  private Corpus() {}

  static Path file(String name) {
    String configured = System.getProperty("metodichka.corpus");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
    Path file = dir.resolve(name);
    assumeTrue(
        Files.isRegularFile(file),
        "Skipped: the shared corpus file " + file.toAbsolutePath() + " is not on this machine");
    return file;
  }
}
