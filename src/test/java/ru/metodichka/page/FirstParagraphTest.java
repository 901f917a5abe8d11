package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstParagraphTest {
  @Test
  void theFirstParagraphAfterTheHeadingIsTheDescriptionAsPlainText() {
    String markdown =
        """
        # Урок

        ```
        код
        ```

        Текст со **словом**, [ссылкой](https://example.org) и [[Другая страница|вики-ссылкой]].

        Второй абзац.
        """;
    assertThat(FirstParagraph.of(markdown, 300))
        .isEqualTo("Текст со словом, ссылкой и вики-ссылкой.");
  }

  @Test
  void aLongParagraphIsShortenedAtAWord() {
    String text = "слово ".repeat(100);
    String shortened = FirstParagraph.of(text, 50);
    assertThat(shortened).hasSizeLessThanOrEqualTo(50).endsWith("слово…");
  }

  @Test
  void aPageWithoutParagraphsHasNoDescription() {
    assertThat(FirstParagraph.of("# Только заголовок\n\n## И ещё один\n", 300)).isEmpty();
    assertThat(FirstParagraph.of("", 300)).isEmpty();
  }
}
