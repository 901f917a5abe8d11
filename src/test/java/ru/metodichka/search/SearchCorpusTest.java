package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.metodichka.render.Corpus;
import ru.metodichka.render.PlainText;
import ru.metodichka.search.index.IndexWrites;
import ru.metodichka.search.index.SearchDocument;
import ru.metodichka.search.index.SearchIndex;

/**
 * The shared Russian corpus (1029 pages of a JavaScript tutorial) over three fake communities,
 * every tenth page a draft. Skipped with a message when the corpus is absent.
 */
class SearchCorpusTest {
  static final SearchScope ALL = SearchScope.member(Set.of(1L, 2L, 3L));
  static Path dir;
  static SearchIndex index;
  static SearchEngine search;
  static List<SearchDocument> pages;

  @BeforeAll
  static void load() throws Exception {
    List<String> lines = Corpus.lines("ru-articles.jsonl");
    dir = Files.createTempDirectory("search-corpus");
    long start = System.nanoTime();
    pages = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      pages.add(document(i, new JsonObject(lines.get(i))));
    }
    index = SearchIndex.open(dir.resolve("index"));
    IndexWrites.upsertAll(index, pages);
    index.commit("1");
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "search corpus: indexed %d pages in %.2f s = %.0f pages/s (Markdown to text included)%n",
        pages.size(), seconds, pages.size() / seconds);
    search = new SearchEngine(index);
  }

  @AfterAll
  static void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  private static SearchDocument document(int i, JsonObject json) {
    String kind =
        switch (json.getString("kind")) {
          case "article" -> "article";
          case "task" -> "practice";
          default -> "other";
        };
    String id = json.getString("id");
    long community = i % 3 + 1;
    boolean published = i % 10 != 7;
    return new SearchDocument(
        i,
        published ? SearchDocument.Audience.PUBLIC : SearchDocument.Audience.INSIDERS,
        community,
        "c" + community,
        "Сообщество " + community,
        id,
        json.getString("title"),
        kind,
        published ? "published" : "draft",
        PlainText.of(json.getString("markdown")),
        List.of(id.startsWith("1-js") ? "информатика" : "веб-разработка"),
        kind.equals("article")
            ? List.of("secondary-general")
            : List.of("basic-general", "secondary-general"),
        i % 2 == 0 ? "CC BY 4.0" : "CC BY-NC 4.0",
        2020 + i % 5,
        Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 3600L),
        Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 3600L),
        i,
        List.of("Автор " + community),
        false);
  }

  private static SearchResult find(String text, SearchScope access) throws Exception {
    return search.search(new SearchQuery(text, null, null, null, null, null, 1, 50), access);
  }

  private static Set<String> marked(SearchResult result) {
    Set<String> words = new HashSet<>();
    Pattern mark = Pattern.compile("<mark>([^<]*)</mark>");
    for (SearchResult.Hit hit : result.items()) {
      Matcher m = mark.matcher(hit.snippet() + hit.titleHtml());
      while (m.find()) {
        words.add(m.group(1).toLowerCase());
      }
    }
    return words;
  }

  @Test
  void morphologyFindsOtherWordForms() throws Exception {
    assertThat(marked(find("функции", ALL)))
        .contains("функция")
        .containsAnyOf("функцией", "функцию");
    assertThat(marked(find("переменных", ALL))).contains("переменная");
  }

  @Test
  void yoAndYeFindTheSame() throws Exception {
    SearchResult yo = find("ещё", ALL);
    SearchResult ye = find("еще", ALL);
    assertThat(yo.total()).isPositive().isEqualTo(ye.total());
    assertThat(yo.items())
        .extracting(SearchResult.Hit::key)
        .isEqualTo(ye.items().stream().map(SearchResult.Hit::key).toList());
  }

  @Test
  void typoIsCorrected() throws Exception {
    SearchResult result = find("пременные", ALL);
    assertThat(result.suggestion()).isEqualTo("переменные");
    assertThat(result.items()).isNotEmpty();
  }

  @Test
  void wrongLayoutIsCorrected() throws Exception {
    SearchResult result = find("gthtvtyyst", ALL);
    assertThat(result.suggestion()).isEqualTo("переменные");
    assertThat(result.items()).isNotEmpty();
  }

  @Test
  void phrasesInQuotesAreStricter() throws Exception {
    long words = find("строгий режим", ALL).total();
    long phrase = find("\"строгий режим\"", ALL).total();
    assertThat(phrase).isPositive().isLessThanOrEqualTo(words);
  }

  @Test
  void titleOutranksBodyOnlyMention() throws Exception {
    List<SearchResult.Hit> hits = find("переменные", ALL).items();
    int article = indexOfTitle(hits, "Переменные");
    assertThat(article).isNotNegative();
    for (int i = 0; i < article; i++) {
      assertThat(hits.get(i).kind()).isEqualTo("article");
    }
  }

  private static int indexOfTitle(List<SearchResult.Hit> hits, String title) {
    for (int i = 0; i < hits.size(); i++) {
      if (hits.get(i).title().equals(title)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void facetsCountPermittedHits() throws Exception {
    SearchResult all = find("", SearchScope.anonymous());
    long published = pages.stream().filter(p -> p.status().equals("published")).count();
    assertThat(all.total()).isEqualTo(published);
    assertThat(all.facets().get("kind").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(published);
    for (String community : List.of("c1", "c2", "c3")) {
      SearchQuery only = new SearchQuery("функции", null, community, null, null, null, 1, 10);
      assertThat(search.search(only, SearchScope.anonymous()).total())
          .isEqualTo(
              find("функции", SearchScope.anonymous()).facets().get("community").get(community));
    }
    assertThat(all.facets().get("year")).hasSize(5);
    assertThat(all.facets().get("level").get("secondary-general")).isEqualTo(published);
  }

  @Test
  void accessIsFilteredInsideTheQuery() throws Exception {
    for (String text : List.of("", "функции", "переменные", "массив")) {
      SearchResult anonymous = find(text, SearchScope.anonymous());
      assertThat(anonymous.items()).allSatisfy(h -> assertThat(h.status()).isEqualTo("published"));
      SearchResult member = find(text, SearchScope.member(Set.of(1L)));
      assertThat(member.items())
          .allSatisfy(
              h ->
                  assertThat(h.status().equals("published") || h.community().equals("c1"))
                      .isTrue());
      assertThat(member.total()).isGreaterThanOrEqualTo(anonymous.total());
      assertThat(member.facets().get("community").getOrDefault("c2", 0L))
          .isEqualTo(anonymous.facets().get("community").getOrDefault("c2", 0L));
    }
    long drafts1 =
        pages.stream().filter(p -> p.status().equals("draft") && p.communityId() == 1).count();
    assertThat(
            find("", SearchScope.member(Set.of(1L))).total()
                - find("", SearchScope.anonymous()).total())
        .isEqualTo(drafts1);
  }

  @Test
  void snippetsAreMarkedAndEscaped() throws Exception {
    for (String text : List.of("функции", "innerHTML", "тег script")) {
      SearchResult result = find(text, ALL);
      assertThat(result.items()).isNotEmpty();
      assertThat(result.items())
          .allSatisfy(
              h -> {
                assertThat(h.snippet() + h.titleHtml()).contains("<mark>");
                assertThat(h.snippet().replace("<mark>", "").replace("</mark>", ""))
                    .doesNotContain("<", ">");
              });
    }
  }

  @Test
  void hostileQueriesNeverThrow() throws Exception {
    char[] controls = new char[64];
    for (int i = 0; i < 32; i++) {
      controls[i] = (char) i;
      controls[32 + i] = (char) (0x7f + i);
    }
    for (String text :
        List.of(
            "+-&&||!(){}[]^\"~*?:\\/ AND OR NOT",
            "\"\"\"",
            "*функ*",
            "a*",
            "функции ".repeat(1500),
            "x".repeat(10_000),
            new String(controls),
            "ё~2 \"открытая фраза")) {
      assertThat(find(text, SearchScope.anonymous())).isNotNull();
      assertThat(search.suggestTitles(text, SearchScope.anonymous(), 10)).isNotNull();
    }
  }

  @Test
  void autocompleteAndSimilar() throws Exception {
    assertThat(search.suggestTitles("перем", ALL, 10))
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.title().toLowerCase()).containsPattern("(^|[^а-я])перем"));
    String variables =
        pages.stream().filter(p -> p.title().equals("Переменные")).findFirst().orElseThrow().key();
    assertThat(search.similar(variables, SearchScope.anonymous(), 5))
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.status()).isEqualTo("published"))
        .noneSatisfy(h -> assertThat(h.key()).isEqualTo(variables));
  }

  @Test
  void printsQueryTimes() throws Exception {
    List<String> queries =
        List.of(
            "функции",
            "переменные",
            "замыкание",
            "строгий режим",
            "\"строгий режим\"",
            "массив методы",
            "пременные",
            "gthtvtyyst",
            "обработчик событий",
            "promise async await",
            "ещё",
            "прототипное наследование");
    for (int warm = 0; warm < 20; warm++) {
      for (String q : queries) {
        find(q, SearchScope.anonymous());
      }
    }
    List<Long> nanos = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      for (String q : queries) {
        long start = System.nanoTime();
        search.search(
            new SearchQuery(q, null, null, null, null, null, 1, 10), SearchScope.anonymous());
        nanos.add(System.nanoTime() - start);
      }
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "search corpus: %d searches (%d queries, snippets + facets): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
        sorted.length,
        queries.size(),
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
    assertThat(Arrays.stream(sorted).min()).isPresent();
  }
}
