package ru.metodichka.community;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {
  @Test
  void cyrillicLatinDigitsAndInnerPunctuationAreValid() {
    assertThat(Slugs.isValid("проектная-деятельность")).isTrue();
    assertThat(Slugs.isValid("Урок_5.1")).isTrue();
    assertThat(Slugs.isValid("ёлка")).isTrue();
    assertThat(Slugs.isValid("math")).isTrue();
  }

  @Test
  void spacesSlashesEdgesReservedWordsAndLongSlugsAreInvalid() {
    assertThat(Slugs.isValid("два слова")).isFalse();
    assertThat(Slugs.isValid("a/b")).isFalse();
    assertThat(Slugs.isValid("-начало")).isFalse();
    assertThat(Slugs.isValid("конец.")).isFalse();
    assertThat(Slugs.isValid("new")).isFalse();
    assertThat(Slugs.isValid("NEW")).isFalse();
    assertThat(Slugs.isValid("x".repeat(101))).isFalse();
    assertThat(Slugs.isValid("")).isFalse();
    assertThat(Slugs.isValid("a\u0000b")).isFalse();
  }

  @Test
  void keysIgnoreCaseInEveryScript() {
    assertThat(Slugs.key("ПРОЕКТ")).isEqualTo(Slugs.key("проект"));
    assertThat(Slugs.titleKey("  Проектная   Деятельность ")).isEqualTo("проектная деятельность");
  }

  @Test
  void titlesBecomeSlugs() {
    assertThat(Slugs.fromTitle("Проектная деятельность")).isEqualTo("проектная-деятельность");
    assertThat(Slugs.fromTitle("Урок № 5: «Дроби»!")).isEqualTo("урок-5-дроби");
    assertThat(Slugs.isValid(Slugs.fromTitle("Что такое STEM?"))).isTrue();
  }
}
