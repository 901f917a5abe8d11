package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  /** Links whose target starts with "есть" exist; everything else is missing. */
  private static final WikiLinkResolver RESOLVER =
      link ->
          new WikiLinkResolver.Resolution(
              "/c/" + (link.community() == null ? "своё" : link.community()) + "/" + link.target(),
              link.target().startsWith("есть"));

  private static Document render(String markdown) {
    return Jsoup.parseBodyFragment(RENDERER.render(markdown, RESOLVER));
  }

  @Test
  void tablesStrikethroughAndTaskListsRender() {
    Document doc =
        render(
            "| Класс | Тема |\n|:--|--:|\n| 5 | Дроби |\n\n~~старое~~\n\n- [x] готово\n- [ ] нет\n");
    assertThat(doc.select("table th")).hasSize(2);
    assertThat(doc.selectFirst("td").text()).isEqualTo("5");
    assertThat(doc.selectFirst("del").text()).isEqualTo("старое");
    assertThat(doc.select("input[type=checkbox]")).hasSize(2).allMatch(e -> e.hasAttr("disabled"));
    assertThat(doc.select("input[checked]")).hasSize(1);
  }

  @Test
  void autolinksAndFootnotesRender() {
    Document doc = render("Смотри https://edu.example.ru/урок и сноску[^1].\n\n[^1]: Источник.\n");
    assertThat(doc.selectFirst("a[href^=https://edu.example.ru]")).isNotNull();
    Element ref = doc.selectFirst("sup a.footnote-ref");
    assertThat(ref.attr("href")).isEqualTo("#fn-1");
    assertThat(doc.selectFirst("li#fn-1").text()).contains("Источник.");
  }

  @Test
  void headingsGetCyrillicIds() {
    Document doc = render("## Проектная деятельность\n");
    assertThat(doc.selectFirst("h2").id()).isEqualTo("проектная-деятельность");
  }

  @Test
  void codeBlocksKeepTheirLanguageAndAreEscaped() {
    Document doc = render("```js\nif (a < b) alert('<b>');\n```\n");
    Element code = doc.selectFirst("pre code");
    assertThat(code.className()).isEqualTo("language-js");
    assertThat(code.text()).isEqualTo("if (a < b) alert('<b>');");
    assertThat(code.select("b")).isEmpty();
  }

  @Test
  void wikiLinksInAllFourSyntaxes() {
    Document doc =
        render(
            "[[есть страница]] [[есть другая|текст]] [[math:есть чужая]] [[math:нет такой|подпись]]\n");
    var links = doc.select("a.wikilink");
    assertThat(links).hasSize(4);
    assertThat(links.get(0).attr("href")).isEqualTo("/c/своё/есть%20страница");
    assertThat(links.get(0).text()).isEqualTo("есть страница");
    assertThat(links.get(1).text()).isEqualTo("текст");
    assertThat(links.get(2).attr("href")).isEqualTo("/c/math/есть%20чужая");
    assertThat(links.get(3).hasClass("wikilink-missing")).isTrue();
    assertThat(links.get(3).attr("title")).isEqualTo("Страница ещё не создана");
    assertThat(links.get(3).text()).isEqualTo("подпись");
    assertThat(links.get(0).hasClass("wikilink-missing")).isFalse();
  }

  @Test
  void aTitleWithAColonAndSpaceIsNotACommunityLink() {
    assertThat(RENDERER.wikiLinks("[[Урок: введение]]"))
        .containsExactly(new WikiLink(null, "Урок: введение"));
  }

  @Test
  void wikiLinksAreExtractedOnceInOrderIgnoringCode() {
    String markdown = "[[Б]] и [[А|текст]] и снова [[Б]]; `[[В]]`\n\n```\n[[Г]]\n```\n[[math:Д]]\n";
    assertThat(RENDERER.wikiLinks(markdown))
        .containsExactly(
            new WikiLink(null, "Б"), new WikiLink(null, "А"), new WikiLink("math", "Д"));
  }

  @Test
  void hostileWikiLinkTextStaysText() {
    Document doc = render("[[<img src=x onerror=alert(1)>|<script>alert(1)</script>]]\n");
    assertThat(doc.select("script, img")).isEmpty();
    assertThat(doc.text()).contains("<script>alert(1)</script>");
  }

  @Test
  void externalLinksGetNofollowNoopenerAndInternalOnesDoNot() {
    Document doc =
        render("[внешняя](https://example.org) [внутренняя](/c/math/план) [якорь](#цели)\n");
    assertThat(doc.selectFirst("a[href=https://example.org]").attr("rel"))
        .isEqualTo("nofollow noopener");
    assertThat(doc.selectFirst("a[href=/c/math/план]").hasAttr("rel")).isFalse();
    assertThat(doc.selectFirst("a[href=#цели]")).isNotNull();
  }

  @Test
  void dangerousUrlsAndElementsAreRemoved() {
    Document doc =
        render(
            """
        [a](javascript:alert(1)) [b](vbscript:msgbox(1)) [c](data:text/html;base64,PHNjcmlwdD4=)
        ![d](data:image/svg+xml;base64,PHN2Zz4=)
        <iframe src="https://example.org"></iframe><object data="x"></object><embed src="x">
        <form><button>ok</button></form><base href="https://evil.example/"><meta http-equiv="refresh" content="0">
        <a href="https://example.org" onclick="steal()" target="_blank" class="btn">x</a>
        <input type="text" value="поле">
        """);
    assertThat(doc.select("iframe, object, embed, form, base, meta, script, style, input"))
        .isEmpty();
    assertThat(doc.select("a[href]")).allMatch(a -> a.attr("href").startsWith("https://"));
    assertThat(doc.select("img[src^=data]")).isEmpty();
    Element link = doc.selectFirst("a[href=https://example.org]");
    assertThat(link.attributes().hasKey("onclick")).isFalse();
    assertThat(link.attributes().hasKey("target")).isFalse();
    assertThat(link.attributes().hasKey("class")).isFalse();
  }

  @Test
  void harmlessRawHtmlIsKept() {
    Document doc =
        render(
            "<details><summary>Ответ</summary>42</details>\n\nH<sub>2</sub>O и <kbd>Ctrl</kbd>\n");
    assertThat(doc.selectFirst("details summary").text()).isEqualTo("Ответ");
    assertThat(doc.selectFirst("sub").text()).isEqualTo("2");
    assertThat(doc.selectFirst("kbd")).isNotNull();
  }
}
