package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Renders every CommonMark 0.31.2 spec example through the full pipeline (flexmark + sanitizer).
 * Examples with raw HTML are counted apart: the sanitizer is meant to change those.
 */
class CommonMarkConformanceTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final WikiLinkResolver NO_WIKI =
      link -> new WikiLinkResolver.Resolution("#", false);

  @Test
  void plainExamplesRenderAsTheSpecSays() throws IOException {
    JsonArray examples = new JsonArray(Files.readString(Corpus.file("commonmark-spec.json")));
    int plain = 0;
    int plainPassed = 0;
    int html = 0;
    int htmlPassed = 0;
    List<String> failures = new ArrayList<>();
    for (Object o : examples) {
      JsonObject example = (JsonObject) o;
      boolean rawHtml =
          example.getString("section").contains("HTML")
              || example.getString("html").contains("&lt;")
                  && example.getString("markdown").contains("<");
      boolean passed =
          normalised(RENDERER.render(example.getString("markdown"), NO_WIKI))
              .equals(normalised(example.getString("html")));
      if (rawHtml) {
        html++;
        htmlPassed += passed ? 1 : 0;
      } else {
        plain++;
        plainPassed += passed ? 1 : 0;
        if (!passed) {
          failures.add(example.getInteger("example") + " (" + example.getString("section") + ")");
        }
      }
    }
    System.out.printf(
        "CommonMark 0.31.2: plain examples %d/%d pass (%.1f%%); raw-HTML examples %d/%d unchanged%n",
        plainPassed, plain, 100.0 * plainPassed / plain, htmlPassed, html);
    System.out.println("Plain examples that differ: " + failures);
    assertThat(100.0 * plainPassed / plain).isGreaterThan(85.0);
  }

  /**
   * Compares structure, not formatting: jsoup re-serialises both sides the same way. What our
   * pipeline adds on purpose (heading ids, rel on external links) is removed first.
   */
  private static String normalised(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select("h1, h2, h3, h4, h5, h6").removeAttr("id");
    doc.select("a").removeAttr("rel");
    doc.outputSettings().prettyPrint(false);
    return doc.body().html().replaceAll(">\\s+<", "><").replace("\n", " ").strip();
  }
}
