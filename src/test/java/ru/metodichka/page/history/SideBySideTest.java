package ru.metodichka.page.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.metodichka.diff.Segment;

class SideBySideTest {

  @Test
  void identicalTextsHaveNoRows() {
    assertThat(SideBySide.of("a\nb\n", "a\nb")).isEmpty();
  }

  @Test
  void changedLineSharesARowWithItsWordsMarkedOnEachSide() {
    List<SideBySide.Row> rows = SideBySide.of("Два яблока.\n", "Два груши.\n");
    assertThat(rows).hasSize(1);
    SideBySide.Row row = rows.getFirst();
    assertThat(row.kind()).isEqualTo("changed");
    assertThat(row.left().line()).isEqualTo(1);
    assertThat(row.right().line()).isEqualTo(1);
    assertThat(text(row.left(), Segment.Kind.DELETED)).isEqualTo("яблока");
    assertThat(text(row.right(), Segment.Kind.INSERTED)).isEqualTo("груши");
  }

  @Test
  void unpairedLinesFaceAnEmptyCell() {
    List<SideBySide.Row> rows = SideBySide.of("a\nb\n", "a\nb\nc\nd\n");
    assertThat(rows)
        .extracting(SideBySide.Row::kind)
        .containsExactly("context", "context", "added", "added");
    assertThat(rows.get(2).left().empty()).isTrue();
    assertThat(text(rows.get(2).right(), Segment.Kind.INSERTED)).isEqualTo("c");
    assertThat(SideBySide.of("a\nb\n", "a\n").getLast().kind()).isEqualTo("removed");
  }

  @Test
  void unchangedStretchesAreCollapsedWithTheirLineCounts() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n";
    String after = before.replace("10\n", "ten\n");
    List<SideBySide.Row> rows = SideBySide.of(before, after);
    assertThat(rows.getFirst().skip()).isTrue();
    assertThat(rows.getFirst().skipped()).isEqualTo(6);
    assertThat(rows.getLast().skip()).isTrue();
    assertThat(rows.getLast().skipped()).isEqualTo(7);
    assertThat(rows.stream().filter(r -> !r.skip())).hasSize(7);
  }

  @Test
  void linesAreCountedAsTheDiffReadsThem() {
    assertThat(SideBySide.lineCount("")).isZero();
    assertThat(SideBySide.lineCount("a")).isEqualTo(1);
    assertThat(SideBySide.lineCount("a\r\nb\r\n")).isEqualTo(2);
    assertThat(SideBySide.lineCount("a\n\nb")).isEqualTo(3);
  }

  private static String text(SideBySide.Cell cell, Segment.Kind kind) {
    StringBuilder out = new StringBuilder();
    cell.segments().stream().filter(s -> s.kind() == kind).forEach(s -> out.append(s.text()));
    return out.toString().strip();
  }
}
