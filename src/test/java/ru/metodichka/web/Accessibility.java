package ru.metodichka.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs Deque's axe (from its WebJar) in the page a {@link Browser} shows, against the WCAG 2.1 A
 * and AA rules: contrast, labels, names, landmarks, language, headings.
 */
public final class Accessibility {
  private static final String AXE =
      "/META-INF/resources/webjars/axe-core/"
          + System.getProperty("axe.version", "4.6.3")
          + "/axe.min.js";
  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
        .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
            + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
        .catch(e => done(['axe failed: ' + e]));
      """;

  private Accessibility() {}

  /** The rules the current page breaks, one line each; empty when it passes. */
  public static List<String> violations(Browser browser) {
    browser.script(axeSource());
    Object result = browser.driver().executeAsyncScript(RUN);
    List<String> lines = new ArrayList<>();
    if (result instanceof List<?> list) {
      list.forEach(item -> lines.add(String.valueOf(item)));
    } else if (result instanceof Map<?, ?> map) {
      lines.add(map.toString());
    }
    return lines;
  }

  private static String axeSource() {
    try (InputStream in = Accessibility.class.getResourceAsStream(AXE)) {
      if (in == null) {
        throw new IllegalStateException("axe-core WebJar not on the test classpath: " + AXE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
