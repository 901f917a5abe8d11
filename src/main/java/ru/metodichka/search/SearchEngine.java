package ru.metodichka.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import ru.metodichka.search.index.IndexedFields;
import ru.metodichka.search.index.SearchAnalyzers;
import ru.metodichka.search.index.SearchIndex;

/**
 * Searches the {@link SearchIndex}: full-text search with facets, snippets and forgiving
 * corrections, title autocomplete, and similar pages. Thread-safe; every method blocks: <b>call
 * from a worker thread</b>.
 */
public final class SearchEngine {
  /** A query with fewer hits than this is worth a correction, if one finds more. */
  static final int FEW_HITS = 3;

  /** Deepest result reachable by paging. */
  static final int MAX_WINDOW = 10_000;

  private final SearchIndex index;
  private final Queries queries = new Queries();
  private final Corrections corrections = new Corrections();
  private final HitReader hitReader = new HitReader();
  private final Analyzer words = SearchAnalyzers.words();
  private final Analyzer analyzer = SearchAnalyzers.perField();

  public SearchEngine(SearchIndex index) {
    this.index = index;
  }

  /** One page of results for what the searcher may see; never throws for any user text. */
  public SearchResult search(SearchQuery query, SearchScope access) throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      return search(searcher, query, access);
    } finally {
      index.release(searcher);
    }
  }

  private SearchResult search(IndexSearcher searcher, SearchQuery query, SearchScope access)
      throws IOException {
    String text = QueryText.clean(query.text());
    if (text.isEmpty()) {
      return run(searcher, new MatchAllDocsQuery(), query, access, null);
    }
    SearchResult asTyped = run(searcher, queries.parse(text), query, access, null);
    if (asTyped.total() >= FEW_HITS) {
      return asTyped;
    }
    Query mostWords = queries.mostWords(text);
    if (mostWords != null) {
      SearchResult relaxed = run(searcher, mostWords, query, access, null);
      if (relaxed.total() > asTyped.total()) {
        return relaxed;
      }
    }
    Optional<SearchResult> corrected = corrected(searcher, text, query, access, asTyped.total());
    if (corrected.isPresent()) {
      return corrected.get();
    }
    Query fuzzy = asTyped.total() == 0 ? queries.fuzzy(text) : null;
    return fuzzy == null ? asTyped : run(searcher, fuzzy, query, access, null);
  }

  /**
   * The other keyboard layout, then spelling, then both: the first that finds more than the query
   * did. Candidates are made one at a time, as they are needed: a spelling suggestion walks the
   * dictionary with Levenshtein automata, the dearest step of a search, and a query in the wrong
   * layout needs none.
   */
  private Optional<SearchResult> corrected(
      IndexSearcher searcher, String text, SearchQuery query, SearchScope access, long found)
      throws IOException {
    List<Supplier<Optional<String>>> candidates =
        List.of(
            () -> Corrections.layout(text),
            () -> spelling(text, searcher),
            () -> Corrections.layout(text).flatMap(swapped -> spelling(swapped, searcher)));
    for (Supplier<Optional<String>> next : candidates) {
      Optional<String> candidate = next.get();
      if (candidate.isPresent()) {
        Query better = queries.parse(candidate.get());
        if (searcher.count(Queries.filtered(better, query, access)) > found) {
          return Optional.of(run(searcher, better, query, access, candidate.get()));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> spelling(String text, IndexSearcher searcher) {
    try {
      return corrections.spelling(text, searcher.getIndexReader());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private SearchResult run(
      IndexSearcher searcher, Query text, SearchQuery query, SearchScope access, String suggestion)
      throws IOException {
    Query filtered = Queries.filtered(text, query, access);
    int window = Math.min(query.page() * query.size(), MAX_WINDOW);
    FacetsCollectorManager.FacetsResult result = collect(searcher, filtered, window, query.sort());
    ScoreDoc[] top = result.topDocs().scoreDocs;
    // A page past the last hit (an old link, a typed address) is empty, not an error.
    int from = Math.min((query.page() - 1) * query.size(), top.length);
    ScoreDoc[] page = Arrays.copyOfRange(top, from, top.length);
    return new SearchResult(
        result.topDocs().totalHits.value(),
        hitReader.read(searcher, text, page),
        FacetCounts.count(
            index.facetStates().forReader(searcher.getIndexReader()), result.facetsCollector()),
        suggestion,
        suggestion != null);
  }

  private static FacetsCollectorManager.FacetsResult collect(
      IndexSearcher searcher, Query query, int window, SearchQuery.Sort sort) throws IOException {
    FacetsCollectorManager facets = new FacetsCollectorManager();
    return switch (sort) {
      case RELEVANCE -> FacetsCollectorManager.search(searcher, query, window, facets);
      case NEWEST ->
          FacetsCollectorManager.search(
              searcher, query, window, by(IndexedFields.NEWEST), true, facets);
      case VIEWS ->
          FacetsCollectorManager.search(
              searcher, query, window, by(IndexedFields.VIEWS), true, facets);
    };
  }

  private static Sort by(String field) {
    return new Sort(new SortField(field, SortField.Type.LONG, true), SortField.FIELD_SCORE);
  }

  /**
   * Titles starting with what the user has typed so far (every word but the last complete, the last
   * a prefix), most viewed first, among pages the searcher may see.
   */
  public List<SearchResult.Hit> suggestTitles(String prefix, SearchScope access, int limit)
      throws IOException {
    List<String> typed = words(QueryText.clean(prefix));
    if (typed.isEmpty() || limit <= 0) {
      return List.of();
    }
    BooleanQuery.Builder titles = new BooleanQuery.Builder();
    for (int i = 0; i < typed.size(); i++) {
      Term term = new Term(IndexedFields.TITLE_WORDS, typed.get(i));
      titles.add(i < typed.size() - 1 ? new TermQuery(term) : new PrefixQuery(term), Occur.MUST);
    }
    titles.add(Queries.access(access), Occur.FILTER);
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs top =
          searcher.search(
              titles.build(), Math.min(limit, SearchQuery.MAX_SIZE), by(IndexedFields.VIEWS));
      return HitReader.plain(searcher, top.scoreDocs);
    } finally {
      index.release(searcher);
    }
  }

  /**
   * «Похожие материалы»: pages sharing the most distinctive words of this page's title and body
   * (MoreLikeThis) as the public reads it, among pages the searcher may see; empty when the page
   * has no public document.
   */
  public List<SearchResult.Hit> similar(String key, SearchScope access, int limit)
      throws IOException {
    if (limit <= 0) {
      return List.of();
    }
    IndexSearcher searcher = index.acquire();
    try {
      Term self = new Term(IndexedFields.KEY, key);
      TopDocs found = searcher.search(new TermQuery(self), 1);
      if (found.scoreDocs.length == 0) {
        return List.of();
      }
      MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
      like.setAnalyzer(analyzer);
      like.setFieldNames(new String[] {IndexedFields.TITLE, IndexedFields.BODY});
      like.setMinTermFreq(2);
      like.setMinDocFreq(2);
      like.setMaxQueryTerms(25);
      Query query =
          new BooleanQuery.Builder()
              .add(like.like(found.scoreDocs[0].doc), Occur.MUST)
              // Neither of the page's own documents (its public one and its insiders' one).
              .add(new TermQuery(new Term(IndexedFields.PAGE_ID, key)), Occur.MUST_NOT)
              .add(Queries.access(access), Occur.FILTER)
              .build();
      TopDocs top = searcher.search(query, Math.min(limit, SearchQuery.MAX_SIZE));
      return HitReader.plain(searcher, top.scoreDocs);
    } finally {
      index.release(searcher);
    }
  }

  private List<String> words(String text) throws IOException {
    List<String> terms = new java.util.ArrayList<>();
    try (TokenStream stream = words.tokenStream(IndexedFields.TITLE_WORDS, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
