package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharDeltaTest {
  private static final String LONG =
      "Длинная строка о проектной деятельности младших школьников на уроках математики, "
          + "литературного чтения и окружающего мира во втором классе.\n";

  @Test
  void identicalTextsCountNothing() {
    assertThat(TextDiff.charDelta(LONG, LONG)).isEqualTo(new CharDelta(0, 0));
    assertThat(TextDiff.charDelta("", "")).isEqualTo(new CharDelta(0, 0));
    assertThat(TextDiff.charDelta("а\nб\n", "а\r\nб\r\n")).isEqualTo(new CharDelta(0, 0));
  }

  @Test
  void anAppendedParagraphCountsItsCharactersAndNewlines() {
    String paragraph = "\nНовый абзац о проекте.\n";
    assertThat(TextDiff.charDelta(LONG, LONG + paragraph))
        .isEqualTo(new CharDelta(paragraph.length(), 0));
    assertThat(TextDiff.charDelta("", "Одна строка.\n")).isEqualTo(new CharDelta(13, 0));
  }

  @Test
  void aDeletedParagraphCountsAsRemoved() {
    assertThat(TextDiff.charDelta("Первый.\nВторой.\n", "Первый.\n"))
        .isEqualTo(new CharDelta(0, 8));
  }

  @Test
  void replacingOneWordInALongLineCountsThatWordOnly() {
    assertThat(TextDiff.charDelta(LONG, LONG.replace("младших", "юных")))
        .isEqualTo(new CharDelta(4, 7));
  }

  @Test
  void movingOneWordInALongLineCountsThatWordNotTheLine() {
    String moved = LONG.replace("Длинная строка", "Строка").replace("уроках", "длинных уроках");
    CharDelta delta = TextDiff.charDelta(LONG, moved);
    assertThat(delta.added()).isBetween(8, 16);
    assertThat(delta.removed()).isBetween(8, 16);
  }

  @Test
  void reworkingEveryParagraphAndDroppingOneCountsTheWordsNotTheParagraphs() {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      paragraphs.add("Абзац " + i + " о проекте «Дроби», этап " + i + ", класс " + (i + 3) + ".");
    }
    List<String> edited = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      if (i != 4) {
        edited.add(paragraphs.get(i).replace("проекте", "уроке"));
      }
    }
    String dropped = paragraphs.get(4) + "\n\n";
    CharDelta delta =
        TextDiff.charDelta(String.join("\n\n", paragraphs), String.join("\n\n", edited));
    assertThat(delta).isEqualTo(new CharDelta(11 * 5, 11 * 7 + dropped.length()));
  }

  @Test
  void charactersAreCountedAsCodePoints() {
    assertThat(TextDiff.charDelta("Книги\n", "Книги 📚\n")).isEqualTo(new CharDelta(2, 0));
  }

  @Test
  void aLongParagraphRewrittenThroughCountsAboutTheWholeParagraph() {
    String from = "Первый вариант очень длинного абзаца про уроки. ".repeat(400);
    String to = "Совсем другой текст о внеурочной работе с классом! ".repeat(400);
    CharDelta delta = TextDiff.charDelta(from, to);
    assertThat(delta.added()).isBetween(to.length() / 2, to.length());
    assertThat(delta.removed()).isBetween(from.length() / 2, from.length());
  }
}
