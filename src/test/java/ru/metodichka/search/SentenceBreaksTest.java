package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  private static final String TEXT = "Первое предложение. Второе! Т.е. третье\nlet x = 1;\n\nКонец";

  private static List<Integer> boundaries(String text) {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(text);
    List<Integer> found = new ArrayList<>();
    for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
      found.add(b);
    }
    return found;
  }

  @Test
  void breaksAfterSentenceEndsAndLineBreaks() {
    List<String> passages = new ArrayList<>();
    List<Integer> found = boundaries(TEXT);
    for (int i = 1; i < found.size(); i++) {
      passages.add(TEXT.substring(found.get(i - 1), found.get(i)));
    }
    assertThat(passages)
        .containsExactly(
            "Первое предложение. ", "Второе! ", "Т.е. ", "третье\n", "let x = 1;\n", "\n", "Конец");
  }

  @Test
  void whitespaceIsWhatTheJdkCallsWhitespaceForEveryCharacter() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      assertThat(SentenceBreaks.space((char) c))
          .as("U+%04X", c)
          .isEqualTo(Character.isWhitespace((char) c));
    }
  }

  @Test
  void followingAndPrecedingStopAtTheEnds() {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(TEXT);
    assertThat(breaks.following(0)).isEqualTo(TEXT.indexOf("Второе"));
    assertThat(breaks.preceding(TEXT.indexOf("Второе") + 2)).isEqualTo(TEXT.indexOf("Второе"));
    assertThat(breaks.preceding(3)).isZero();
    assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.following(TEXT.length() - 1)).isEqualTo(TEXT.length());
    assertThat(boundaries("")).containsExactly(0);
  }
}
