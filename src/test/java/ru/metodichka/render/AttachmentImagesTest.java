package ru.metodichka.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import ru.metodichka.render.AttachmentResolver.Resolution;

/**
 * A page's own files in its text: {@code ![подпись](attachment:схема.png)} shows the image's
 * preview linked to the file, a missing name a visible «нет файла» mark, and nothing a file name or
 * raw HTML holds gets past the sanitizer.
 */
class AttachmentImagesTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final String FILES = "/api/communities/math/pages/урок/attachments/";
  private static final Map<String, Resolution> ON_PAGE =
      Map.of(
          "схема.png",
          Resolution.image(FILES + "схема.png", FILES + "схема.png/preview", 1200, 600),
          "план урока.png",
          Resolution.image(FILES + "план%20урока.png", FILES + "план%20урока.png/preview", 40, 30),
          "план.pdf",
          Resolution.file(FILES + "план.pdf"));

  /** Resolves as a page would, and remembers what it was asked. */
  private static final class Files implements AttachmentResolver {
    final List<String> asked = new ArrayList<>();

    @Override
    public Resolution resolve(String name) {
      asked.add(name);
      return ON_PAGE.getOrDefault(AttachmentResolver.key(name), Resolution.missing());
    }
  }

  private static Document render(String markdown, AttachmentResolver files) {
    return Jsoup.parseBodyFragment(
        RENDERER.render(markdown, link -> WikiLinkResolver.Resolution.text(), files));
  }

  @Test
  void anImageOfThePageIsItsPreviewLinkedToTheWholeFile() {
    Document doc = render("![Схема долей](attachment:схема.png \"Рисунок 1\")\n", new Files());
    Element link = doc.selectFirst("a.attachment-image");
    assertThat(link).isNotNull();
    assertThat(link.attr("href")).isEqualTo(FILES + "схема.png");
    Element img = link.selectFirst("img");
    assertThat(img.attr("src")).isEqualTo(FILES + "схема.png/preview");
    assertThat(img.attr("alt")).isEqualTo("Схема долей");
    assertThat(img.attr("title")).isEqualTo("Рисунок 1");
    assertThat(img.attr("width")).isEqualTo("1200");
    assertThat(img.attr("height")).isEqualTo("600");
    assertThat(img.attr("loading")).isEqualTo("lazy");
  }

  @Test
  void aNameIsFoundEncodedAndInAnyCase() {
    Files files = new Files();
    Document doc =
        render(
            "![a](attachment:%D1%81%D1%85%D0%B5%D0%BC%D0%B0.png)\n\n"
                + "![b](attachment:план%20урока.png)\n\n"
                + "![c](attachment:СХЕМА.PNG)\n",
            files);
    assertThat(doc.select("img").eachAttr("src"))
        .containsExactly(
            FILES + "схема.png/preview",
            FILES + "план%20урока.png/preview",
            FILES + "схема.png/preview");
    assertThat(files.asked).containsExactly("схема.png", "план урока.png", "СХЕМА.PNG");
  }

  @Test
  void aMissingFileIsAVisibleMarkNotABrokenImage() {
    Document doc = render("До ![схема](attachment:нет-такого.png) после.\n", new Files());
    assertThat(doc.select("img")).isEmpty();
    Element mark = doc.selectFirst("span.attachment-missing");
    assertThat(mark).isNotNull();
    assertThat(mark.text()).isEqualTo("нет файла «нет-такого.png»");
    assertThat(doc.text()).isEqualTo("До нет файла «нет-такого.png» после.");
  }

  @Test
  void withoutFilesEveryReferenceIsMissing() {
    Document doc =
        Jsoup.parseBodyFragment(
            RENDERER.render(
                "![x](attachment:схема.png)\n", link -> WikiLinkResolver.Resolution.text()));
    assertThat(doc.select("span.attachment-missing").text()).isEqualTo("нет файла «схема.png»");
  }

  @Test
  void aDocumentIsALinkToTheFileAndALinkToAFileLeadsToIt() {
    Document doc =
        render(
            "![План](attachment:план.pdf) и [скачать план](attachment:план.pdf) и "
                + "[нет](attachment:пропал.pdf)\n",
            new Files());
    assertThat(doc.select("a.attachment-file").eachAttr("href"))
        .containsExactly(FILES + "план.pdf", FILES + "план.pdf");
    assertThat(doc.select("a.attachment-file").eachText()).containsExactly("План", "скачать план");
    assertThat(doc.select("span.attachment-missing").text()).isEqualTo("нет файла «пропал.pdf»");
    assertThat(doc.select("img")).isEmpty();
  }

  @Test
  void anImageInsideTheAuthorsLinkLeadsWhereTheLinkDoes() {
    Document doc = render("[![схема](attachment:схема.png)](https://example.org/)\n", new Files());
    assertThat(doc.select("a")).hasSize(1);
    assertThat(doc.selectFirst("a").attr("href")).isEqualTo("https://example.org/");
    assertThat(doc.selectFirst("a img").attr("src")).isEqualTo(FILES + "схема.png/preview");
  }

  @Test
  void otherImagesAndLinksAreRenderedAsBefore() {
    Files files = new Files();
    Document doc = render("![a](https://example.org/a.png) [b](/c/math/b)\n", files);
    assertThat(doc.selectFirst("img").attr("src")).isEqualTo("https://example.org/a.png");
    assertThat(doc.selectFirst("a").attr("href")).isEqualTo("/c/math/b");
    assertThat(files.asked).isEmpty();
  }

  @Test
  void aHostileNameIsShownAsTextAndNothingRuns() {
    Document doc =
        render(
            "![x](attachment:%22%3E%3Cscript%3Ealert(1)%3C/script%3E.png) "
                + "![y](attachment:x.png\"onerror=\"alert(1))\n",
            new Files());
    assertThat(doc.select("script, img[onerror]")).isEmpty();
    assertThat(doc.select("span.attachment-missing").eachText())
        .allMatch(text -> text.startsWith("нет файла «"));
  }

  @Test
  void rawHtmlCannotUseTheSchemeOrTheOwnClassesToLoadAnything() {
    Document doc =
        render(
            "<img src=\"attachment:схема.png\"> <a href=\"attachment:план.pdf\">a</a> "
                + "<img src=\"x.png\" loading=\"eager\" onload=\"alert(1)\">\n",
            new Files());
    assertThat(doc.select("img[src^=attachment]")).isEmpty();
    assertThat(doc.select("a[href^=attachment]")).isEmpty();
    assertThat(doc.select("img[onload], img[loading=eager]")).isEmpty();
  }

  @Test
  void anyNameIsWrittenAsADestinationThatReadsBackAsTheName() {
    for (String name : new String[] {"схема.png", "план урока (5).png", "50% [итог].png", "a\\b"}) {
      String destination = AttachmentResolver.destination(name);
      assertThat(destination).doesNotContainAnyWhitespaces().doesNotContain("(", ")", "[", "]");
      assertThat(AttachmentResolver.name(destination)).isEqualTo(name);
      Files files = new Files();
      render("![x](" + destination + ")\n", files);
      assertThat(files.asked).containsExactly(name);
    }
    assertThat(AttachmentResolver.destination("схема.png")).isEqualTo("attachment:схема.png");
    assertThat(AttachmentResolver.destination("план урока.png"))
        .isEqualTo("attachment:план%20урока.png");
  }

  @Test
  void onlyTheLowerCaseSchemeNamesAFile() {
    assertThat(AttachmentResolver.name("attachment:a.png")).isEqualTo("a.png");
    assertThat(AttachmentResolver.name("attachment:%")).isEqualTo("%");
    assertThat(AttachmentResolver.name("attachment:a+b.png")).isEqualTo("a+b.png");
    assertThat(AttachmentResolver.name("Attachment:a.png")).isNull();
    assertThat(AttachmentResolver.name("attachment:")).isNull();
    assertThat(AttachmentResolver.name("https://example.org/attachment:a.png")).isNull();
    assertThat(AttachmentResolver.mayReferToFiles("Текст без файлов")).isFalse();
    assertThat(AttachmentResolver.mayReferToFiles("![](attachment:a.png)")).isTrue();
  }
}
