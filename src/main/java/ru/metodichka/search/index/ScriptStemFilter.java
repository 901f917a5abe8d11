package ru.metodichka.search.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Stems each token with the Snowball stemmer of its script: Russian for a word that starts with a
 * Cyrillic letter, English for one that starts with a Latin letter; others (numbers) stay as they
 * are. One chain for mixed Russian and English text, where a per-language field would have to guess
 * the language of a whole page.
 */
final class ScriptStemFilter extends TokenFilter {
  /** Stems kept per thread: about a megabyte at most. */
  static final int MAX_CACHED = 8192;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final SnowballStemmer russian = new RussianStemmer();
  private final SnowballStemmer english = new EnglishStemmer();

  /**
   * Stems of the words this thread has stemmed lately. Words repeat (a page says «урок» many times,
   * every page says «который»), and a hit is cheaper than Snowball, which took a tenth of a
   * rebuild. Per thread, as a page's body gets a new filter; emptied when full.
   */
  private static final ThreadLocal<CharArrayMap<char[]>> STEMS =
      ThreadLocal.withInitial(() -> new CharArrayMap<>(MAX_CACHED, false));

  private final CharArrayMap<char[]> stems = STEMS.get();

  ScriptStemFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (keyword.isKeyword()) {
      return true;
    }
    char[] cached = stems.get(term.buffer(), 0, term.length());
    if (cached != null) {
      term.copyBuffer(cached, 0, cached.length);
      return true;
    }
    SnowballStemmer stemmer = stemmerFor(term.buffer(), term.length());
    if (stemmer != null) {
      char[] word = Arrays.copyOf(term.buffer(), term.length());
      stemmer.setCurrent(term.buffer(), term.length()); // stemmed in place, or into a new buffer
      stemmer.stem();
      char[] stem = Arrays.copyOf(stemmer.getCurrentBuffer(), stemmer.getCurrentBufferLength());
      term.copyBuffer(stem, 0, stem.length);
      if (stems.size() >= MAX_CACHED) {
        stems.clear();
      }
      stems.put(word, stem);
    }
    return true;
  }

  private SnowballStemmer stemmerFor(char[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (Character.isLetter(c)) {
        // Fast paths for the two alphabets of nearly every word (the general lookup is a binary
        // search over Unicode's script table, per token).
        if (c < 0x80) {
          return english;
        }
        if (c >= 0x0400 && c <= 0x052F) {
          return russian;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.CYRILLIC) {
          return russian;
        }
        return script == Character.UnicodeScript.LATIN ? english : null;
      }
    }
    return null;
  }
}
