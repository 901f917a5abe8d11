package ru.metodichka.search;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import ru.metodichka.search.index.IndexedFields;
import ru.metodichka.search.index.SearchAnalyzers;

/**
 * Candidate corrections of a query that found (almost) nothing: the other keyboard layout, or each
 * unknown word replaced by the closest word of published pages (Levenshtein, at most two edits, the
 * most frequent of the closest). The service keeps a candidate only when it finds more.
 */
final class Corrections {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Shorter words are too ambiguous to correct. */
  private static final int MIN_LENGTH = 4;

  /**
   * One edit first (a transposition is one), two only when one finds nothing. A closer word always
   * wins anyway, and most typos are one edit away; the automata for two edits cost several times
   * more to build (half of a corrected search's time in the profile).
   */
  private final DirectSpellChecker near = checker(1);

  private final DirectSpellChecker far = checker(2);

  private static DirectSpellChecker checker(int maxEdits) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    checker.setMinQueryLength(MIN_LENGTH);
    checker.setLowerCaseTerms(false);
    return checker;
  }

  /** The text typed in the other layout (ЙЦУКЕН ↔ QWERTY), if that changes it. */
  static Optional<String> layout(String text) {
    return QueryText.otherLayout(text);
  }

  /** The text with its unknown words corrected from the index, if any was. */
  Optional<String> spelling(String text, IndexReader reader) throws IOException {
    Matcher words = WORD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    boolean changed = false;
    int last = 0;
    while (words.find()) {
      String word = SearchAnalyzers.fold(words.group());
      String replacement = word;
      boolean fixed = false;
      if (word.length() >= MIN_LENGTH && reader.docFreq(new Term(IndexedFields.SPELL, word)) == 0) {
        SuggestWord[] similar = suggest(near, word, reader);
        if (similar.length == 0) {
          similar = suggest(far, word, reader);
        }
        if (similar.length > 0) {
          replacement = similar[0].string;
          fixed = true;
          changed = true;
        }
      }
      out.append(text, last, words.start()).append(fixed ? replacement : words.group());
      last = words.end();
    }
    out.append(text, last, text.length());
    return changed ? Optional.of(out.toString()) : Optional.empty();
  }

  private static SuggestWord[] suggest(DirectSpellChecker checker, String word, IndexReader reader)
      throws IOException {
    return checker.suggestSimilar(
        new Term(IndexedFields.SPELL, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
  }
}
