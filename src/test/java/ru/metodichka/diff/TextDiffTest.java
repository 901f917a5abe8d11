package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.metodichka.diff.DiffLine.Type;
import ru.metodichka.diff.Segment.Kind;

class TextDiffTest {
  static String numbered(int lines) {
    return IntStream.rangeClosed(1, lines)
        .mapToObj(i -> "Строка " + i)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  static String joined(List<Segment> segments) {
    return segments.stream().map(Segment::text).collect(Collectors.joining());
  }

  @Test
  void identicalTextsHaveNoHunks() {
    assertThat(TextDiff.diff(numbered(10), numbered(10), 3)).isEmpty();
    assertThat(TextDiff.diff("", "", 3)).isEmpty();
  }

  @Test
  void lineEndingsAndAMissingFinalNewlineAreNotDifferences() {
    String text = numbered(5);
    assertThat(TextDiff.diff(text, text.replace("\n", "\r\n"), 3)).isEmpty();
    assertThat(TextDiff.diff(text, text.substring(0, text.length() - 1), 3)).isEmpty();
  }

  @Test
  void aChangedLineIsRemovedThenAddedWithItsChangedWords() {
    String from = "Первый урок\nТема: дроби и проценты\nКонец\n";
    String to = "Первый урок\nТема: десятичные дроби и проценты\nКонец\n";
    List<Hunk> hunks = TextDiff.diff(from, to, 3);
    assertThat(hunks).hasSize(1);
    Hunk hunk = hunks.getFirst();
    assertThat(List.of(hunk.fromStart(), hunk.fromCount(), hunk.toStart(), hunk.toCount()))
        .containsExactly(1, 3, 1, 3);
    assertThat(hunk.lines())
        .extracting(DiffLine::type)
        .containsExactly(Type.CONTEXT, Type.REMOVED, Type.ADDED, Type.CONTEXT);
    DiffLine removed = hunk.lines().get(1);
    DiffLine added = hunk.lines().get(2);
    assertThat(removed.fromLine()).isEqualTo(2);
    assertThat(removed.toLine()).isNull();
    assertThat(removed.words()).containsExactly(new Segment(Kind.EQUAL, "Тема: дроби и проценты"));
    assertThat(added.fromLine()).isNull();
    assertThat(added.toLine()).isEqualTo(2);
    assertThat(added.words())
        .containsExactly(
            new Segment(Kind.EQUAL, "Тема: "),
            new Segment(Kind.INSERTED, "десятичные "),
            new Segment(Kind.EQUAL, "дроби и проценты"));
  }

  @Test
  void aReplacedRussianWordIsDeletedAndInsertedWhole() {
    List<DiffLine> lines =
        TextDiff.diff("Работа младших школьников\n", "Работа юных школьников\n", 0)
            .getFirst()
            .lines();
    assertThat(lines.get(0).words())
        .containsExactly(
            new Segment(Kind.EQUAL, "Работа "),
            new Segment(Kind.DELETED, "младших"),
            new Segment(Kind.EQUAL, " школьников"));
    assertThat(lines.get(1).words()).contains(new Segment(Kind.INSERTED, "юных"));
  }

  @Test
  void changedLinesArePairedInOrderInsideABlock() {
    String from = "до\nпервая строка\nвторая строка\nпосле\n";
    String to = "до\nпервая строка!\nвторая строка?\nновая третья\nпосле\n";
    List<DiffLine> lines = TextDiff.diff(from, to, 1).getFirst().lines();
    assertThat(lines)
        .extracting(DiffLine::type)
        .containsExactly(
            Type.CONTEXT,
            Type.REMOVED,
            Type.REMOVED,
            Type.ADDED,
            Type.ADDED,
            Type.ADDED,
            Type.CONTEXT);
    assertThat(lines.get(1).words()).containsExactly(new Segment(Kind.EQUAL, "первая строка"));
    assertThat(lines.get(3).words()).contains(new Segment(Kind.INSERTED, "!"));
    assertThat(lines.get(4).words()).contains(new Segment(Kind.INSERTED, "?"));
    assertThat(lines.get(5).words()).isEmpty();
    for (DiffLine line : lines) {
      if (!line.words().isEmpty()) {
        assertThat(joined(line.words())).isEqualTo(line.text());
      }
    }
  }

  @Test
  void insertedAndDeletedLinesHaveOnlyTheirOwnSideNumbers() {
    List<DiffLine> inserted = TextDiff.diff("а\nб\n", "а\nновая\nб\n", 1).getFirst().lines();
    assertThat(inserted.get(1)).isEqualTo(new DiffLine(Type.ADDED, null, 2, "новая", List.of()));
    assertThat(inserted.get(2)).isEqualTo(new DiffLine(Type.CONTEXT, 2, 3, "б", List.of()));
    List<DiffLine> deleted = TextDiff.diff("а\nлишняя\nб\n", "а\nб\n", 1).getFirst().lines();
    assertThat(deleted.get(1)).isEqualTo(new DiffLine(Type.REMOVED, 2, null, "лишняя", List.of()));
    assertThat(deleted.get(2)).isEqualTo(new DiffLine(Type.CONTEXT, 3, 2, "б", List.of()));
  }

  @Test
  void distantChangesMakeSeparateHunksWithTheirContext() {
    String from = numbered(30);
    String to =
        from.replace("Строка 2\n", "Строка два\nи ещё одна\n")
            .replace("Строка 25\n", "Строка двадцать пять\n");
    List<Hunk> hunks = TextDiff.diff(from, to, 3);
    assertThat(hunks).hasSize(2);
    // Context is cut at the start of the text: line 2 has one line before it.
    assertThat(hunks.get(0))
        .extracting(Hunk::fromStart, Hunk::fromCount, Hunk::toStart, Hunk::toCount)
        .containsExactly(1, 5, 1, 6);
    // The line added in the first hunk shifts the new side of the second one.
    assertThat(hunks.get(1))
        .extracting(Hunk::fromStart, Hunk::fromCount, Hunk::toStart, Hunk::toCount)
        .containsExactly(22, 7, 23, 7);
    assertThat(hunks.get(1).lines().getFirst())
        .isEqualTo(new DiffLine(Type.CONTEXT, 22, 23, "Строка 22", List.of()));
  }

  @Test
  void hunksMergeWhenTheirContextsOverlapOrTouch() {
    String from = numbered(30);
    // Six unchanged lines between the changes: the two contexts of three touch.
    String touching = from.replace("Строка 5\n", "5\n").replace("Строка 12\n", "12\n");
    assertThat(TextDiff.diff(from, touching, 3)).hasSize(1);
    String apart = from.replace("Строка 5\n", "5\n").replace("Строка 13\n", "13\n");
    assertThat(TextDiff.diff(from, apart, 3)).hasSize(2);
  }

  @Test
  void contextIsCutAtTheEndOfTheText() {
    Hunk hunk = TextDiff.diff(numbered(10), numbered(10) + "Строка 11\n", 3).getFirst();
    assertThat(hunk)
        .extracting(Hunk::fromStart, Hunk::fromCount, Hunk::toStart, Hunk::toCount)
        .containsExactly(8, 3, 8, 4);
  }

  @Test
  void zeroContextShowsOnlyTheChangedLines() {
    Hunk hunk =
        TextDiff.diff(numbered(10), numbered(10).replace("Строка 4", "Четыре"), 0).getFirst();
    assertThat(hunk.lines()).extracting(DiffLine::type).containsExactly(Type.REMOVED, Type.ADDED);
    assertThat(hunk).extracting(Hunk::fromStart, Hunk::toStart).containsExactly(4, 4);
  }

  @Test
  void aTextWrittenOnAnEmptyPageIsOneHunkOfAddedLines() {
    Hunk hunk = TextDiff.diff("", "Первая\nВторая", 3).getFirst();
    assertThat(hunk)
        .extracting(Hunk::fromStart, Hunk::fromCount, Hunk::toStart, Hunk::toCount)
        .containsExactly(1, 0, 1, 2);
    assertThat(hunk.lines()).extracting(DiffLine::type).containsOnly(Type.ADDED);
  }

  @Test
  void aNegativeContextIsRejected() {
    assertThatThrownBy(() -> TextDiff.diff("а", "б", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
