package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random Cyrillic texts and random edit scripts on both sides, with a fixed seed. */
class TextMergePropertyTest {
  private static final String LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗ";
  private static final int ROUNDS = 1000;

  private final Random random = new Random(20261127);

  @Test
  void mergesKeepEverySidesInsertedLinesAndAreExactWhenOnlyOneSideDiffers() {
    int cleanCount = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<String> base = randomLines();
      String baseText = text(base, random.nextInt(4) > 0);
      List<String> currentMarkers = new ArrayList<>();
      List<String> yourMarkers = new ArrayList<>();
      String current = edit(base, "ТЕКУЩАЯ-" + round, currentMarkers);
      String yours = edit(base, "ВАША-" + round, yourMarkers);

      assertThat(TextMerge.merge(baseText, current, current))
          .isEqualTo(new MergeOutcome.Clean(current));
      assertThat(TextMerge.merge(baseText, baseText, yours))
          .isEqualTo(new MergeOutcome.Clean(yours));
      assertThat(TextMerge.merge(baseText, current, baseText))
          .isEqualTo(new MergeOutcome.Clean(current));

      switch (TextMerge.merge(baseText, current, yours)) {
        case MergeOutcome.Clean(String merged) -> {
          cleanCount++;
          assertCleanMerge(merged, base, current, yours, currentMarkers, yourMarkers);
        }
        case MergeOutcome.Conflicted(List<ConflictHunk> hunks) ->
            assertConflicts(hunks, base, current, yours);
      }
    }
    // The generator must exercise both outcomes, or the loop proves little.
    assertThat(cleanCount).isBetween(ROUNDS / 10, ROUNDS * 9 / 10);
  }

  @Test
  void settlingConflictsLosesOnlyWhatAChoiceLeftOut() {
    int conflicted = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<String> base = randomLines();
      String baseText = text(base, random.nextInt(4) > 0);
      List<String> currentMarkers = new ArrayList<>();
      List<String> yourMarkers = new ArrayList<>();
      String current = edit(base, "ТЕКУЩАЯ-" + round, currentMarkers);
      String yours = edit(base, "ВАША-" + round, yourMarkers);
      if (!(TextMerge.merge(baseText, current, yours)
          instanceof MergeOutcome.Conflicted(List<ConflictHunk> hunks))) {
        continue;
      }
      conflicted++;
      List<HunkChoice> mine = hunks.stream().map(h -> HunkChoice.MINE).toList();
      List<HunkChoice> theirs = hunks.stream().map(h -> HunkChoice.THEIRS).toList();
      // «Написать вручную», keeping both sides' lines of each place, as the screen offers it.
      List<HunkChoice> both =
          hunks.stream()
              .map(
                  h ->
                      (HunkChoice)
                          new HunkChoice.ByHand(terminated(h.current()) + terminated(h.yours())))
              .toList();
      List<HunkChoice> yoursByHand =
          hunks.stream()
              .map(h -> (HunkChoice) new HunkChoice.ByHand(terminated(h.yours())))
              .toList();

      String keptBoth = TextMerge.resolve(baseText, current, yours, both);
      assertThat(Lines.of(keptBoth).lines()).containsAll(currentMarkers).containsAll(yourMarkers);
      String keptMine = TextMerge.resolve(baseText, current, yours, mine);
      assertThat(Lines.of(keptMine).lines()).containsAll(yourMarkers);
      assertThat(Lines.of(TextMerge.resolve(baseText, current, yours, theirs)).lines())
          .containsAll(currentMarkers);
      // A place's own lines written by hand are exactly that choice: blank lines included.
      assertThat(TextMerge.resolve(baseText, current, yours, yoursByHand)).isEqualTo(keptMine);
    }
    assertThat(conflicted).isGreaterThan(ROUNDS / 10);
  }

  private static String terminated(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  private static void assertCleanMerge(
      String merged,
      List<String> base,
      String current,
      String yours,
      List<String> currentMarkers,
      List<String> yourMarkers) {
    List<String> lines = Lines.of(merged).lines();
    assertThat(lines).containsAll(currentMarkers).containsAll(yourMarkers);
    // Nothing invented or glued: every merged line is a line of one of the three texts.
    Set<String> known = new HashSet<>(base);
    known.addAll(Lines.of(current).lines());
    known.addAll(Lines.of(yours).lines());
    assertThat(known).containsAll(lines);
  }

  private static void assertConflicts(
      List<ConflictHunk> hunks, List<String> base, String current, String yours) {
    assertThat(hunks).isNotEmpty();
    for (ConflictHunk hunk : hunks) {
      int from = hunk.baseLine() - 1;
      assertThat(from).isBetween(0, base.size());
      assertThat(base.subList(from, from + hunk.base().size())).isEqualTo(hunk.base());
      assertThat(Collections.indexOfSubList(Lines.of(current).lines(), hunk.current()))
          .isNotNegative();
      assertThat(Collections.indexOfSubList(Lines.of(yours).lines(), hunk.yours())).isNotNegative();
      assertThat(hunk.current()).isNotEqualTo(hunk.yours());
    }
  }

  /** Unique lines of random Cyrillic words, so every line can be traced back to its text. */
  private List<String> randomLines() {
    List<String> lines = new ArrayList<>();
    int size = 1 + random.nextInt(25);
    for (int i = 0; i < size; i++) {
      lines.add(i + ". " + word() + " " + word() + (random.nextInt(5) == 0 ? " — ё" : ""));
    }
    return lines;
  }

  private String word() {
    StringBuilder word = new StringBuilder();
    int length = 2 + random.nextInt(8);
    for (int i = 0; i < length; i++) {
      word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return word.toString();
  }

  /** One to three random edits; every inserted or replacing line is a unique marker. */
  private String edit(List<String> base, String marker, List<String> markers) {
    List<String> lines = new ArrayList<>(base);
    int edits = 1 + random.nextInt(3);
    for (int k = 0; k < edits; k++) {
      String line = marker + "-" + k + " " + word();
      int at = random.nextInt(lines.size() + 1);
      switch (random.nextInt(4)) {
        case 0 -> lines.add(at, line);
        case 1 -> lines.add(random.nextBoolean() ? 0 : lines.size(), line);
        case 2 -> {
          if (at < lines.size()) {
            lines.set(at, line);
          } else {
            lines.add(line);
          }
        }
        default -> {
          if (at < lines.size() && lines.size() > 1) {
            lines.remove(at);
          }
          continue;
        }
      }
      markers.add(line);
    }
    // A later edit may have replaced or removed an earlier marker.
    markers.retainAll(lines);
    return text(lines, random.nextInt(4) > 0);
  }

  private static String text(List<String> lines, boolean finalNewline) {
    return String.join("\n", lines) + (finalNewline ? "\n" : "");
  }
}
