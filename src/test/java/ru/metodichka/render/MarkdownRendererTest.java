package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** Each Markdown feature the wiki offers comes out of the whole pipeline, sanitizer included. */
class MarkdownRendererTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final WikiLinkResolver RESOLVER =
      link -> WikiLinkResolver.Resolution.existing("/c/x/" + link.target());

  private static Document render(String markdown) {
    return Jsoup.parseBodyFragment(RENDERER.render(markdown, RESOLVER));
  }

  @Test
  void tablesRenderWithTheirColumnAlignment() {
    Document doc =
        render("| Класс | Тема | Часы |\n|:--|:-:|--:|\n| 5 | Дроби | 12 |\n| 6 | Уравнения |\n");
    assertThat(doc.select("table thead th").eachText()).containsExactly("Класс", "Тема", "Часы");
    assertThat(doc.select("th").eachAttr("align")).containsExactly("left", "center", "right");
    assertThat(doc.select("tbody tr")).hasSize(2);
    assertThat(doc.select("tbody tr").get(1).select("td")).hasSize(3);
  }

  @Test
  void aSingleDashIsEnoughOfATableSeparatorAsOnGitHub() {
    assertThat(render("| a | b |\n|-|-|\n| 1 | 2 |\n").select("td").eachText())
        .containsExactly("1", "2");
  }

  @Test
  void strikethroughRendersAsDel() {
    assertThat(render("~~старая программа~~ новая\n").selectFirst("del").text())
        .isEqualTo("старая программа");
  }

  @Test
  void taskListItemsHaveDisabledCheckboxesCheckedWhenDone() {
    Document doc = render("- [x] план написан\n- [ ] отчёт сдан\n");
    Elements boxes = doc.select("li.task-list-item > input[type=checkbox]");
    assertThat(boxes).hasSize(2).allMatch(box -> box.hasAttr("disabled"));
    assertThat(boxes.get(0).hasAttr("checked")).isTrue();
    assertThat(boxes.get(1).hasAttr("checked")).isFalse();
    assertThat(doc.select("li").eachText()).containsExactly("план написан", "отчёт сдан");
  }

  @Test
  void bareUrlsAndEmailAddressesBecomeLinks() {
    Document doc = render("См. https://edu.example.ru/урок, www.example.org и imc@example.ru\n");
    assertThat(doc.select("a").eachAttr("href"))
        .containsExactly(
            "https://edu.example.ru/урок", "http://www.example.org", "mailto:imc@example.ru");
  }

  @Test
  void footnotesLinkBothWays() {
    Document doc = render("Смотри сноску[^1].\n\n[^1]: Приказ ИМЦ № 12.\n");
    Element ref = doc.selectFirst("sup#fnref-1 > a.footnote-ref");
    assertThat(ref.attr("href")).isEqualTo("#fn-1");
    Element note = doc.selectFirst("div.footnotes li#fn-1");
    assertThat(note.text()).contains("Приказ ИМЦ № 12.");
    assertThat(note.selectFirst("a.footnote-backref").attr("href")).isEqualTo("#fnref-1");
  }

  @Test
  void footnotesAreNumberedByTheirFirstReference() {
    Document doc = render("А[^a] Б[^b] В[^a]\n\n[^a]: первая\n[^b]: вторая\n");
    assertThat(doc.select("sup a").eachText()).containsExactly("1", "2", "1");
    assertThat(doc.select("div.footnotes li").eachText())
        .satisfiesExactly(
            first -> assertThat(first).startsWith("первая"),
            second -> assertThat(second).startsWith("вторая"));
  }

  @Test
  void headingIdsKeepCyrillicLetters() {
    Document doc =
        render("## Проектная деятельность\n\n### Что такое «ФГОС»?\n\n## Проектная деятельность\n");
    assertThat(doc.select("h2, h3").eachAttr("id"))
        .containsExactly("проектная-деятельность", "что-такое-фгос", "проектная-деятельность-1");
  }

  @Test
  void codeBlocksKeepTheirLanguageClassAndShowMarkupAsText() {
    Document doc = render("```js run\nif (a < b) alert('<b>&amp;');\n```\n");
    Element code = doc.selectFirst("pre > code");
    assertThat(code.className()).isEqualTo("language-js");
    assertThat(code.wholeText()).isEqualTo("if (a < b) alert('<b>&amp;');\n");
    assertThat(code.children()).isEmpty();
  }

  @Test
  void inlineCodeAndEscapesShowMarkupAsText() {
    Document doc = render("`<script>` и \\<b> и &lt;i&gt;\n");
    assertThat(doc.selectFirst("code").text()).isEqualTo("<script>");
    assertThat(doc.selectFirst("p").text()).isEqualTo("<script> и <b> и <i>");
    assertThat(doc.select("script, b, i")).isEmpty();
  }

  @Test
  void harmlessRawHtmlIsKept() {
    Document doc =
        render(
            "<details><summary>Ответ</summary>42</details>\n\nH<sub>2</sub>O и <kbd>Ctrl</kbd>\n");
    assertThat(doc.selectFirst("details > summary").text()).isEqualTo("Ответ");
    assertThat(doc.selectFirst("sub").text()).isEqualTo("2");
    assertThat(doc.selectFirst("kbd").text()).isEqualTo("Ctrl");
  }

  @Test
  void theJavascriptInfoDialectRendersAsPlainMarkdown() {
    // Real-world input: a header block without an opening "---", then an article.
    Document doc = render("importance: 2\n\n---\n\n# Работа с переменными\n\nТекст.\n");
    assertThat(doc.selectFirst("h1").id()).isEqualTo("работа-с-переменными");
    assertThat(doc.select("hr")).hasSize(1);
  }

  @Test
  void textNestedTooDeeplyForTheParserIsShownAsTextInsteadOfFailing() {
    // Far beyond what any thread stack holds: flexmark recurses once per '>' and per '*'.
    for (String markdown :
        List.of(">".repeat(200_000) + " <script>alert(1)</script> [[Б]]", "*".repeat(200_000))) {
      String html = RENDERER.render(markdown, RESOLVER);
      assertThat(SafeHtml.problems(html)).isEmpty();
      assertThat(Jsoup.parseBodyFragment(html).selectFirst("pre").text()).isEqualTo(markdown);
      assertThat(RENDERER.wikiLinks(markdown)).isEmpty();
    }
  }
}
