package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static final String LONG =
      "Паспорт заполняется учителем. Раздел; Содержание. Название проекта. Проблема, на решение"
          + " которой направлен проект. Цель и задачи. Этапы и сроки. Связь с <mark>программой</mark>"
          + " детского сада. Результат (продукт). Критерии оценивания. Рефлексия: что получилось,"
          + " что изменить, что оставить как было, и что предложить коллегам на следующий год.";

  @Test
  void aCutSnippetStartsAndEndsBetweenWords() {
    String snippet = Snippets.trim(LONG, 120);
    assertThat(snippet).startsWith("… ").endsWith(" …").contains("<mark>программой</mark>");
    String words = snippet.substring(2, snippet.length() - 2);
    assertThat(LONG).contains(words);
    assertThat(LONG.charAt(LONG.indexOf(words) - 1)).as("before the start").isEqualTo(' ');
    assertThat(LONG.charAt(LONG.indexOf(words) + words.length()))
        .as("after the end")
        .isEqualTo(' ');
  }

  @Test
  void aCutInsideAMatchClosesItsMark() {
    String html = "Начало <mark>" + "очень длинное совпадение ".repeat(10) + "</mark> конец";
    String snippet = Snippets.trim(html, 60);
    assertThat(snippet).startsWith("Начало <mark>").endsWith("</mark> …");
  }

  @Test
  void aShortSnippetIsKeptWhole() {
    assertThat(Snippets.trim("Кому <mark>адресована</mark>.", 240))
        .isEqualTo("Кому <mark>адресована</mark>.");
  }
}
