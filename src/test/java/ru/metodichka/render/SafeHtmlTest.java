package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker the hostile-input tests rely on does recognise unsafe HTML. */
class SafeHtmlTest {
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
        "<input type=\"checkbox\" disabled checked>"
      })
  void safeHtmlIsNot(String html) {
    assertThat(SafeHtml.problems(html)).isEmpty();
  }
}
