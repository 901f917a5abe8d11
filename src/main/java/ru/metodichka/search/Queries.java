package ru.metodichka.search;

import static ru.metodichka.search.index.IndexedFields.BODY;
import static ru.metodichka.search.index.IndexedFields.TITLE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import ru.metodichka.search.index.IndexedFields;
import ru.metodichka.search.index.SearchAnalyzers;

/** Builds Lucene queries from cleaned user text, filters and access. Thread-safe. */
final class Queries {
  /**
   * A title match weighs four body matches: a page titled «Переменные» is about variables, a page
   * that mentions them in passing is not. BM25 already favours short titles.
   */
  static final float TITLE_BOOST = 4f;

  /** Words in an attached file count for less than the page's own: the page is about its text. */
  static final float FILES_WEIGHT = 0.5f;

  private static final Map<String, Float> WEIGHTS =
      Map.of(TITLE, TITLE_BOOST, BODY, 1f, IndexedFields.FILES, FILES_WEIGHT);

  /**
   * Phrases in quotes, prefixes (функ*), -exclusion, | and parentheses. SimpleQueryParser never
   * throws: whatever it cannot read is taken as plain terms. The fuzzy and proximity operators (~)
   * are off; forgiving fuzzy matching is applied by the service itself when needed.
   */
  private static final int FLAGS =
      SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.WHITESPACE_OPERATOR
          | SimpleQueryParser.PREFIX_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.OR_OPERATOR
          | SimpleQueryParser.AND_OPERATOR
          | SimpleQueryParser.PRECEDENCE_OPERATORS
          | SimpleQueryParser.ESCAPE_OPERATOR;

  /** Fuzzy fallback: at most this many words, each expanded to at most this many terms. */
  private static final int FUZZY_WORDS = 8;

  private static final int FUZZY_EXPANSIONS = 20;

  private final Analyzer analyzer = SearchAnalyzers.text();

  /** All words must match (in title or body), as people expect of a search box. */
  Query parse(String text) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS, FLAGS);
    parser.setDefaultOperator(Occur.MUST);
    Query query = parser.parse(text);
    return query == null ? new MatchNoDocsQuery("no words") : query;
  }

  /**
   * For a question of three words or more that found (almost) nothing with all of them: half of
   * them (rounded up) must match, and pages with more of them rank higher. «Проектная деятельность
   * в начальной школе» then finds the material about projects in primary school that never uses the
   * word «деятельность». Null when the text is shorter or uses operators.
   */
  Query mostWords(String text) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS, FLAGS);
    parser.setDefaultOperator(Occur.SHOULD);
    if (!(parser.parse(text) instanceof BooleanQuery words)
        || words.clauses().size() < 3
        || words.clauses().stream().anyMatch(clause -> clause.occur() != Occur.SHOULD)) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    words.clauses().forEach(query::add);
    return query.setMinimumNumberShouldMatch((words.clauses().size() + 1) / 2).build();
  }

  /**
   * Every word within one or two edits (by its length) of an indexed stem, in title or body; null
   * when no word is long enough to be fuzzy.
   */
  Query fuzzy(String text) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    List<String> stems = analyze(text);
    for (String stem : stems.subList(0, Math.min(stems.size(), FUZZY_WORDS))) {
      int edits = stem.length() < 4 ? 0 : stem.length() < 7 ? 1 : 2;
      if (edits == 0) {
        continue;
      }
      Query word =
          new BooleanQuery.Builder()
              .add(fuzzy(TITLE, stem, edits, TITLE_BOOST), Occur.SHOULD)
              .add(fuzzy(BODY, stem, edits, 1f), Occur.SHOULD)
              .build();
      all.add(word, Occur.MUST);
    }
    BooleanQuery query = all.build();
    return query.clauses().isEmpty() ? null : query;
  }

  private static Query fuzzy(String field, String stem, int edits, float boost) {
    Query fuzzy = new FuzzyQuery(new Term(field, stem), edits, 1, FUZZY_EXPANSIONS, true);
    return boost == 1f ? fuzzy : new BoostQuery(fuzzy, boost);
  }

  private List<String> analyze(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /** The text query restricted by the search's filters and the searcher's access. */
  static Query filtered(Query text, SearchQuery search, SearchScope access) {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
    query.add(access(access), Occur.FILTER);
    filter(query, IndexedFields.KIND, search.kind());
    filter(query, IndexedFields.COMMUNITY, search.community());
    filter(query, IndexedFields.SUBJECT, search.subject());
    filter(query, IndexedFields.LEVEL, search.level());
    facet(query, IndexedFields.LICENCE, search.licence());
    facet(query, IndexedFields.YEAR, search.year() == null ? null : search.year().toString());
    return query.build();
  }

  private static final FacetsConfig FACETS = IndexedFields.facetsConfig();

  /** Licence and year are facets only: filtered by the drill-down term the facet field indexes. */
  private static void facet(BooleanQuery.Builder query, String dimension, String value) {
    if (value != null) {
      String field = FACETS.getDimConfig(dimension).indexFieldName;
      query.add(new TermQuery(DrillDownQuery.term(field, dimension, value)), Occur.FILTER);
    }
  }

  private static void filter(BooleanQuery.Builder query, String field, String value) {
    if (value != null && !value.isBlank()) {
      query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  /**
   * What the searcher may find ({@link SearchScope}): public documents (published pages' reviewed
   * revisions) for everyone; for an insider of some communities also their pages' insiders'
   * documents (latest revisions; archived pages left out), and there a page's public document only
   * when it has no insiders' one, so each page is found once, as its reader reads it.
   */
  static Query access(SearchScope access) {
    Query everyone = new TermQuery(new Term(IndexedFields.AUDIENCE, IndexedFields.PUBLIC));
    return switch (access) {
      case SearchScope.Anonymous anonymous -> everyone;
      case SearchScope.Member member -> {
        List<BytesRef> ids =
            member.communityIds().stream().map(id -> new BytesRef(Long.toString(id))).toList();
        Query own = new TermInSetQuery(IndexedFields.COMMUNITY_ID, ids);
        Query shadowedHere =
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexedFields.SHADOWED, "1")), Occur.FILTER)
                .add(own, Occur.FILTER)
                .build();
        Query publicOnes =
            new BooleanQuery.Builder()
                .add(everyone, Occur.FILTER)
                .add(shadowedHere, Occur.MUST_NOT)
                .build();
        Query insiders =
            new BooleanQuery.Builder()
                .add(
                    new TermQuery(new Term(IndexedFields.AUDIENCE, IndexedFields.INSIDERS)),
                    Occur.FILTER)
                .add(own, Occur.FILTER)
                .add(new TermQuery(new Term(IndexedFields.STATUS, "archived")), Occur.MUST_NOT)
                .build();
        yield new BooleanQuery.Builder()
            .add(publicOnes, Occur.SHOULD)
            .add(insiders, Occur.SHOULD)
            .setMinimumNumberShouldMatch(1)
            .build();
      }
    };
  }
}
