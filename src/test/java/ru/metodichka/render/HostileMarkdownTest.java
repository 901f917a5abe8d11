package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every payload goes through the full pipeline and nothing executable may come out. */
class HostileMarkdownTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final WikiLinkResolver RESOLVER =
      link -> new WikiLinkResolver.Resolution("/c/x/" + link.target(), false);
  private static final Set<String> FORBIDDEN_ELEMENTS =
      Set.of(
          "script",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "form",
          "base",
          "meta",
          "link",
          "style",
          "svg",
          "math",
          "textarea",
          "select",
          "button",
          "applet");
  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "xlink:href",
          "background",
          "poster",
          "srcset",
          "data");

  /** Every reason the HTML is unsafe; empty when it is safe. */
  static List<String> problems(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    List<String> problems = new ArrayList<>();
    for (Element e : doc.body().getAllElements()) {
      if (FORBIDDEN_ELEMENTS.contains(e.normalName())) {
        problems.add("<" + e.normalName() + ">");
      }
      if (e.normalName().equals("input")
          && !(e.attr("type").equals("checkbox") && e.hasAttr("disabled"))) {
        problems.add("live input");
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on") || name.equals("style")) {
          problems.add(name + " attribute");
        }
        if (URL_ATTRIBUTES.contains(name) && dangerousUrl(a.getValue())) {
          problems.add(name + "=" + a.getValue());
        }
      }
    }
    return problems;
  }

  private static boolean dangerousUrl(String value) {
    String url = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
    return url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java\nscript:alert(1))",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "![x](javascript:alert(1))",
        "[x]: javascript:alert(1)\n\n[y][x]",
        "<svg onload=alert(1)>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<details open ontoggle=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<<script>script>alert(1)<</script>/script>",
        "<input type=checkbox onclick=alert(1)>",
        "<input type=\"hidden\" name=\"csrf\">",
        "[[x|<script>alert(1)</script>]]",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<a href=\"https://example.org\" formaction=\"javascript:alert(1)\">x</a>"
      })
  void ownNastyCasesAreNeutralised(String markdown) {
    assertThat(problems(RENDERER.render(markdown, RESOLVER))).as(markdown).isEmpty();
  }

  @Test
  void everyPayloadOfTheSharedXssListsIsNeutralised() throws IOException {
    List<String> payloads =
        new ArrayList<>(
            Files.readAllLines(Corpus.file("xss-payloads.txt"), StandardCharsets.UTF_8));
    payloads.addAll(Files.readAllLines(Corpus.file("markdown-xss.txt"), StandardCharsets.UTF_8));
    JsonArray cases = new JsonArray(Files.readString(Corpus.file("markdown-xss-cases.json")));
    cases.forEach(c -> payloads.add(((JsonObject) c).getString("markdown")));
    List<String> failures = new ArrayList<>();
    for (String payload : payloads) {
      List<String> problems = problems(RENDERER.render(payload, RESOLVER));
      if (!problems.isEmpty()) {
        failures.add(payload + " -> " + problems);
      }
    }
    System.out.printf(
        "Hostile Markdown: %d payloads rendered, %d unsafe%n", payloads.size(), failures.size());
    assertThat(payloads).hasSizeGreaterThan(8000);
    assertThat(failures).isEmpty();
  }
}
