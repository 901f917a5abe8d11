package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void lineEndingsBecomeUnixAndTheTextEndsWithOneNewline() {
    assertThat(Markdown.normalize("а\r\nб\rв")).isEqualTo("а\nб\nв\n");
    assertThat(Markdown.normalize("текст\n\n\n")).isEqualTo("текст\n");
    assertThat(Markdown.normalize("  отступ сохраняется")).isEqualTo("  отступ сохраняется\n");
    assertThat(Markdown.normalize("\n\n")).isEmpty();
    assertThat(Markdown.normalize("")).isEmpty();
  }
}
