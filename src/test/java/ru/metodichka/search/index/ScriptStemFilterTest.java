package ru.metodichka.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

class ScriptStemFilterTest {
  @Test
  void eachWordIsStemmedByTheStemmerOfItsScriptAndNumbersStayAsTheyAre() throws IOException {
    assertThat(stems("Уроки урок functions 2024 уроками"))
        .containsExactly("урок", "урок", "function", "2024", "урок");
  }

  @Test
  void aRepeatedWordGetsTheSameStemAsItsFirstTime() throws IOException {
    List<String> first = stems("проектная деятельность учеников, проекты и проектов");
    List<String> again = stems("проектная деятельность учеников, проекты и проектов");
    assertThat(again)
        .isEqualTo(first)
        .containsExactly("проектн", "деятельн", "ученик", "проект", "проект");
  }

  @Test
  void stemsStayRightWhenTheThreadHasSeenMoreWordsThanItKeeps() throws IOException {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ScriptStemFilter.MAX_CACHED + 500; i++) {
      String word = "слов" + cyrillic(i) + "ами";
      text.append(word).append(' ');
      expected.add(snowball(new RussianStemmer(), word));
    }
    assertThat(stems(text.toString())).isEqualTo(expected);
    assertThat(stems(text.toString())).isEqualTo(expected);
  }

  private static List<String> stems(String text) throws IOException {
    List<String> stems = new ArrayList<>();
    try (TokenStream stream = SearchAnalyzers.text(text, null)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        stems.add(term.toString());
      }
      stream.end();
    }
    return stems;
  }

  private static String snowball(SnowballStemmer stemmer, String word) {
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  /** A number written with Cyrillic letters: a distinct word for each. */
  private static String cyrillic(int n) {
    StringBuilder word = new StringBuilder();
    do {
      word.append((char) ('а' + n % 20));
      n /= 20;
    } while (n > 0);
    return word.toString();
  }
}
