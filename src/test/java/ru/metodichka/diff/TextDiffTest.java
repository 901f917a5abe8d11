package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextDiffTest {
  private static String numbered(int lines) {
    return IntStream.rangeClosed(1, lines)
        .mapToObj(i -> "Строка " + i)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void identicalTextsHaveNoHunks() {
    assertThat(TextDiff.diff(numbered(10), numbered(10), 3)).isEmpty();
  }

  @Test
  void aChangedLineIsRemovedAndAddedWithItsChangedWords() {
    String from = "Первый урок\nТема: дроби и проценты\nКонец\n";
    String to = "Первый урок\nТема: десятичные дроби и проценты\nКонец\n";
    List<Hunk> hunks = TextDiff.diff(from, to, 3);
    assertThat(hunks).hasSize(1);
    Hunk hunk = hunks.getFirst();
    assertThat(hunk.fromStart()).isEqualTo(1);
    assertThat(hunk.fromCount()).isEqualTo(3);
    assertThat(hunk.toCount()).isEqualTo(3);
    DiffLine removed = hunk.lines().get(1);
    DiffLine added = hunk.lines().get(2);
    assertThat(removed.type()).isEqualTo(DiffLine.Type.REMOVED);
    assertThat(removed.fromLine()).isEqualTo(2);
    assertThat(removed.toLine()).isNull();
    assertThat(added.type()).isEqualTo(DiffLine.Type.ADDED);
    assertThat(added.toLine()).isEqualTo(2);
    assertThat(added.words()).contains(new Segment(Segment.Kind.INSERTED, "десятичные "));
    assertThat(added.words().stream().map(Segment::text).collect(Collectors.joining()))
        .isEqualTo(added.text());
    assertThat(removed.words().stream().map(Segment::text).collect(Collectors.joining()))
        .isEqualTo(removed.text());
    assertThat(removed.words()).allMatch(s -> s.kind() != Segment.Kind.INSERTED);
  }

  @Test
  void distantChangesMakeSeparateHunksWithContext() {
    String from = numbered(30);
    String to =
        from.replace("Строка 2\n", "Строка два\n").replace("Строка 25\n", "Строка двадцать пять\n");
    List<Hunk> hunks = TextDiff.diff(from, to, 3);
    assertThat(hunks).hasSize(2);
    assertThat(hunks.get(1).fromStart()).isEqualTo(22);
    assertThat(hunks.get(1).lines().getFirst().type()).isEqualTo(DiffLine.Type.CONTEXT);
    assertThat(hunks.get(1).lines().getFirst().fromLine()).isEqualTo(22);
  }

  @Test
  void nearbyChangesShareOneHunk() {
    String from = numbered(20);
    String to =
        from.replace("Строка 5\n", "Строка пять\n").replace("Строка 9\n", "Строка девять\n");
    assertThat(TextDiff.diff(from, to, 3)).hasSize(1);
  }

  @Test
  void insertedLinesHaveOnlyNewLineNumbers() {
    List<Hunk> hunks = TextDiff.diff("а\nб\n", "а\nновая\nб\n", 1);
    DiffLine inserted = hunks.getFirst().lines().get(1);
    assertThat(inserted.type()).isEqualTo(DiffLine.Type.ADDED);
    assertThat(inserted.fromLine()).isNull();
    assertThat(inserted.toLine()).isEqualTo(2);
    assertThat(inserted.words()).isEmpty();
    assertThat(hunks.getFirst().lines().get(2).toLine()).isEqualTo(3);
  }

  @Test
  void charDeltaCountsWordsInChangedLinesAndWholeNewLines() {
    assertThat(TextDiff.charDelta("текст\n", "текст\n")).isEqualTo(new CharDelta(0, 0));
    assertThat(TextDiff.charDelta("", "Одна строка.\n")).isEqualTo(new CharDelta(13, 0));
    assertThat(TextDiff.charDelta("а\n", "а\nВторая строка.\n")).isEqualTo(new CharDelta(15, 0));
    String long1 = "Длинная строка о проектной деятельности младших школьников на уроках.\n";
    String long2 = long1.replace("младших", "юных");
    assertThat(TextDiff.charDelta(long1, long2)).isEqualTo(new CharDelta(4, 7));
  }

  @Test
  void wordsKeepRussianWordsWhole() {
    assertThat(Words.tokens("Ёжик, иди-ка сюда!"))
        .containsExactly("Ёжик", ",", " ", "иди", "-", "ка", " ", "сюда", "!");
  }
}
