package ru.metodichka.search;

import java.io.IOException;
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
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final SnowballStemmer russian = new RussianStemmer();
  private final SnowballStemmer english = new EnglishStemmer();

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
    SnowballStemmer stemmer = stemmerFor(term.buffer(), term.length());
    if (stemmer != null) {
      char[] buffer = term.buffer();
      stemmer.setCurrent(buffer, term.length());
      stemmer.stem();
      char[] stemmed = stemmer.getCurrentBuffer();
      int length = stemmer.getCurrentBufferLength();
      if (stemmed != buffer) {
        term.copyBuffer(stemmed, 0, length);
      } else {
        term.setLength(length);
      }
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
