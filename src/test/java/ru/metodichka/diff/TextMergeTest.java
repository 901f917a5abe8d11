package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMergeTest {
  private static final String BASE = "Раз\nДва\nТри\nЧетыре\nПять\nШесть\nСемь\n";

  static String clean(MergeOutcome outcome) {
    assertThat(outcome).isInstanceOf(MergeOutcome.Clean.class);
    return ((MergeOutcome.Clean) outcome).text();
  }

  static List<ConflictHunk> conflicts(MergeOutcome outcome) {
    assertThat(outcome).isInstanceOf(MergeOutcome.Conflicted.class);
    return ((MergeOutcome.Conflicted) outcome).conflicts();
  }

  @Test
  void onlyOneSideChangedTakesThatSide() {
    String changed = BASE.replace("Три", "Три с половиной");
    assertThat(clean(TextMerge.merge(BASE, BASE, changed))).isEqualTo(changed);
    assertThat(clean(TextMerge.merge(BASE, changed, BASE))).isEqualTo(changed);
  }

  @Test
  void identicalTextsEverywhereAreClean() {
    assertThat(clean(TextMerge.merge(BASE, BASE, BASE))).isEqualTo(BASE);
    assertThat(clean(TextMerge.merge("", "", ""))).isEmpty();
  }

  @Test
  void theSameChangeOnBothSidesAppearsOnce() {
    String same = BASE.replace("Пять", "Пять!");
    assertThat(clean(TextMerge.merge(BASE, same, same))).isEqualTo(same);
    // With another edit on each side the merge really runs, and still keeps the shared one once.
    String current = same.replace("Раз", "Один");
    String yours = same.replace("Семь", "Семь.");
    assertThat(clean(TextMerge.merge(BASE, current, yours)))
        .isEqualTo("Один\nДва\nТри\nЧетыре\nПять!\nШесть\nСемь.\n");
  }

  @Test
  void editsInDistantLinesMergeCleanly() {
    String current = BASE.replace("Раз", "Один");
    String yours = BASE.replace("Шесть", "Шесть — почти конец");
    assertThat(clean(TextMerge.merge(BASE, current, yours)))
        .isEqualTo("Один\nДва\nТри\nЧетыре\nПять\nШесть — почти конец\nСемь\n");
  }

  @Test
  void editsSeparatedByOneUnchangedLineMergeCleanly() {
    String current = BASE.replace("Два", "Два*");
    String yours = BASE.replace("Четыре", "Четыре*");
    assertThat(clean(TextMerge.merge(BASE, current, yours)))
        .isEqualTo("Раз\nДва*\nТри\nЧетыре*\nПять\nШесть\nСемь\n");
  }

  /** Like git: no unchanged line between the two edits, so neither can be placed for sure. */
  @Test
  void editsOfAdjacentLinesConflictLikeInGit() {
    String current = BASE.replace("Два", "Два*");
    String yours = BASE.replace("Три", "Три*");
    List<ConflictHunk> hunks = conflicts(TextMerge.merge(BASE, current, yours));
    assertThat(hunks)
        .containsExactly(
            new ConflictHunk(
                2, List.of("Два", "Три"), List.of("Два*", "Три"), List.of("Два", "Три*")));
  }

  @Test
  void overlappingEditsConflictWithAllThreeVersions() {
    String current = BASE.replace("Четыре", "Четыре (модератор)");
    String yours = BASE.replace("Четыре", "Четыре (участник)");
    List<ConflictHunk> hunks = conflicts(TextMerge.merge(BASE, current, yours));
    assertThat(hunks)
        .containsExactly(
            new ConflictHunk(
                4, List.of("Четыре"), List.of("Четыре (модератор)"), List.of("Четыре (участник)")));
  }

  @Test
  void severalConflictsAreReportedInOrderWithTheirBaseLines() {
    String current = BASE.replace("Два", "Два-м").replace("Шесть", "Шесть-м");
    String yours = BASE.replace("Два", "Два-у").replace("Шесть", "Шесть-у");
    List<ConflictHunk> hunks = conflicts(TextMerge.merge(BASE, current, yours));
    assertThat(hunks).extracting(ConflictHunk::baseLine).containsExactly(2, 6);
    assertThat(hunks.get(1).yours()).containsExactly("Шесть-у");
  }

  @Test
  void bothSidesDeletingTheSameLinesIsClean() {
    String deleted = BASE.replace("Четыре\nПять\n", "");
    assertThat(clean(TextMerge.merge(BASE, deleted, deleted))).isEqualTo(deleted);
    String current = deleted.replace("Раз", "Один");
    assertThat(clean(TextMerge.merge(BASE, current, deleted)))
        .isEqualTo("Один\nДва\nТри\nШесть\nСемь\n");
  }

  @Test
  void deletingLinesTheOtherSideEditedConflicts() {
    String current = BASE.replace("Пять\n", "");
    String yours = BASE.replace("Пять", "Пять и ещё");
    List<ConflictHunk> hunks = conflicts(TextMerge.merge(BASE, current, yours));
    assertThat(hunks)
        .containsExactly(new ConflictHunk(5, List.of("Пять"), List.of(), List.of("Пять и ещё")));
  }

  @Test
  void deletingTheWholeTextWhileTheOtherSideEditsConflictsOverAllOfIt() {
    String yours = BASE.replace("Три", "Три!");
    ConflictHunk hunk = conflicts(TextMerge.merge(BASE, "", yours)).getFirst();
    assertThat(hunk.baseLine()).isEqualTo(1);
    assertThat(hunk.base()).hasSize(7);
    assertThat(hunk.current()).isEmpty();
    assertThat(hunk.yours()).contains("Три!").hasSize(7);
  }

  @Test
  void insertionsAtTheVeryStartAndTheVeryEndBothSurvive() {
    String current = "# Заголовок\n" + BASE;
    String yours = BASE + "Подпись\n";
    assertThat(clean(TextMerge.merge(BASE, current, yours)))
        .isEqualTo("# Заголовок\n" + BASE + "Подпись\n");
    assertThat(clean(TextMerge.merge(BASE, yours, current)))
        .isEqualTo("# Заголовок\n" + BASE + "Подпись\n");
  }

  @Test
  void differentInsertionsAtTheSamePlaceConflictWithAnEmptyBase() {
    String current = BASE.replace("Три\n", "Три\nВставка модератора\n");
    String yours = BASE.replace("Три\n", "Три\nВставка участника\n");
    assertThat(conflicts(TextMerge.merge(BASE, current, yours)))
        .containsExactly(
            new ConflictHunk(
                4, List.of(), List.of("Вставка модератора"), List.of("Вставка участника")));
    assertThat(conflicts(TextMerge.merge(BASE, BASE + "М\n", BASE + "У\n")))
        .containsExactly(new ConflictHunk(8, List.of(), List.of("М"), List.of("У")));
  }

  /** JGit moves shared lines out of the conflict; the base keeps every line the edits replaced. */
  @Test
  void aConflictKeepsTheWholeReplacedBaseWhenBothSidesShareSomeNewLines() {
    String current = BASE.replace("Три\n", "## План\nмодератор\nИтог\n");
    String yours = BASE.replace("Три\n", "## План\nучастник\nИтог\n");
    assertThat(conflicts(TextMerge.merge(BASE, current, yours)))
        .containsExactly(
            new ConflictHunk(3, List.of("Три"), List.of("модератор"), List.of("участник")));
    String sharedHeading = BASE.replace("Три\n", "Три\n## Вывод\n");
    assertThat(
            conflicts(
                TextMerge.merge(
                    BASE,
                    sharedHeading.replace("## Вывод\n", "## Вывод\nмодератор\n"),
                    sharedHeading.replace("## Вывод\n", "## Вывод\nучастник\n"))))
        .containsExactly(new ConflictHunk(4, List.of(), List.of("модератор"), List.of("участник")));
  }

  @Test
  void twoPeopleCreatingTheSamePageMergeOnlyIdenticalTexts() {
    assertThat(clean(TextMerge.merge("", "Текст\n", "Текст\n"))).isEqualTo("Текст\n");
    assertThat(clean(TextMerge.merge("", "", "Текст\n"))).isEqualTo("Текст\n");
    assertThat(conflicts(TextMerge.merge("", "Один текст\n", "Другой текст\nи ещё строка")))
        .containsExactly(
            new ConflictHunk(
                1, List.of(), List.of("Один текст"), List.of("Другой текст", "и ещё строка")));
  }
}
