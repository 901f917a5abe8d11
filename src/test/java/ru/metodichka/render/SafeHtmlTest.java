package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker the hostile-input tests rely on does recognise unsafe HTML and screens. */
class SafeHtmlTest {
  private static final String PAGE = "/c/x/страница";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<p onclick=\"x()\">a</p>",
        "<a href=\" JaVa&#x09;ScRiPt:alert(1)\">a</a>",
        "<a href=\"&#1;vbscript:x\">a</a>",
        "<img src=\"data:image/png;base64,AAAA\">",
        "<form action=\"/x\"></form>",
        "<input type=\"text\">",
        "<input type=\"checkbox\">",
        "<svg></svg>",
        "<img srcset=\"/a.png 1x, JavaScript:alert(1) 2x\">",
        "<p style=\"color:red\">a</p>",
        "<iframe></iframe>"
      })
  void unsafeHtmlIsReported(String html) {
    assertThat(SafeHtml.problems(html)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>on and on: javascript:alert(1)</p>",
        "<a href=\"/javascript:link\" title=\"data:x\">a</a>",
        "<a href=\"/.%20/,javascript:alert(1)//#\">a path with a comma</a>",
        "<input type=\"checkbox\" disabled checked>"
      })
  void safeHtmlIsNot(String html) {
    assertThat(SafeHtml.problems(html)).isEmpty();
  }

  private static String screen(String head, String body) {
    return "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>";
  }

  @Test
  void theSitesOwnScriptsJsonLdAndFormsAreSafeOnAScreen() {
    String html =
        screen(
            "<script src=\"/assets/editor.js\" defer></script>"
                + "<script type=\"application/ld+json\">{\"name\":\"x\"}</script>"
                + "<link rel=\"stylesheet\" href=\"/assets/site.css\">",
            "<form method=\"get\" action=\"/search\" role=\"search\"><input name=q>"
                + "<button>Найти</button></form>"
                + "<form method=\"post\" action=\"/logout\"><button>Выйти</button></form>"
                + "<form method=\"post\" action=\""
                + PAGE
                + "/publish\" class=\"inline\"></form>"
                + "<div class=\"page-body\"><p>Текст <input type=\"checkbox\" disabled></p></div>");
    assertThat(SafeHtml.screenProblems(html, PAGE)).isEmpty();
    assertThat(SafeHtml.jsonLd(html))
        .singleElement()
        .extracting(j -> j.getString("name"))
        .isEqualTo("x");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script src=\"/assets/editor.js\">alert(1)</script>",
        "<script src=\"https://evil.example/assets/x.js\"></script>",
        "<script type=\"application/ld+json\">alert(1)</script>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">"
      })
  void anythingElseInTheHeadIsReported(String head) {
    assertThat(SafeHtml.screenProblems(screen(head, ""), PAGE)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script src=\"/assets/editor.js\"></script>",
        "<form method=\"post\" action=\"/elsewhere\"></form>",
        "<form method=\"post\" action=\"/c/x/другая/publish\" class=\"inline\"></form>",
        "<div class=\"page-body\"><form method=\"post\" action=\"/logout\"></form></div>",
        "<div class=\"page-body\"><p style=\"position:fixed\">a</p></div>",
        "<p class=\"snippet\"><img src=\"data:image/svg+xml,x\"></p>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">a</a>",
        "<img srcset=\"/a.png 1x,javascript:alert(1) 2x\">",
        "<a ping=\"javascript:alert(1)\">a</a>"
      })
  void aScreenWithAnActiveOrImitatingPartInTheBodyIsReported(String body) {
    assertThat(SafeHtml.screenProblems(screen("", body), PAGE)).isNotEmpty();
  }
}
