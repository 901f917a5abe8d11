package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlToMarkdownTest {

  @Test
  void wordListParagraphsBecomeNestedLists() {
    String html =
        """
        <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>\
        <![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span>\
        <![endif]>Разминка</p>
        <p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'>\
        <span style='mso-list:Ignore'>o<span>&nbsp;</span></span>Устный счёт</p>
        <p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'>\
        <span style='mso-list:Ignore'>2.<span>&nbsp;</span></span>Новая тема</p>
        """;
    assertThat(HtmlToMarkdown.convert(html))
        .isEqualTo("1. Разминка\n   - Устный счёт\n2. Новая тема\n");
  }

  @Test
  void googleDocsWrapperIsNotBoldButStyledSpansAre() {
    String html =
        "<meta charset='utf-8'><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\">"
            + "<h2>Цели</h2><p><span style=\"font-weight:700\">Важно</span> и "
            + "<span style=\"font-style:italic\">наглядно</span></p></b>";
    assertThat(HtmlToMarkdown.convert(html)).isEqualTo("## Цели\n\n**Важно** и *наглядно*\n");
  }

  @Test
  void aBoldLabelKeepsTheSpaceAfterIt() {
    String html =
        "<p><b>Цель: </b>научить складывать дроби.</p>"
            + "<p>Тема:<strong><em> Дроби </em></strong>и доли.</p>";
    assertThat(HtmlToMarkdown.convert(html))
        .isEqualTo("**Цель:** научить складывать дроби.\n\nТема: ***Дроби*** и доли.\n");
  }

  @Test
  void scriptsStylesAndImagesAreDropped() {
    String html =
        "<p onclick=\"x()\">Текст<script>alert(1)</script><img src=x onerror=alert(1)>"
            + "<a href=\"javascript:alert(1)\">ссылка</a></p><style>p{}</style>";
    String markdown = HtmlToMarkdown.convert(html);
    assertThat(markdown).doesNotContain("alert", "javascript", "img", "onclick");
    assertThat(markdown).contains("Текст");
  }
}
