package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.metodichka.diff.DiffLine.Type;
import ru.metodichka.diff.Segment.Kind;

/** Random Cyrillic texts and edits, with a fixed seed: the hunks must describe the edit exactly. */
class TextDiffPropertyTest {
  private static final String[] WORDS = {
    "урок", "дроби", "проект", "ученики", "класс", "оценка", "«итог»", "—", "5-й", "ёлка", ","
  };

  private final Random random = new Random(7);

  @Test
  void hunksTurnTheOldTextIntoTheNewOneAndSegmentsRebuildTheirLines() {
    for (int round = 0; round < 500; round++) {
      List<String> from = new ArrayList<>();
      int size = random.nextInt(30);
      for (int i = 0; i < size; i++) {
        from.add(sentence());
      }
      List<String> to = edit(from);
      int context = random.nextInt(4);
      List<Hunk> hunks = TextDiff.diff(String.join("\n", from), String.join("\n", to), context);
      assertThat(apply(from, hunks)).isEqualTo(to);
      hunks.forEach(hunk -> assertConsistent(hunk, from, to));
      assertThat(hunks.isEmpty()).isEqualTo(from.equals(to));
    }
  }

  /** Replays the hunks: context and removed lines must match the old text where they claim. */
  private static List<String> apply(List<String> from, List<Hunk> hunks) {
    List<String> result = new ArrayList<>();
    int next = 0;
    for (Hunk hunk : hunks) {
      int start = hunk.fromStart() - 1;
      result.addAll(from.subList(next, start));
      next = start;
      for (DiffLine line : hunk.lines()) {
        if (line.type() != Type.ADDED) {
          assertThat(from.get(next)).isEqualTo(line.text());
          next++;
        }
        if (line.type() != Type.REMOVED) {
          result.add(line.text());
        }
      }
    }
    result.addAll(from.subList(next, from.size()));
    return result;
  }

  /** Line numbers count on from the hunk starts and point at the lines' own texts. */
  private static void assertConsistent(Hunk hunk, List<String> from, List<String> to) {
    int fromLine = hunk.fromStart();
    int toLine = hunk.toStart();
    for (DiffLine line : hunk.lines()) {
      if (line.type() != Type.ADDED) {
        assertThat(line.fromLine()).isEqualTo(fromLine++);
        assertThat(from.get(line.fromLine() - 1)).isEqualTo(line.text());
      }
      if (line.type() != Type.REMOVED) {
        assertThat(line.toLine()).isEqualTo(toLine++);
        assertThat(to.get(line.toLine() - 1)).isEqualTo(line.text());
      }
      if (!line.words().isEmpty()) {
        assertThat(String.join("", line.words().stream().map(Segment::text).toList()))
            .isEqualTo(line.text());
        Kind foreign = line.type() == Type.ADDED ? Kind.DELETED : Kind.INSERTED;
        assertThat(line.words()).extracting(Segment::kind).doesNotContain(foreign);
      }
    }
    assertThat(fromLine - hunk.fromStart()).isEqualTo(hunk.fromCount());
    assertThat(toLine - hunk.toStart()).isEqualTo(hunk.toCount());
  }

  private String sentence() {
    StringBuilder line = new StringBuilder();
    int words = 1 + random.nextInt(8);
    for (int i = 0; i < words; i++) {
      line.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return line.toString();
  }

  private List<String> edit(List<String> from) {
    List<String> lines = new ArrayList<>(from);
    int edits = random.nextInt(5);
    for (int k = 0; k < edits; k++) {
      int at = random.nextInt(lines.size() + 1);
      switch (random.nextInt(3)) {
        case 0 -> lines.add(at, sentence());
        case 1 -> {
          if (at < lines.size()) {
            lines.set(at, lines.get(at) + " " + WORDS[random.nextInt(WORDS.length)]);
          }
        }
        default -> {
          if (at < lines.size()) {
            lines.remove(at);
          }
        }
      }
    }
    return lines;
  }
}
