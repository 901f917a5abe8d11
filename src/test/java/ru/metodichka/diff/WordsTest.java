package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.metodichka.diff.Segment.Kind;

class WordsTest {
  @Test
  void russianWordsStayWholeBetweenSpacesAndPunctuation() {
    assertThat(Words.tokens("Ёжик, иди-ка  сюда!"))
        .containsExactly("Ёжик", ",", " ", "иди", "-", "ка", "  ", "сюда", "!");
  }

  @Test
  void digitsCombiningMarksAndNoBreakSpacesAreReadAsTeachersTypeThem() {
    assertThat(Words.tokens("5-й класс")).containsExactly("5", "-", "й", " ", "класс");
    assertThat(Words.tokens("е\u0308лка")).containsExactly("е\u0308лка");
    assertThat(Words.tokens("урок\u00a0— игра"))
        .containsExactly("урок", "\u00a0", "—", " ", "игра");
    assertThat(Words.tokens("📚 книга")).containsExactly("📚", " ", "книга");
    assertThat(Words.tokens("")).isEmpty();
  }

  @Test
  void tokensJoinBackToTheLine() {
    String line = "  Тема №3: «Дроби» — 2\u00bd часа;\tитог 100%  ";
    assertThat(String.join("", Words.tokens(line))).isEqualTo(line);
  }

  @Test
  void aPairOfLinesGetsEqualAndChangedSegmentsOnEachSide() {
    Words.Pair pair = Words.compare("Урок длится 40 минут.", "Урок длится 45 минут!");
    assertThat(pair.removed())
        .containsExactly(
            new Segment(Kind.EQUAL, "Урок длится "),
            new Segment(Kind.DELETED, "40"),
            new Segment(Kind.EQUAL, " минут"),
            new Segment(Kind.DELETED, "."));
    assertThat(pair.added())
        .containsExactly(
            new Segment(Kind.EQUAL, "Урок длится "),
            new Segment(Kind.INSERTED, "45"),
            new Segment(Kind.EQUAL, " минут"),
            new Segment(Kind.INSERTED, "!"));
  }

  @Test
  void aLongRewriteOfFrequentWordsIsReplacedAsAWholeBetweenItsCommonStartAndEnd() {
    // Every word occurs hundreds of times: nothing to anchor on, too big for Myers.
    String from = "начало " + "раз два три ".repeat(300) + "конец";
    String to = "начало " + "три два раз два ".repeat(300) + "конец";
    Words.Pair pair = Words.compare(from, to);
    assertThat(pair.removed().getFirst()).isEqualTo(new Segment(Kind.EQUAL, "начало "));
    assertThat(pair.removed().getLast()).isEqualTo(new Segment(Kind.EQUAL, " конец"));
    assertThat(pair.removed()).hasSize(3);
    assertThat(pair.added()).hasSize(3);
  }

  @Test
  void sequencesJoinTouchingChangesIntoOneBlock() {
    List<Sequences.Change<String>> changes =
        Sequences.changes(List.of("а", "б", "в", "г"), List.of("а", "Б", "В", "Г2", "г"));
    assertThat(changes)
        .containsExactly(new Sequences.Change<>(1, List.of("б", "в"), 1, List.of("Б", "В", "Г2")));
  }
}
