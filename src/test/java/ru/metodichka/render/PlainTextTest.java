package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
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
  void bareAddressesAreDroppedAsLinkAddressesAreAndTheWordsAroundThemKept() {
    String text =
        PlainText.of(
            "Пример: материалы на https://example.org/урок?a=1 и www.school.ru/plan, почта"
                + " methodist@school.ru. Время 10:30, <https://other.org> и `https://kept.org`.");
    assertThat(text)
        .contains("Пример: материалы на", "и", "почта", "Время 10:30", "https://kept.org")
        .doesNotContain("example.org", "урок?a", "school.ru", "methodist", "other.org");
  }

  @Test
  void headingsParagraphsListItemsAndTableRowsEndAsSentences() {
    String text =
        PlainText.of(
            """
            # Программа наставничества

            ## Кому адресована

            Молодым учителям

            - первый год работы
            - второй год!
            - «Школа молодого педагога»

            | Задание | Класс | Умение |
            |---|:---:|---|
            | Чайник | 7 | расчёт |
            | Маршрут | | чтение карты. |
            """);
    assertThat(text.replaceAll("\\s+", " "))
        .isEqualTo(
            "Программа наставничества. Кому адресована. Молодым учителям. первый год работы."
                + " второй год! «Школа молодого педагога». Задание; Класс; Умение."
                + " Чайник; 7; расчёт. Маршрут; чтение карты.");
  }

  @Test
  void aTableGivesItsCellsWithoutPipesOrDelimiterRows() {
    String text =
        PlainText.of(
            """
            Паспорт проекта:

            | Раздел | Содержание |
            |--------|------------|
            | Название проекта | |
            | Цель и задачи | **Развитие** `речи` |
            """);
    assertThat(text)
        .doesNotContain("|", "---")
        .contains("Паспорт проекта:", "Раздел; Содержание.", "Название проекта.")
        .contains("Цель и задачи; Развитие речи.");
  }

  @Test
  void codeIsKeptAsWrittenWithoutAddedFullStops() {
    String text = PlainText.of("Пример:\n\n```\nif (a || b) x()\n```\n\nИ `y()`");
    assertThat(text).contains("if (a || b) x()\n").endsWith("И y().");
  }

  @Test
  void emptyAndDeepInputDoNotThrow() {
    assertThat(PlainText.of("")).isEmpty();
    assertThat(PlainText.of(">".repeat(20_000) + " текст")).contains("текст");
  }

  @Test
  void whitespaceIsCollapsedAsTheRegularExpressionsDid() {
    Pattern spaces = Pattern.compile("[ \\t\\u00A0]+");
    Pattern blankLines = Pattern.compile("\\s*\\n\\s*\\n\\s*");
    char[] alphabet = {'a', 'я', ' ', '\t', '\n', '\r', '\f', 0x0B, '\u00A0', '.'};
    Random random = new Random(42);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String expected = blankLines.matcher(spaces.matcher(text).replaceAll(" ")).replaceAll("\n\n");
      assertThat(PlainText.tidy(text)).as("%s", text).isEqualTo(expected);
    }
  }
}
