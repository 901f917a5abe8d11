package ru.metodichka.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AtomFeedTest {
  private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-02T09:00:00+03:00");
  private static final String HOSTILE = "</title><x>&amp; ]]> \u0001\u0008 «Урок» \uFFFE";

  @Test
  void hostileTextStaysTextAndControlCharactersAreDropped() throws Exception {
    var entry =
        new BankRepository.FeedEntry(
            7,
            "c1",
            "Сообщество <b>",
            "урок",
            HOSTILE,
            "practice",
            CREATED,
            CREATED.plusDays(1),
            CREATED.plusDays(2),
            "# Заголовок\n\nПервый абзац <b>жирный</b> & всё.\n",
            List.of("Анна <Иванова>"));
    Document feed = parse(AtomFeed.xml("https://m.example.ru", List.of(entry), CREATED));

    Element e = (Element) feed.getElementsByTagNameNS(AtomFeed.NAMESPACE, "entry").item(0);
    assertThat(text(e, "title")).isEqualTo("</title><x>&amp; ]]>  «Урок» ");
    assertThat(text(e, "id")).isEqualTo("tag:m.example.ru,2026-11-02:page/7");
    assertThat(text(e, "published")).isEqualTo("2026-11-03T06:00:00Z");
    assertThat(text(e, "name")).isEqualTo("Анна <Иванова>");
    assertThat(text(e, "summary")).isEqualTo("Первый абзац жирный & всё.");
    Element link = (Element) e.getElementsByTagNameNS(AtomFeed.NAMESPACE, "link").item(0);
    assertThat(link.getAttribute("href"))
        .isEqualTo("https://m.example.ru/c/c1/%D1%83%D1%80%D0%BE%D0%BA");
    Element category = (Element) e.getElementsByTagNameNS(AtomFeed.NAMESPACE, "category").item(0);
    assertThat(category.getAttribute("term")).isEqualTo("practice");
    assertThat(category.getAttribute("label")).isEqualTo("Инновационная практика");
  }

  @Test
  void anEmptyFeedIsStillAValidFeed() throws Exception {
    Document feed = parse(AtomFeed.xml("http://localhost:8080", List.of(), CREATED));
    assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
    assertThat(text(feed.getDocumentElement(), "updated")).isEqualTo("2026-11-02T06:00:00Z");
  }

  static Document parse(String xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(AtomFeed.NAMESPACE, name).item(0).getTextContent();
  }
}
