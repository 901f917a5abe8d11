package ru.metodichka.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.diff.TextMergeTest.clean;
import static ru.metodichka.diff.TextMergeTest.conflicts;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line endings, final newlines and non-ASCII text through the merge. */
class TextMergeTextFormTest {
  @Test
  void textsWithoutAFinalNewlineMergeWithoutGluingOrDroppingLines() {
    String base = "а\nб\nв\nг";
    assertThat(clean(TextMerge.merge(base, "А\nб\nв\nг", "а\nб\nв\nГ"))).isEqualTo("А\nб\nв\nГ");
    assertThat(clean(TextMerge.merge(base, "А\nб\nв\nг", "а\nб\nв\nг\nд")))
        .isEqualTo("А\nб\nв\nг\nд");
    assertThat(clean(TextMerge.merge(base, "а\nб\nв\nг\nд", "А\nб\nв\nг")))
        .isEqualTo("А\nб\nв\nг\nд");
  }

  @Test
  void textsWithAFinalNewlineKeepIt() {
    String base = "а\nб\nв\nг\n";
    assertThat(clean(TextMerge.merge(base, "А\nб\nв\nг\n", "а\nб\nв\nг\nд\n")))
        .isEqualTo("А\nб\nв\nг\nд\n");
  }

  @Test
  void addingOrRemovingTheFinalNewlineIsAnEditThatMergesWithOthers() {
    assertThat(clean(TextMerge.merge("а\nб\nв", "а\nб\nв\n", "А\nб\nв"))).isEqualTo("А\nб\nв\n");
    assertThat(clean(TextMerge.merge("а\nб\nв\n", "А\nб\nв\n", "а\nб\nв"))).isEqualTo("А\nб\nв");
    // Removing the final newline while the other side appends a line: the line stays whole.
    assertThat(clean(TextMerge.merge("а\nб\n", "а\nб", "а\nб\nв\n"))).isEqualTo("а\nб\nв");
  }

  @Test
  void anAddedEmptyLastLineSurvivesTheOtherSideDroppingTheFinalNewline() {
    assertThat(clean(TextMerge.merge("а\nб\nв\n", "а\nб\nв", "а\nб\nв\n\n")))
        .isEqualTo("а\nб\nв\n\n");
  }

  @Test
  void aLastLineEditedOnBothSidesConflictsWhateverItsNewline() {
    assertThat(conflicts(TextMerge.merge("а\nб", "а\nБ\n", "а\nб!")))
        .containsExactly(new ConflictHunk(2, List.of("б"), List.of("Б"), List.of("б!")));
  }

  @Test
  void windowsLineEndingsAreReadAsUnixOnes() {
    String base = "раз\r\nдва\r\nтри\r\nчетыре\r\n";
    String current = "РАЗ\r\nдва\r\nтри\r\nчетыре\r\n";
    String yours = "раз\nдва\nтри\nЧЕТЫРЕ\n";
    assertThat(clean(TextMerge.merge(base, current, yours))).isEqualTo("РАЗ\nдва\nтри\nЧЕТЫРЕ\n");
    assertThat(clean(TextMerge.merge(base, base, base.replace("\r\n", "\n"))))
        .isEqualTo("раз\nдва\nтри\nчетыре\n");
    assertThat(conflicts(TextMerge.merge(base, current, "Раз\r\nдва\r\n")).getFirst().base())
        .first()
        .isEqualTo("раз");
  }

  @Test
  void cyrillicAndOtherNonAsciiTextSurvivesTheMergeExactly() {
    String base = "Ёлка и ёжик\nУкраїнська: ґ, є, ї\nМатематика: ∑ ≤ ∞\nЭмодзи 📚\nКонец\n";
    String current = base.replace("Ёлка и ёжик", "Ёлка, ёжик и е\u0308жики");
    String yours = base.replace("Эмодзи 📚", "Эмодзи 📚✏️ «ёлочки» — тире");
    assertThat(clean(TextMerge.merge(base, current, yours)))
        .isEqualTo(
            "Ёлка, ёжик и е\u0308жики\nУкраїнська: ґ, є, ї\nМатематика: ∑ ≤ ∞\n"
                + "Эмодзи 📚✏️ «ёлочки» — тире\nКонец\n");
  }

  @Test
  void conflictHunksCarryCyrillicLinesExactly() {
    ConflictHunk hunk =
        conflicts(TextMerge.merge("Тема: дроби\n", "Тема: «Дроби»\n", "Тема: ДРОБИ 📐\n"))
            .getFirst();
    assertThat(hunk)
        .isEqualTo(
            new ConflictHunk(
                1, List.of("Тема: дроби"), List.of("Тема: «Дроби»"), List.of("Тема: ДРОБИ 📐")));
  }
}
