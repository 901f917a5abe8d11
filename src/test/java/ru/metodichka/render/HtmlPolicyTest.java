package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What the sanitizer keeps and drops: links, images, classes, ids and form controls. */
class HtmlPolicyTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final WikiLinkResolver RESOLVER =
      link -> WikiLinkResolver.Resolution.existing("/c/math/" + link.target());

  private static Document render(String markdown) {
    return Jsoup.parseBodyFragment(RENDERER.render(markdown, RESOLVER));
  }

  private static Element link(Document doc, String text) {
    return doc.select("a").stream().filter(a -> a.text().equals(text)).findFirst().orElseThrow();
  }

  @Test
  void externalLinksGetNofollowNoopener() {
    Document doc =
        render(
            "[a](https://example.org) [b](http://example.org/x) "
                + "[c](//example.org) https://ya.ru\n");
    assertThat(doc.select("a")).hasSize(4).allMatch(a -> a.attr("rel").equals("nofollow noopener"));
  }

  @Test
  void linksWithinTheSiteKeepTheirAddressAndGetNoRel() {
    Document doc =
        render(
            "[план](/c/math/план) [цели](#цели) [рядом](соседняя) [[Дроби]] "
                + "[почта](mailto:imc@example.ru)\n");
    assertThat(doc.select("a").eachAttr("href"))
        .containsExactly(
            "/c/math/план", "#цели", "соседняя", "/c/math/Дроби", "mailto:imc@example.ru");
    assertThat(doc.select("a[rel]")).isEmpty();
  }

  @Test
  void javascriptVbscriptAndDataLinksLoseTheirHref() {
    Document doc =
        render(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox(1)) "
                + "[d](data:text/html;base64,PHNjcmlwdD4=) [e](&#106;avascript:alert(1))\n\n"
                + "<a href=\"java&#x09;script:alert(1)\">f</a> "
                + "<a href=\"file:///etc/passwd\">g</a>\n");
    assertThat(doc.select("a[href]")).isEmpty();
    assertThat(doc.text()).contains("a", "b", "c", "d", "e", "f", "g");
  }

  @Test
  void aPathThatMerelyContainsJavascriptIsStillALink() {
    assertThat(link(render("[ok](/javascript:link)\n"), "ok").attr("href"))
        .isEqualTo("/javascript:link");
  }

  @Test
  void imagesLoadOnlyFromTheWebOrTheSite() {
    Document doc =
        render(
            "![a](https://example.org/a.png \"подпись\") ![b](/files/b.png) ![c](c.png) "
                + "![d](data:image/png;base64,iVBORw0KGgo=) ![e](javascript:alert(1)) "
                + "![f](mailto:x@y.ru)\n");
    assertThat(doc.select("img[src]").eachAttr("src"))
        .containsExactly("https://example.org/a.png", "/files/b.png", "c.png");
    Element first = doc.selectFirst("img");
    assertThat(first.attr("alt")).isEqualTo("a");
    assertThat(first.attr("title")).isEqualTo("подпись");
  }

  @Test
  void onlyOurOwnClassesSurvive() {
    Document doc =
        render(
            "<p class=\"alert\">x</p><a class=\"btn\" href=\"/x\">y</a>"
                + "<a class=\"wikilink\" href=\"/z\">z</a>"
                + "<code class=\"language-js evil\">c</code><div class=\"footnotes\">d</div>\n");
    assertThat(doc.select("[class]").eachAttr("class")).containsExactly("wikilink", "footnotes");
  }

  @Test
  void idsSurviveOnlyOnHeadingsAndFootnotesWithASafeValue() {
    Document doc =
        render(
            "<h2 id=\"цели-урока\">a</h2><h2 id=\"a b\">b</h2><h2 id='x\"y'>c</h2>"
                + "<div id=\"main\">d</div><p id=\"p\">e</p>\n\n"
                + "<ol><li id=\"fn-1\">f</li><li id=\"evil\">g</li></ol>\n");
    assertThat(doc.select("[id]").eachAttr("id")).containsExactly("цели-урока", "fn-1");
  }

  @Test
  void authoredCheckboxesAreDisabledAndOtherInputsRemoved() {
    Document doc =
        render(
            "<input type=\"checkbox\" checked> <input type=\"text\" value=\"поле\"> "
                + "<input checked=\"type\"> <input type=\"hidden\" name=\"csrf\"> "
                + "<input type=\"image\" src=\"x.png\">\n");
    assertThat(doc.select("input")).hasSize(1);
    Element box = doc.selectFirst("input");
    assertThat(box.attr("type")).isEqualTo("checkbox");
    assertThat(box.hasAttr("disabled")).isTrue();
    assertThat(box.hasAttr("checked")).isTrue();
  }

  @Test
  void eventHandlersStylesAndTargetsAreDropped() {
    Element a =
        render(
                "<a href=\"https://example.org\" onclick=\"steal()\" "
                    + "style=\"color:red\" target=\"_top\">x</a>\n")
            .selectFirst("a");
    assertThat(a.attributes().asList())
        .extracting(attribute -> attribute.getKey())
        .containsExactlyInAnyOrder("href", "rel");
  }
}
