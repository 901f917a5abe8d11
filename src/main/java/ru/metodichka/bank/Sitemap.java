package ru.metodichka.bank;

import java.util.List;
import ru.metodichka.web.Redirect;

/**
 * {@code /sitemap.xml} (sitemaps.org 0.9): the front page, the bank, each active community and each
 * published page with its last change. One file holds 50,000 addresses, far more than a district
 * publishes; beyond that it would have to become a sitemap index.
 */
final class Sitemap {
  static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private Sitemap() {}

  static String xml(
      String base, List<String> communities, List<BankRepository.PublishedPage> pages) {
    Xml xml = new Xml().root("urlset", NAMESPACE);
    url(xml, base, "/").end();
    url(xml, base, "/bank").end();
    for (String community : communities) {
      url(xml, base, "/c/" + community).end();
    }
    for (BankRepository.PublishedPage page : pages) {
      url(xml, base, "/c/" + page.community() + "/" + page.slug())
          .element("lastmod", Xml.time(page.modified()))
          .end();
    }
    return xml.finish();
  }

  /** Opens a {@code <url>} with its {@code <loc>}; the caller closes it. */
  private static Xml url(Xml xml, String base, String path) {
    return xml.start("url").element("loc", base + Redirect.encoded(path));
  }
}
