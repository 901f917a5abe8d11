package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Settling a conflicted merge region by region: nothing is dropped that no choice named. */
class TextMergeResolveTest {
  private static final String BASE = "Раз\nДва\nТри\nЧетыре\nПять\nШесть\nСемь\nВосемь\n";
  // Both changed «Три» (one conflict) and «Семь» (another); each changed one more line alone.
  private static final String THEIRS =
      "Один\nДва\nТри (их)\nЧетыре\nПять\nШесть\nСемь (их)\nВосемь\n";
  private static final String MINE =
      "Раз\nДва\nТри (моё)\nЧетыре\nПять!\nШесть\nСемь (моё)\nВосемь\n";

  @Test
  void theMergeHasTwoOverlappingRegions() {
    var outcome = (MergeOutcome.Conflicted) TextMerge.merge(BASE, THEIRS, MINE);
    assertThat(outcome.conflicts()).hasSize(2);
  }

  @Test
  void keepingMineEverywhereKeepsTheirEditsElsewhere() {
    String text = TextMerge.resolve(BASE, THEIRS, MINE, List.of(HunkChoice.MINE, HunkChoice.MINE));
    assertThat(text).isEqualTo("Один\nДва\nТри (моё)\nЧетыре\nПять!\nШесть\nСемь (моё)\nВосемь\n");
  }

  @Test
  void keepingTheirsEverywhereKeepsMyEditsElsewhere() {
    String text =
        TextMerge.resolve(BASE, THEIRS, MINE, List.of(HunkChoice.THEIRS, HunkChoice.THEIRS));
    assertThat(text).isEqualTo("Один\nДва\nТри (их)\nЧетыре\nПять!\nШесть\nСемь (их)\nВосемь\n");
  }

  @Test
  void eachRegionTakesItsOwnChoice() {
    String text =
        TextMerge.resolve(
            BASE,
            THEIRS,
            MINE,
            List.of(HunkChoice.THEIRS, new HunkChoice.ByHand("Семь (их и моё)\nи ещё строка")));
    assertThat(text)
        .isEqualTo(
            "Один\nДва\nТри (их)\nЧетыре\nПять!\nШесть\nСемь (их и моё)\nи ещё строка\nВосемь\n");
  }

  @Test
  void aTextWrittenByHandReplacesTheRegionAndAnEmptyOneRemovesIt() {
    String text =
        TextMerge.resolve(
            BASE,
            THEIRS,
            MINE,
            List.of(new HunkChoice.ByHand("Три (вместе)\n"), new HunkChoice.ByHand("")));
    assertThat(text).isEqualTo("Один\nДва\nТри (вместе)\nЧетыре\nПять!\nШесть\nВосемь\n");
  }

  @Test
  void aFinalNewlineWrittenByHandEndsTheLastLineAndAnotherKeepsABlankLine() {
    String base = "А\n\nБ\n\nВ\n";
    String theirs = "А\n\nБ (их)\n\nВ\n";
    String mine = "А\n\nБ (моё)\n\nВ\n";
    assertThat(TextMerge.resolve(base, theirs, mine, List.of(new HunkChoice.ByHand("Б\n"))))
        .isEqualTo("А\n\nБ\n\nВ\n");
    assertThat(TextMerge.resolve(base, theirs, mine, List.of(new HunkChoice.ByHand("Б\n\nБ2"))))
        .isEqualTo("А\n\nБ\n\nБ2\n\nВ\n");
  }

  @Test
  void linesBothSidesAddedAlikeAppearOnceWhateverIsChosen() {
    String base = "А\nБ\n";
    String theirs = "А\n## Итоги\nих вывод\nБ\n";
    String mine = "А\n## Итоги\nмой вывод\nБ\n";
    assertThat(TextMerge.resolve(base, theirs, mine, List.of(HunkChoice.MINE)))
        .isEqualTo("А\n## Итоги\nмой вывод\nБ\n");
    assertThat(TextMerge.resolve(base, theirs, mine, List.of(HunkChoice.THEIRS))).isEqualTo(theirs);
  }

  @Test
  void twoPagesCreatedAtOnceResolveFromAnEmptyBase() {
    assertThat(
            TextMerge.resolve(
                "", "Их начало\n", "Моё начало\n", List.of(new HunkChoice.ByHand("Общее начало"))))
        .isEqualTo("Общее начало\n");
  }

  @Test
  void aMissingFinalNewlineIsMergedApartFromTheLines() {
    String base = "а\nб\nв";
    String theirs = "а\nб (их)\nв";
    String mine = "а\nб (моё)\nв\n";
    assertThat(TextMerge.resolve(base, theirs, mine, List.of(HunkChoice.THEIRS)))
        .isEqualTo("а\nб (их)\nв\n");
  }

  @Test
  void aCleanMergeNeedsNoChoices() {
    String theirs = BASE.replace("Раз", "Один");
    String mine = BASE.replace("Восемь", "Восемь.");
    assertThat(TextMerge.resolve(BASE, theirs, mine, List.of()))
        .isEqualTo("Один\nДва\nТри\nЧетыре\nПять\nШесть\nСемь\nВосемь.\n");
  }

  @Test
  void oneChoicePerRegionIsRequired() {
    assertThatThrownBy(() -> TextMerge.resolve(BASE, THEIRS, MINE, List.of(HunkChoice.MINE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Expected 2");
    assertThatThrownBy(() -> TextMerge.resolve(BASE, BASE, MINE, List.of(HunkChoice.MINE)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
