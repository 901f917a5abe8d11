package ru.metodichka.bank;

import java.util.List;
import ru.metodichka.web.Redirect;

/**
 * {@code /sitemap.xml} (sitemaps.org 0.9): the front page, the bank, each active community and each
 * published page with its last change. The protocol allows 50,000 addresses per file; a site with
 * more gets a sitemap index at {@code /sitemap.xml} pointing to {@code /sitemap-1.xml}, {@code
 * /sitemap-2.xml}, …
 */
final class Sitemap {
  static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

  /** The protocol's limit of addresses in one file. */
  static final int URLS_PER_FILE = 50_000;

  private Sitemap() {}

  /** One {@code <urlset>}: the site's own paths, then the pages with their last change. */
  static String urls(
      String base, List<String> sitePaths, List<SitemapRepository.PublishedPage> pages) {
    Xml xml = new Xml().root("urlset", NAMESPACE);
    for (String path : sitePaths) {
      url(xml, base, path).end();
    }
    for (SitemapRepository.PublishedPage page : pages) {
      url(xml, base, "/c/" + page.community() + "/" + page.slug())
          .element("lastmod", Xml.time(page.modified()))
          .end();
    }
    return xml.finish();
  }

  /** A {@code <sitemapindex>} of files 1 to {@code files}. */
  static String index(String base, int files) {
    Xml xml = new Xml().root("sitemapindex", NAMESPACE);
    for (int number = 1; number <= files; number++) {
      xml.start("sitemap").element("loc", base + file(number)).end();
    }
    return xml.finish();
  }

  /** The path of file {@code number}. */
  static String file(int number) {
    return "/sitemap-" + number + ".xml";
  }

  /** Opens a {@code <url>} with its {@code <loc>}; the caller closes it. */
  private static Xml url(Xml xml, String base, String path) {
    return xml.start("url").element("loc", base + Redirect.encoded(path));
  }
}
