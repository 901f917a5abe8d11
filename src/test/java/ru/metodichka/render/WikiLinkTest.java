package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** [[wiki links]]: syntax, what the resolver decides, and extraction for the link table. */
class WikiLinkTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  /** Targets starting with "есть" exist; the href shows what the resolver was given. */
  private static final WikiLinkResolver RESOLVER =
      link -> {
        String href =
            "/c/" + (link.community() == null ? "своё" : link.community()) + "/" + link.target();
        return link.target().startsWith("есть")
            ? WikiLinkResolver.Resolution.existing(href)
            : WikiLinkResolver.Resolution.missing(href);
      };

  private static Document render(String markdown, WikiLinkResolver resolver) {
    return Jsoup.parseBodyFragment(RENDERER.render(markdown, resolver));
  }

  private static Elements links(String markdown) {
    return render(markdown, RESOLVER).select("a");
  }

  @Test
  void allFourSyntaxesRender() {
    Elements links =
        links(
            "[[есть страница]] [[есть другая|текст]] "
                + "[[math:есть чужая]] [[math:нет такой|подпись]]");
    assertThat(links.eachAttr("href"))
        .containsExactly(
            "/c/своё/есть%20страница",
            "/c/своё/есть%20другая", "/c/math/есть%20чужая", "/c/math/нет%20такой");
    assertThat(links.eachText()).containsExactly("есть страница", "текст", "есть чужая", "подпись");
  }

  @Test
  void existingPagesGetWikilinkClassOnly() {
    Element link = links("[[есть план]]").first();
    assertThat(link.className()).isEqualTo("wikilink");
    assertThat(link.hasAttr("title")).isFalse();
  }

  @Test
  void missingPagesAreMarkedWithAClassAndATitle() {
    Element link = links("[[нет плана|план]]").first();
    assertThat(link.classNames()).containsExactlyInAnyOrder("wikilink", "wikilink-missing");
    assertThat(link.attr("title")).isEqualTo("Страница ещё не создана");
    assertThat(link.text()).isEqualTo("план");
  }

  @Test
  void theResolverSeesTheLinkAsWrittenTrimmed() {
    List<WikiLink> seen = new ArrayList<>();
    WikiLinkResolver recording =
        link -> {
          seen.add(link);
          return WikiLinkResolver.Resolution.existing("#");
        };
    render(
        "[[ Дроби ]] [[math: нет]] [[Урок: введение]] [[math:Дроби|текст]] [[Дроби]]", recording);
    assertThat(seen)
        .containsExactly(
            new WikiLink(null, "Дроби"),
            new WikiLink(null, "math: нет"),
            new WikiLink(null, "Урок: введение"),
            new WikiLink("math", "Дроби"),
            new WikiLink(null, "Дроби"));
  }

  @Test
  void wikiLinksWorkInTableCellsWithOrWithoutAnEscapedPipe() {
    Document doc =
        render(
            "| Тема | Ссылка |\n|---|---|\n"
                + "| а | [[есть А|первая]] |\n| б | [[есть Б\\|вторая]] |\n",
            RESOLVER);
    assertThat(doc.select("td a").eachAttr("href"))
        .containsExactly("/c/своё/есть%20А", "/c/своё/есть%20Б");
    assertThat(doc.select("td a").eachText()).containsExactly("первая", "вторая");
  }

  @Test
  void emptyWikiLinksStayText() {
    Document doc = render("[[]] и [[|текст]]", RESOLVER);
    assertThat(doc.select("a")).isEmpty();
    assertThat(doc.text()).isEqualTo("[[]] и [[|текст]]");
  }

  @Test
  void hostileTextAndTargetStayEscapedText() {
    Document doc =
        render(
            "[[<img src=x onerror=alert(1)>|<script>alert(1)</script>]] "
                + "[[\"><svg onload=alert(1)>]]",
            RESOLVER);
    assertThat(doc.select("script, img, svg")).isEmpty();
    assertThat(doc.select("a").eachText())
        .containsExactly("<script>alert(1)</script>", "\"><svg onload=alert(1)>");
    assertThat(SafeHtml.problems(doc.body().html())).isEmpty();
  }

  @Test
  void aHostileHrefFromTheResolverIsStillSanitised() {
    WikiLinkResolver careless =
        link ->
            WikiLinkResolver.Resolution.existing(
                (link.community() == null ? "" : link.community() + ":") + link.target());
    Document doc =
        render("[[javascript:alert(1)]] [[ javascript:alert(1)|x]] [[data:text/html,x]]", careless);
    assertThat(doc.select("a[href]")).isEmpty();
    assertThat(doc.text()).contains("alert(1)", "x");
  }

  @Test
  void extractionListsDistinctLinksInOrderOfFirstAppearance() {
    String markdown = "[[Б]] и [[А|текст]] и снова [[Б]], [[ Б ]] и [[math:Б]]\n\n- [[math:В|в]]\n";
    assertThat(RENDERER.wikiLinks(markdown))
        .containsExactly(
            new WikiLink(null, "Б"),
            new WikiLink(null, "А"),
            new WikiLink("math", "Б"),
            new WikiLink("math", "В"));
  }

  @Test
  void aTextWithoutDoubleBracketsHasNoLinksAndOneWithEntitiesForThemHasNoneEither() {
    assertThat(RENDERER.wikiLinks("Обычный текст с [ссылкой](https://example.org) и [a] [b].\n"))
        .isEmpty();
    assertThat(RENDERER.wikiLinks("&#91;&#91;Не ссылка&#93;&#93; и \\[\\[тоже\\]\\]\n")).isEmpty();
  }

  @Test
  void extractionIgnoresLinksInCode() {
    String markdown =
        "`[[В коде]]`\n\n```\n[[В блоке]]\n```\n\n    [[С отступом]]\n\n[[Настоящая]]\n";
    assertThat(RENDERER.wikiLinks(markdown)).containsExactly(new WikiLink(null, "Настоящая"));
  }

  @Test
  void extractionSkipsEmptyLinksAndFindsLinksInTablesAndFootnotes() {
    String markdown =
        "[[]] [[|x]]\n\n| a |\n|---|\n| [[В таблице|т]] |\n\nА[^1]\n\n[^1]: [[В сноске]]\n";
    assertThat(RENDERER.wikiLinks(markdown))
        .containsExactly(new WikiLink(null, "В таблице"), new WikiLink(null, "В сноске"));
  }

  @Test
  void concurrentRendersEachUseTheirOwnResolver() throws Exception {
    String markdown = "[[Дроби]] и [[math:Уравнения|уравнения]]\n".repeat(20);
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String prefix = "/r" + i + "/";
        WikiLinkResolver own = link -> WikiLinkResolver.Resolution.existing(prefix + link.target());
        results.add(
            pool.submit(
                () ->
                    Jsoup.parseBodyFragment(RENDERER.render(markdown, own)).select("a").stream()
                        .allMatch(a -> a.attr("href").startsWith(prefix))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    }
  }
}
