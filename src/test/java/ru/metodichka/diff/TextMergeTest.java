package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextMergeTest {
  private static final String BASE = "Раз\nДва\nТри\nЧетыре\nПять\nШесть\nСемь\n";

  private static String clean(MergeOutcome outcome) {
    assertThat(outcome).isInstanceOf(MergeOutcome.Clean.class);
    return ((MergeOutcome.Clean) outcome).text();
  }

  private static List<ConflictHunk> conflicts(MergeOutcome outcome) {
    assertThat(outcome).isInstanceOf(MergeOutcome.Conflicted.class);
    return ((MergeOutcome.Conflicted) outcome).conflicts();
  }

  @Test
  void onlyOneSideChangedTakesThatSide() {
    String yours = BASE.replace("Три", "Три с половиной");
    assertThat(clean(TextMerge.merge(BASE, BASE, yours))).isEqualTo(yours);
    assertThat(clean(TextMerge.merge(BASE, yours, BASE))).isEqualTo(yours);
  }

  @Test
  void theSameChangeOnBothSidesAppearsOnce() {
    String changed = BASE.replace("Пять", "Пять!");
    assertThat(clean(TextMerge.merge(BASE, changed, changed))).isEqualTo(changed);
  }

  @Test
  void editsInDistantLinesMergeCleanly() {
    String current = BASE.replace("Раз", "Один");
    String yours = BASE.replace("Семь", "Семь — конец");
    assertThat(clean(TextMerge.merge(BASE, current, yours)))
        .isEqualTo("Один\nДва\nТри\nЧетыре\nПять\nШесть\nСемь — конец\n");
  }

  @Test
  void overlappingEditsConflictWithAllThreeVersions() {
    String current = BASE.replace("Четыре", "Четыре (модератор)");
    String yours = BASE.replace("Четыре", "Четыре (участник)");
    List<ConflictHunk> hunks = conflicts(TextMerge.merge(BASE, current, yours));
    assertThat(hunks).hasSize(1);
    ConflictHunk hunk = hunks.getFirst();
    assertThat(hunk.baseLine()).isEqualTo(4);
    assertThat(hunk.base()).containsExactly("Четыре");
    assertThat(hunk.current()).containsExactly("Четыре (модератор)");
    assertThat(hunk.yours()).containsExactly("Четыре (участник)");
  }

  @Test
  void editsOfAdjacentLinesAreTreatedAsOverlapping() {
    String current = BASE.replace("Два", "Два*");
    String yours = BASE.replace("Три", "Три*");
    assertThat(TextMerge.merge(BASE, current, yours)).isInstanceOf(MergeOutcome.Conflicted.class);
  }

  @Test
  void bothSidesDeletingTheSameLinesIsClean() {
    String deleted = BASE.replace("Пять\n", "");
    assertThat(clean(TextMerge.merge(BASE, deleted, deleted))).isEqualTo(deleted);
  }

  @Test
  void deletingWhatTheOtherSideEditedConflicts() {
    String current = BASE.replace("Пять\n", "");
    String yours = BASE.replace("Пять", "Пять и ещё");
    List<ConflictHunk> hunks = conflicts(TextMerge.merge(BASE, current, yours));
    assertThat(hunks.getFirst().current()).isEmpty();
    assertThat(hunks.getFirst().yours()).containsExactly("Пять и ещё");
  }

  @Test
  void insertionsAtTheStartAndTheEndBothSurvive() {
    String current = "Заголовок\n" + BASE;
    String yours = BASE + "Подпись\n";
    assertThat(clean(TextMerge.merge(BASE, current, yours)))
        .isEqualTo("Заголовок\n" + BASE + "Подпись\n");
  }

  @Test
  void creatingTheSamePageTwiceMergesOnlyIdenticalTexts() {
    assertThat(clean(TextMerge.merge("", "Текст\n", "Текст\n"))).isEqualTo("Текст\n");
    assertThat(TextMerge.merge("", "Один текст\n", "Другой текст\n"))
        .isInstanceOf(MergeOutcome.Conflicted.class);
    assertThat(clean(TextMerge.merge("", "", ""))).isEmpty();
  }

  @Test
  void aMissingFinalNewlineNeitherGluesNorDropsLines() {
    String base = "а\nб\nв";
    String current = "А\nб\nв";
    String yours = "а\nб\nв\nг";
    assertThat(clean(TextMerge.merge(base, current, yours))).isEqualTo("А\nб\nв\nг\n");
    assertThat(clean(TextMerge.merge("x\r\ny\r\n", "x\r\ny\r\n", "x\ny\nz")))
        .isEqualTo("x\ny\nz\n");
  }

  @Test
  void randomEditsKeepEverySidesMarkersWhenClean() {
    Random random = new Random(20261127);
    for (int round = 0; round < 300; round++) {
      List<String> base = new ArrayList<>();
      int size = 5 + random.nextInt(30);
      for (int i = 0; i < size; i++) {
        base.add("Строка " + i + " ё" + random.nextInt(1000));
      }
      String baseText = String.join("\n", base) + "\n";
      String current = edit(base, random, "ТЕКУЩАЯ-" + round);
      String yours = edit(base, random, "ВАША-" + round);
      assertThat(clean(TextMerge.merge(baseText, current, current))).isEqualTo(current);
      assertThat(clean(TextMerge.merge(baseText, baseText, yours))).isEqualTo(yours);
      if (TextMerge.merge(baseText, current, yours) instanceof MergeOutcome.Clean(String merged)) {
        assertThat(merged).contains("ТЕКУЩАЯ-" + round).contains("ВАША-" + round);
      }
    }
  }

  private static String edit(List<String> base, Random random, String marker) {
    List<String> lines = new ArrayList<>(base);
    int at = random.nextInt(lines.size());
    switch (random.nextInt(3)) {
      case 0 -> lines.set(at, marker);
      case 1 -> lines.add(at, marker);
      default -> {
        lines.remove(at);
        lines.add(Math.min(at, lines.size()), marker);
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
