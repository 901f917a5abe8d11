package ru.metodichka.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/** The Atom feed, the sitemap and robots.txt: what machines read, in XML they can parse. */
@ExtendWith(AppExtension.class)
class BankFeedsIT {
  private static final String HOSTILE = "Урок <script>alert(1)</script> & «кавычки» ]]> \u0007";

  @Test
  void theFeedIsAtomWithPublishedMaterialsOnly(TestApp app, Fixtures fx) throws Exception {
    var team = fx.team();
    var materials = new Materials(fx, team);
    materials.draft("опыт", HOSTILE, "practice", "# Опыт\n\nКак мы учим читать & думать.\n");
    materials.draft("черновик", "Черновик для ленты", "practice", "Текст");
    materials.publish("опыт");

    var response = fx.api().get("/bank/feed.atom", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/atom+xml; charset=utf-8");
    Document feed = AtomFeedTest.parse(response.text());
    String base = "http://127.0.0.1:" + app.app().port();
    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(AtomFeed.NAMESPACE);
    assertThat(links(root)).contains(base + "/bank/feed.atom", base + "/bank");
    Element entry = entry(feed, base + materials.path("опыт"));
    assertThat(child(entry, "title")).isEqualTo("Урок <script>alert(1)</script> & «кавычки» ]]> ");
    assertThat(child(entry, "id")).startsWith("tag:127.0.0.1,");
    assertThat(child(entry, "summary")).isEqualTo("Как мы учим читать & думать.");
    assertThat(child(entry, "name")).isEqualTo("Анна Петровна Иванова");
    assertThat(child(entry, "published")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(child(entry, "updated")).isNotBlank();
    Element category =
        (Element) entry.getElementsByTagNameNS(AtomFeed.NAMESPACE, "category").item(0);
    assertThat(category.getAttribute("term")).isEqualTo("practice");
    assertThat(response.text()).doesNotContain("Черновик для ленты");
  }

  @Test
  void theSitemapListsPublicPagesAndForgetsUnpublishedOnes(TestApp app, Fixtures fx)
      throws Exception {
    var team = fx.team();
    var materials = new Materials(fx, team);
    materials.draft("карта", "Материал для карты", "resource", "Текст");
    materials.draft("скрытый", "Скрытый материал", "resource", "Текст");
    materials.publish("карта");
    String base = "http://127.0.0.1:" + app.app().port();

    var response = fx.api().get("/sitemap.xml", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/xml; charset=utf-8");
    Document sitemap = AtomFeedTest.parse(response.text());
    assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(Sitemap.NAMESPACE);
    List<String> locations = texts(sitemap, "loc");
    assertThat(locations)
        .contains(
            base + "/",
            base + "/bank",
            base + "/c/" + team.community(),
            base + materials.path("карта"))
        .doesNotContain(base + materials.path("скрытый"));
    Element page = url(sitemap, base + materials.path("карта"));
    assertThat(page.getElementsByTagNameNS(Sitemap.NAMESPACE, "lastmod").item(0).getTextContent())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    materials.unpublish("карта");

    String after = fx.api().get("/sitemap.xml", null).text();
    assertThat(texts(AtomFeedTest.parse(after), "loc"))
        .doesNotContain(base + materials.path("карта"));
    String feed = fx.api().get("/bank/feed.atom", null).text();
    assertThat(feed).doesNotContain(materials.path("карта"));
  }

  @Test
  void robotsTxtKeepsCrawlersOutOfTheApiAndPointsToTheSitemap(TestApp app, Fixtures fx) {
    var response = fx.api().get("/robots.txt", null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    assertThat(response.text())
        .contains("Disallow: /api/")
        .contains("Sitemap: http://127.0.0.1:" + app.app().port() + "/sitemap.xml");
  }

  private static Element entry(Document feed, String url) {
    NodeList entries = feed.getElementsByTagNameNS(AtomFeed.NAMESPACE, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      if (links(entry).contains(url)) {
        return entry;
      }
    }
    throw new AssertionError("No entry links to " + url);
  }

  private static Element url(Document sitemap, String loc) {
    NodeList urls = sitemap.getElementsByTagNameNS(Sitemap.NAMESPACE, "url");
    for (int i = 0; i < urls.getLength(); i++) {
      Element url = (Element) urls.item(i);
      if (url.getElementsByTagNameNS(Sitemap.NAMESPACE, "loc")
          .item(0)
          .getTextContent()
          .equals(loc)) {
        return url;
      }
    }
    throw new AssertionError("No url " + loc);
  }

  private static List<String> links(Element element) {
    List<String> hrefs = new ArrayList<>();
    NodeList links = element.getElementsByTagNameNS(AtomFeed.NAMESPACE, "link");
    for (int i = 0; i < links.getLength(); i++) {
      hrefs.add(((Element) links.item(i)).getAttribute("href"));
    }
    return hrefs;
  }

  private static String child(Element element, String name) {
    return element.getElementsByTagNameNS(AtomFeed.NAMESPACE, name).item(0).getTextContent();
  }

  private static List<String> texts(Document document, String name) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = document.getElementsByTagNameNS(Sitemap.NAMESPACE, name);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}
