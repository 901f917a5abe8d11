package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void dropsMarkupKeepsCodeAndLinkText() {
    String text =
        PlainText.of(
            "# Заголовок\n\nТекст **жирный** и [ссылка](https://example.org/x) и `код()`.\n\n"
                + "```js\nlet переменная = 1;\n```\n\n<div onclick=\"x\">внутри <b>тега</b></div>\n\n"
                + "См. [[Страница|другой текст]] и [[Просто]].");
    assertThat(text)
        .contains("Заголовок", "жирный", "ссылка", "код()", "let переменная = 1;", "внутри", "тега")
        .contains("другой текст", "Просто")
        .doesNotContain("**", "https://", "example.org", "<div", "onclick", "[[", "#");
  }

  @Test
  void emptyAndDeepInputDoNotThrow() {
    assertThat(PlainText.of("")).isEmpty();
    assertThat(PlainText.of(">".repeat(20_000) + " текст")).contains("текст");
  }
}
