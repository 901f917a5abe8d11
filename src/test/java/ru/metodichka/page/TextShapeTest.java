package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextShapeTest {
  @Test
  void aHeadingFollowedByAnEqualOrHigherHeadingOrTheEndIsAnEmptySection() {
    var shape =
        TextShape.of(
            "# Урок\n\nВступление.\n\n## Цели\n\n## Ход\n\n### Этап 1\n\nТекст.\n\n## Итоги\n");
    assertThat(shape.emptySections()).containsExactly("Цели", "Итоги");
    assertThat(shape.summary()).isTrue();
  }

  @Test
  void aSummaryIsAParagraphBeforeTheFirstSection() {
    assertThat(TextShape.of("## Цели\n\nТекст.\n").summary()).isFalse();
    assertThat(TextShape.of("# Заголовок\n\n- пункт\n").summary()).isFalse();
    assertThat(TextShape.of("").summary()).isFalse();
    assertThat(TextShape.of("Описание материала.\n").summary()).isTrue();
  }

  @Test
  void aHeadingWithOnlyItsSubsectionsIsNotEmpty() {
    assertThat(TextShape.of("## Раздел\n\n### Подраздел\n\nТекст.\n").emptySections()).isEmpty();
  }
}
