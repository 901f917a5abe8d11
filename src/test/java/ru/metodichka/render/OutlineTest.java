package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class OutlineTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private String html(String markdown) {
    return renderer.render(markdown, link -> WikiLinkResolver.Resolution.existing("/x"));
  }

  @Test
  void headingsOfARenderedPageBecomeItsContentsWithMatchingIds() {
    String html = html("# Урок\n\n## Цели урока\n\ntext\n\n### Шаг 1 & 2\n\n## Итоги: 5 < 6");
    assertThat(Outline.of(html))
        .extracting(Outline.Heading::level, Outline.Heading::id, Outline.Heading::text)
        .containsExactly(
            tuple(1, "урок", "Урок"),
            tuple(2, "цели-урока", "Цели урока"),
            tuple(3, "шаг-1--2", "Шаг 1 & 2"),
            tuple(2, "итоги-5--6", "Итоги: 5 < 6"));
    for (Outline.Heading heading : Outline.of(html)) {
      assertThat(html).contains("id=\"" + heading.id() + "\"");
    }
  }

  @Test
  void markupInsideAHeadingIsDroppedFromItsLabel() {
    assertThat(Outline.of(html("## Про *важное* и `код`")))
        .extracting(Outline.Heading::text)
        .containsExactly("Про важное и код");
  }

  @Test
  void aLeadingHeadingThatRepeatsTheTitleIsDroppedButOthersStay() {
    String html = html("# Памятка\n\nТекст\n\n# Памятка\n");
    String shown = Outline.withoutTitleHeading(html, "Памятка");
    assertThat(shown).startsWith("<p>Текст</p>").contains("<h1");
    assertThat(Outline.withoutTitleHeading(html, "Другое")).isEqualTo(html);
    assertThat(Outline.withoutTitleHeading(html("Текст\n\n# Памятка"), "Памятка")).contains("<h1");
  }
}
