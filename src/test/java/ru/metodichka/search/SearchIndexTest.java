package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.metodichka.search.Pages.page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.render.PlainText;
import ru.metodichka.search.index.IndexWrites;
import ru.metodichka.search.index.IndexedFields;
import ru.metodichka.search.index.SearchAnalyzers;
import ru.metodichka.search.index.SearchDocument;
import ru.metodichka.search.index.SearchIndex;

/** A tiny fixture index: runs without the shared corpus. */
class SearchIndexTest {
  @TempDir Path dir;
  SearchIndex index;
  SearchEngine search;

  @BeforeEach
  void open() throws Exception {
    index = SearchIndex.open(dir.resolve("index"));
    search = new SearchEngine(index);
    IndexWrites.upsertAll(
        index,
        List.of(
            page(
                "1",
                1,
                "Проект в начальной школе",
                "project",
                "published",
                "Проектная деятельность учеников. Ещё один пример: функция и функцией."),
            page(
                "2",
                1,
                "Черновик сообщества",
                "practice",
                "draft",
                "Секретный черновик про проект и `<script>alert(1)</script>` теги."),
            page(
                "3",
                2,
                "Functions in JavaScript",
                "article",
                "published",
                "Mixed text: functions, переменные и ёлка."),
            page("4", 2, "Чужой черновик", "other", "draft", "Другой проект, черновик.")));
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private List<String> keys(String text, SearchScope access) throws Exception {
    return search.search(SearchQuery.of(text), access).items().stream()
        .map(SearchResult.Hit::slug)
        .toList();
  }

  @Test
  void newIndexIsCreatedAndCheckpointSurvivesReopen() throws Exception {
    assertThat(index.state()).isEqualTo(SearchIndex.State.CREATED);
    assertThat(index.checkpoint()).isEmpty();
    index.commit("42");
    index.close();
    index = SearchIndex.open(dir.resolve("index"));
    assertThat(index.state()).isEqualTo(SearchIndex.State.EXISTING);
    assertThat(index.checkpoint()).contains("42");
    assertThat(index.size()).isEqualTo(4);
  }

  @Test
  void closingDropsWhatNoCommitCovers() throws Exception {
    index.commit("42");
    IndexWrites.upsert(
        index, page("late", 1, "Поздняя страница", "article", "published", "после коммита"));
    index.close();
    index = SearchIndex.open(dir.resolve("index"));
    assertThat(index.checkpoint()).contains("42");
    assertThat(index.size()).isEqualTo(4);
  }

  @Test
  void corruptIndexIsReportedAndRecreated() throws Exception {
    index.commit("7");
    index.close();
    Path home = dir.resolve("index");
    try (var files = Files.list(home)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, new byte[] {1, 2, 3, 4, 5});
      }
    }
    assertThatThrownBy(() -> SearchIndex.open(home))
        .isInstanceOf(SearchIndex.UnusableIndexException.class);
    index = SearchIndex.openOrRecreate(home);
    assertThat(index.state()).isEqualTo(SearchIndex.State.RECREATED);
    assertThat(index.size()).isZero();
    assertThat(index.checkpoint()).isEmpty();
  }

  @Test
  void bulkUpsertIsSpreadOverThreadsAndTheLastPageOfAKeyWins() throws Exception {
    // Keys 0..249 twice: the second time (later in the list) about «вторая версия».
    List<SearchDocument> pages = new ArrayList<>();
    for (int n = 0; n < 500; n++) {
      pages.add(
          page(
              "bulk-" + n % 250,
              1,
              "Страница " + n,
              "article",
              "published",
              n < 250 ? "первая версия" : "вторая версия"));
    }
    IndexWrites.upsertAll(index, pages);
    assertThat(index.size()).isEqualTo(4 + 250);
    assertThat(search.search(SearchQuery.of("первая"), SearchScope.anonymous()).total()).isZero();
    assertThat(search.search(SearchQuery.of("вторая"), SearchScope.anonymous()).total())
        .isEqualTo(250);
  }

  @Test
  void bulkUpsertOfSourcesConvertsAndWritesEveryOneOnSeveralThreads() throws Exception {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      numbers.add(i);
    }
    IndexWrites.upsertAll(
        index,
        numbers,
        n -> page("source-" + n, 1, "Источник " + n, "article", "published", "копия " + n));
    assertThat(index.size()).isEqualTo(4 + 1000);
    assertThat(search.search(SearchQuery.of("копия"), SearchScope.anonymous()).total())
        .isEqualTo(1000);
  }

  @Test
  void spellingDictionaryHoldsEveryWordOfPublishedPagesAsWritten() throws Exception {
    Set<String> expected = new TreeSet<>();
    for (String text :
        List.of(
            "Проект в начальной школе",
            PlainText.of("Проектная деятельность учеников. Ещё один пример: функция и функцией."),
            "Functions in JavaScript",
            PlainText.of("Mixed text: functions, переменные и ёлка."))) {
      try (TokenStream stream = SearchAnalyzers.words().tokenStream(IndexedFields.SPELL, text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          expected.add(term.toString());
        }
        stream.end();
      }
    }
    Set<String> indexed = new TreeSet<>();
    IndexSearcher searcher = index.acquire();
    try {
      TermsEnum terms =
          MultiTerms.getTerms(searcher.getIndexReader(), IndexedFields.SPELL).iterator();
      for (BytesRef term = terms.next(); term != null; term = terms.next()) {
        indexed.add(term.utf8ToString());
      }
    } finally {
      index.release(searcher);
    }
    assertThat(indexed)
        .isEqualTo(expected)
        .contains("елка", "еще", "функцией")
        .doesNotContain("черновик");
  }

  @Test
  void upsertReplacesAndDeleteRemoves() throws Exception {
    IndexWrites.upsert(
        index, page("1", 1, "Совсем другое", "project", "published", "Новое содержание"));
    assertThat(keys("начальной", SearchScope.anonymous())).isEmpty();
    assertThat(keys("содержание", SearchScope.anonymous())).containsExactly("1");
    IndexWrites.delete(index, "1");
    assertThat(keys("содержание", SearchScope.anonymous())).isEmpty();
    assertThat(index.size()).isEqualTo(3);
  }

  @Test
  void morphologyYoAndEnglishStemming() throws Exception {
    assertThat(keys("функции", SearchScope.anonymous())).containsExactly("1");
    assertThat(keys("еще", SearchScope.anonymous())).containsExactly("1");
    assertThat(keys("ещё", SearchScope.anonymous())).containsExactly("1");
    assertThat(keys("елка", SearchScope.anonymous())).containsExactly("3");
    assertThat(keys("function", SearchScope.anonymous())).containsExactly("3");
  }

  @Test
  void aLongQuestionFindsThePagesWithMostOfItsWords() throws Exception {
    // No page has «работа» or «родители»: all five words together find nothing.
    assertThat(keys("проектная работа в начальной школе для родителей", SearchScope.anonymous()))
        .containsExactly("1");
    assertThat(keys("работа родителей", SearchScope.anonymous())).isEmpty();
  }

  @Test
  void accessFiltersDrafts() throws Exception {
    assertThat(keys("проект", SearchScope.anonymous())).containsExactly("1");
    assertThat(keys("проект", SearchScope.member(Set.of(1L)))).containsExactlyInAnyOrder("1", "2");
    assertThat(keys("проект", SearchScope.member(Set.of(2L)))).containsExactlyInAnyOrder("1", "4");
    SearchResult all = search.search(SearchQuery.of(""), SearchScope.anonymous());
    assertThat(all.total()).isEqualTo(2);
    assertThat(all.facets().get("kind")).containsOnlyKeys("project", "article");
  }

  @Test
  void wrongLayoutIsCorrected() throws Exception {
    SearchResult result = search.search(SearchQuery.of("ghjtrn"), SearchScope.anonymous());
    assertThat(result.suggestion()).isEqualTo("проект");
    assertThat(result.items()).extracting(SearchResult.Hit::slug).containsExactly("1");
  }

  @Test
  void snippetsAreEscapedAndMarked() throws Exception {
    SearchResult result =
        search.search(SearchQuery.of("секретный"), SearchScope.member(Set.of(1L)));
    String snippet = result.items().getFirst().snippet();
    assertThat(snippet).contains("<mark>Секретный</mark>").contains("&lt;script&gt;");
    assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
  }

  @Test
  void autocompleteAndSimilarRespectAccess() throws Exception {
    assertThat(search.suggestTitles("черн", SearchScope.anonymous(), 5)).isEmpty();
    assertThat(search.suggestTitles("черн", SearchScope.member(Set.of(1L)), 5))
        .extracting(SearchResult.Hit::slug)
        .containsExactly("2");
    assertThat(search.suggestTitles("проект в нач", SearchScope.anonymous(), 5))
        .extracting(SearchResult.Hit::slug)
        .containsExactly("1");
    assertThat(search.similar("missing", SearchScope.anonymous(), 5)).isEmpty();
  }

  @Test
  void hostileQueriesNeverThrow() throws Exception {
    for (String text :
        List.of(
            "\"",
            "((((",
            "a AND OR NOT",
            "+-&&||!(){}[]^\"~*?:\\/",
            "*",
            "-",
            "\u0000\u0007\u001b",
            "\uD800",
            "проект".repeat(2000),
            "x ".repeat(5000),
            "~~~~2",
            "ё".repeat(10_000))) {
      SearchResult result = search.search(SearchQuery.of(text), SearchScope.member(Set.of(1L)));
      assertThat(result).isNotNull();
      search.suggestTitles(text, SearchScope.anonymous(), 5);
    }
  }
}
