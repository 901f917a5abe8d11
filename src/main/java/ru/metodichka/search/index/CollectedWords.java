package ru.metodichka.search.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The distinct words of a page, gathered while its body is analysed for the body field, replayed as
 * the tokens of the spelling field. The spelling field needs only which words a page holds, so one
 * analysis serves both: analysing every body a second time took about an eighth of indexing. One
 * instance per document; the spelling field must come after the body in the document (Lucene
 * inverts a document's fields in order).
 */
final class CollectedWords extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final CharArraySet words = new CharArraySet(256, false);
  private Iterator<Object> next;

  /** Passes the tokens through, keeping a copy of each distinct one. */
  TokenFilter collector(TokenStream input) {
    return new TokenFilter(input) {
      private final CharTermAttribute seen = addAttribute(CharTermAttribute.class);

      @Override
      public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
          return false;
        }
        if (!words.contains(seen.buffer(), 0, seen.length())) {
          words.add(Arrays.copyOf(seen.buffer(), seen.length()));
        }
        return true;
      }
    };
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = words.iterator();
  }

  @Override
  public boolean incrementToken() {
    clearAttributes();
    if (next == null || !next.hasNext()) {
      return false;
    }
    Object word = next.next();
    if (word instanceof char[] chars) {
      term.copyBuffer(chars, 0, chars.length);
    } else {
      term.setEmpty().append(word.toString());
    }
    return true;
  }
}
