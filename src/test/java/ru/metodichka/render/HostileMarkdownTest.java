package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every payload goes through the whole pipeline, and nothing executable may come out. */
class HostileMarkdownTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final WikiLinkResolver RESOLVER =
      link -> WikiLinkResolver.Resolution.missing("/c/x/" + link.target());

  private static List<String> problems(String markdown) {
    return SafeHtml.problems(RENDERER.render(markdown, RESOLVER));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](java\tscript:alert(1))",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\" &#14; javascript:alert(1)\">x</a>",
        "<a href=\"&#0000106avascript:alert(1)\">x</a>",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[x]: javascript:alert(1)\n\n[y][x]",
        "[x](https://example.org \"t\\\" onmouseover=\\\"alert(1)\")",
        "<https://example.org/\" onmouseover=\"alert(1)>",
        "www.example.org/\"onmouseover=\"alert(1)",
        "<svg onload=alert(1)>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"x.swf\">",
        "<form action=\"javascript:alert(1)\"><input type=submit formaction=\"javascript:x\">",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<isindex action=javascript:alert(1) type=image>",
        "<base href=\"javascript:/\"><meta http-equiv=refresh content=\"0;url=javascript:x\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<style>*{background:url(javascript:alert(1))}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<details open ontoggle=alert(1)>",
        "<input type=checkbox onclick=alert(1)>",
        "<input checked=type>",
        "<input type=\"checkbox\" type=\"text\">",
        "<input type=image src=javascript:alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<!--><script>alert(1)</script>-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<table><tr><td><template><script>alert(1)</script></template></td></tr></table>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<a href=\"https://example.org\" formaction=\"javascript:alert(1)\">x</a>",
        "## Заголовок {onclick=alert(1)}",
        "<h2 id=\"x\" onclick=\"alert(1)\">x</h2>",
        "| <script>alert(1)</script> | <img src=x onerror=alert(1)> |\n|---|---|\n| a | b |",
        "A[^<script>]\n\n[^<script>]: <img src=x onerror=alert(1)>",
        "[[x|<script>alert(1)</script>]]",
        "[[<img src=x onerror=alert(1)>]]",
        "[[javascript:alert(1)|x]]",
        "- [x] <img src=x onerror=alert(1)>",
        "```\"><script>alert(1)</script>\nx\n```",
        "```js onclick=alert(1)\nx\n```",
      })
  void ownNastyCasesAreNeutralised(String markdown) {
    assertThat(problems(markdown)).as(markdown).isEmpty();
  }

  @ParameterizedTest(name = "every line of {0}")
  @ValueSource(strings = {"xss-payloads.txt", "markdown-xss.txt"})
  void everyLineOfTheSharedPayloadListsIsNeutralised(String file) {
    List<String> failures = new ArrayList<>();
    List<String> payloads = Corpus.lines(file);
    for (String payload : payloads) {
      List<String> problems = problems(payload);
      if (!problems.isEmpty()) {
        failures.add(payload + " -> " + problems);
      }
    }
    System.out.printf("%s: %d payloads, %d unsafe%n", file, payloads.size(), failures.size());
    assertThat(failures).isEmpty();
  }

  @Test
  void theMarkdownPayloadListAsOneDocumentIsNeutralised() {
    // Some vectors span two lines (reference definitions, fences): render them together too.
    assertThat(problems(Corpus.text("markdown-xss.txt"))).isEmpty();
  }

  @Test
  void everyMarkdownXssCaseIsNeutralised() {
    List<JsonObject> cases = Corpus.jsonArray("markdown-xss-cases.json");
    SoftAssertions.assertSoftly(
        soft -> {
          for (JsonObject c : cases) {
            String markdown = c.getString("markdown");
            soft.assertThat(problems(markdown)).as(markdown).isEmpty();
          }
        });
    System.out.printf("markdown-xss-cases.json: %d cases%n", cases.size());
  }

  @Test
  void harmlessLinksFromTheXssCasesStayLinks() {
    // markdown-it's fixture: these look alarming but are ordinary relative links.
    Document doc =
        Jsoup.parseBodyFragment(
            RENDERER.render(
                "[normal link](javascript)\n\n[normal link](/javascript:link)\n", RESOLVER));
    assertThat(doc.select("a").eachAttr("href")).containsExactly("javascript", "/javascript:link");
  }
}
