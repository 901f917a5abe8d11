package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * CommonMark 0.31.2 conformance through the whole pipeline (flexmark with our extensions, then the
 * sanitizer). Examples with raw HTML are counted apart: the sanitizer is meant to change those.
 * Every other example that fails is explained: rendered again by plain flexmark (no extensions, no
 * options, no sanitizer), a failure that plain flexmark shares is flexmark's deviation from the
 * spec. The rest must be what the design adds on purpose: GitHub's extended autolinks and our wiki
 * links (the example passes without that one extension), or links to a scheme the policy refuses
 * (only http, https, mailto and relative URLs). Anything else is our pipeline's fault and fails.
 */
class CommonMarkConformanceTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final Parser PLAIN_PARSER = Parser.builder().build();
  private static final HtmlRenderer PLAIN_RENDERER = HtmlRenderer.builder().build();
  // A URL with a scheme other than the policy's (spec 6.5: a scheme is 2-32 such characters).
  private static final Pattern OTHER_SCHEME =
      Pattern.compile("(?i)(?!https?:|mailto:)[a-z][a-z0-9+.-]{1,31}:.*|[^/?#]*:.*");
  private static final Map<Extension, String> DESIGNED =
      Map.of(
          AutolinkExtension.create(),
          "GFM extended autolink (bare URLs and e-mail addresses become links)",
          WikiLinkExtension.create(),
          "wiki-link syntax [[...]]");
  private static final WikiLinkResolver NO_WIKI = link -> WikiLinkResolver.Resolution.existing("#");
  // Something that HTML would read as a tag, comment, processing instruction or declaration (spec
  // 6.6); "<https://…>" and "<a@b.c>" are autolinks and do not match.
  private static final Pattern RAW_HTML =
      Pattern.compile("<(?:/?[A-Za-z][A-Za-z0-9-]*(?:[\\s/>]|$)|!--|\\?|![A-Za-z]|!\\[CDATA\\[)");

  @Test
  void everyPlainExampleThatFailsIsAFlexmarkDeviationOrByDesign() {
    int plain = 0;
    int plainPassed = 0;
    int html = 0;
    int htmlPassed = 0;
    List<String> flexmark = new ArrayList<>();
    List<String> byDesign = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    for (JsonObject example : Corpus.jsonArray("commonmark-spec.json")) {
      String markdown = example.getString("markdown");
      String expected = normalised(example.getString("html"));
      boolean passed = normalised(RENDERER.render(markdown, NO_WIKI)).equals(expected);
      if (RAW_HTML.matcher(markdown).find()) {
        html++;
        htmlPassed += passed ? 1 : 0;
        continue;
      }
      plain++;
      if (passed) {
        plainPassed++;
        continue;
      }
      String name = example.getInteger("example") + " (" + example.getString("section") + ")";
      String bare = PLAIN_RENDERER.render(PLAIN_PARSER.parse(markdown));
      String designed = designedCause(markdown, expected);
      if (!normalised(bare).equals(expected)) {
        flexmark.add(name);
      } else if (designed != null) {
        byDesign.add(name + ": " + designed);
      } else {
        ours.add(name);
      }
    }
    System.out.printf(
        "CommonMark 0.31.2 through the pipeline: without raw HTML %d/%d pass (%.1f%%); with raw"
            + " HTML (the sanitizer is meant to change these) %d/%d; all %d/%d%n",
        plainPassed,
        plain,
        100.0 * plainPassed / plain,
        htmlPassed,
        html,
        plainPassed + htmlPassed,
        plain + html);
    System.out.println(
        "Failing without raw HTML, flexmark 0.64.8 deviates from spec 0.31.2 (plain flexmark fails"
            + " them too): "
            + flexmark);
    System.out.println("Failing without raw HTML by design (" + byDesign.size() + "): " + byDesign);
    System.out.println("Failing without raw HTML because of our pipeline: " + ours);
    assertThat(ours).isEmpty();
  }

  /**
   * What the design changes on purpose in this example, or null: an extension without which our
   * flexmark renders it as the spec says, or a link the policy refuses for its scheme.
   */
  private static String designedCause(String markdown, String expected) {
    boolean flexmarkPasses = normalised(RENDERER.unsanitized(markdown, NO_WIKI)).equals(expected);
    if (flexmarkPasses) {
      boolean otherScheme =
          Jsoup.parseBodyFragment(expected).select("a[href], img[src]").stream()
              .map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
              .anyMatch(url -> OTHER_SCHEME.matcher(url).matches());
      return otherScheme ? "a link to a scheme the policy refuses" : null;
    }
    for (Map.Entry<Extension, String> designed : DESIGNED.entrySet()) {
      if (normalised(without(designed.getKey(), markdown)).equals(expected)) {
        return designed.getValue();
      }
    }
    return null;
  }

  /** Our flexmark without one extension, sanitizer and all else unchanged. */
  private static String without(Extension extension, String markdown) {
    DataHolder ours = MarkdownRenderer.parserOptions();
    List<Extension> others =
        Parser.EXTENSIONS.get(ours).stream()
            .filter(e -> e.getClass() != extension.getClass())
            .toList();
    DataHolder options = new MutableDataSet(ours).set(Parser.EXTENSIONS, others).toImmutable();
    Parser parser = Parser.builder(options).build();
    return HtmlPolicy.sanitize(
        HtmlRenderer.builder(options).build().render(parser.parse(markdown)));
  }

  /**
   * Compares structure, not bytes: jsoup re-serialises both sides the same way, whitespace between
   * tags is dropped, and URLs are compared percent-decoded (the spec percent-encodes, flexmark and
   * the sanitizer encode differently but equivalently). What the pipeline adds on purpose (heading
   * ids, rel on external links) is removed first.
   */
  static String normalised(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select("h1, h2, h3, h4, h5, h6").removeAttr("id");
    doc.select("a").removeAttr("rel");
    for (Element e : doc.select("[href], [src]")) {
      for (String attribute : List.of("href", "src")) {
        if (e.hasAttr(attribute)) {
          // Browsers strip the spaces around a URL (the sanitizer writes a backtick as "&#96; ").
          e.attr(attribute, percentDecoded(e.attr(attribute).strip()));
        }
      }
    }
    doc.outputSettings().prettyPrint(false);
    return doc.body().html().replaceAll(">\\s+<", "><").replace("\n", " ").strip();
  }

  private static String percentDecoded(String url) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '%'
          && i + 2 < url.length()
          && isHex(url.charAt(i + 1))
          && isHex(url.charAt(i + 2))) {
        bytes.write(Integer.parseInt(url.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
