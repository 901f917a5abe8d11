package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

class LightPassageScorerTest {
  private static final List<String> WORDS =
      List.of("перемен", "замыкан", "массив", "промис", "цикл", "объект", "функц", "класс");

  /** Matches as word numbers (repeats included), each with the frequency of its first match. */
  @Property
  void scoresEveryPassageAsLucenesScorerDoes(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 7) Integer> matches,
      @ForAll @IntRange(min = 0, max = 50_000) int start,
      @ForAll @IntRange(min = 1, max = 2_000) int length,
      @ForAll @IntRange(min = 1, max = 100_000) int contentLength) {
    Passage passage = new Passage();
    passage.setStartOffset(start);
    passage.setEndOffset(start + length);
    for (int i = 0; i < matches.size(); i++) {
      int word = matches.get(i);
      int at = start + i % length;
      // A repeated term may carry another frequency: the first match's counts, as in Lucene.
      passage.addMatch(at, at + 1, new BytesRef(WORDS.get(word)), 1 + word * 3 + i % 2);
    }
    assertThat(new LightPassageScorer().score(passage, contentLength))
        .isEqualTo(new PassageScorer().score(passage, contentLength));
  }
}
