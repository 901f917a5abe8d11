package ru.metodichka.search.index;

import java.io.StringReader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains of the index, the same at index and at query time.
 *
 * <p>Text fields (title, body): Unicode word tokens (StandardTokenizer keeps «JavaScript-код» as
 * two words and numbers as words), {@code ё}→{@code е} folded right after the tokenizer, before
 * anything else (people type «еще» for «ещё» and the Snowball stemmer and stop list expect {@code
 * е}), lower-cased, Russian and English stop words dropped, then stemmed by script: Snowball
 * Russian for Cyrillic words («функции», «функцией» → «функц»), Snowball English for Latin words
 * («functions» → «function»), so that mixed texts about programming find both.
 *
 * <p>Word fields (spelling, autocomplete): the same tokens and folding without stemming or stop
 * words, so that a spelling suggestion or a title prefix is a real word as people write it.
 */
public final class SearchAnalyzers {
  private SearchAnalyzers() {}

  /**
   * Russian (Snowball list, as PostgreSQL ships it) and English stop words, folded like the text.
   * «еще» stays searchable: it is a content word in phrases such as «ещё раз» and the ё-folding is
   * pointless for a word that is never indexed.
   */
  static final CharArraySet STOP_WORDS = stopWords();

  /** Analyzer for the title and body fields: stemming, stop words, ё-folding. */
  public static Analyzer text() {
    return new Folding() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, textChain(source, null));
      }
    };
  }

  /**
   * The {@link #text()} analysis of {@code text}, handing each word on the way, as the word fields
   * hold it (folded and lower-cased, not stemmed, stop words included), to {@code words}.
   */
  static TokenStream text(String text, CollectedWords words) {
    Tokenizer source = new StandardTokenizer();
    source.setReader(new StringReader(text));
    return textChain(source, words);
  }

  private static TokenStream textChain(Tokenizer source, CollectedWords words) {
    TokenStream stream = new LowerCaseFilter(new YoFoldingFilter(source));
    if (words != null) {
      stream = words.collector(stream);
    }
    stream = new StopFilter(stream, STOP_WORDS);
    return new ScriptStemFilter(stream);
  }

  /** Analyzer for whole words: tokens, ё-folding and lower case only. */
  public static Analyzer words() {
    return new Folding() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(new YoFoldingFilter(source)));
      }
    };
  }

  /** ё folded to е and lower case for prefix and fuzzy terms too, as for the indexed tokens. */
  private abstract static class Folding extends Analyzer {
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(new YoFoldingFilter(in));
    }
  }

  /** The index's analyzer: {@link #words()} for the word fields, {@link #text()} for the rest. */
  public static Analyzer perField() {
    Analyzer words = words();
    return new PerFieldAnalyzerWrapper(
        text(), Map.of(IndexedFields.SPELL, words, IndexedFields.TITLE_WORDS, words));
  }

  /** Folds ё to е and lower-cases: what the word fields hold for a word. */
  public static String fold(String word) {
    return word.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
  }

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(256, true);
    for (Object word : RussianAnalyzer.getDefaultStopSet()) {
      String folded = fold(new String((char[]) word));
      if (!folded.equals("еще")) {
        set.add(folded);
      }
    }
    set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return CharArraySet.unmodifiableSet(set);
  }
}
