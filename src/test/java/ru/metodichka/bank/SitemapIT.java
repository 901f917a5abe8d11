package ru.metodichka.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.PublicUrl;

/**
 * The sitemap's two forms: one {@code <urlset>} while every address fits in a file, a {@code
 * <sitemapindex>} of numbered files beyond that. The index form is reached with three addresses per
 * file instead of 50,000, on a small server of the test's own over the run's database.
 */
@ExtendWith(AppExtension.class)
class SitemapIT {
  private static final String BASE = "https://metodichka.example";
  private static final int PER_FILE = 3;

  @Test
  void withFewAddressesTheSitemapIsOneUrlsetAndThereIsNoSecondFile(TestApp app, Fixtures fx)
      throws Exception {
    String base = "http://127.0.0.1:" + app.app().port();

    var sitemap = fx.api().get("/sitemap.xml", null);

    assertThat(sitemap.status()).isEqualTo(200);
    Document urls = AtomFeedTest.parse(sitemap.text());
    assertThat(urls.getDocumentElement().getLocalName()).isEqualTo("urlset");
    assertThat(texts(urls, "loc")).startsWith(base + "/", base + "/bank");
    assertThat(fx.api().get("/sitemap-2.xml", null).status()).isEqualTo(404);
    assertThat(fx.api().get("/sitemap-0.xml", null).status()).isEqualTo(404);
    assertThat(fx.api().get("/robots.txt", null).text())
        .contains("Sitemap: " + base + "/sitemap.xml");
  }

  @Test
  void beyondAFilesWorthTheSitemapIsAnIndexOfFilesThatHoldEveryAddressOnce(TestApp app, Fixtures fx)
      throws Exception {
    var team = fx.team();
    var materials = new Materials(fx, team);
    materials.draft("старый", "Старый материал", "resource", "Текст");
    materials.draft("новый", "Новый материал", "resource", "Текст");
    materials.draft("скрытый", "Скрытый материал", "resource", "Текст");
    materials.publish("старый");
    materials.publish("новый");
    var pool = app.app().parts().pool();
    Sitemaps sitemaps = new Sitemaps(pool, PER_FILE);
    HttpServer server = serve(app, sitemaps);
    try (Api api = new Api(server.actualPort())) {

      Document index = AtomFeedTest.parse(api.get("/sitemap.xml", null).text());

      assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(Sitemap.NAMESPACE);
      assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
      List<String> files = texts(index, "loc");
      assertThat(files).hasSizeGreaterThan(1);
      List<String> all = new ArrayList<>();
      for (int number = 1; number <= files.size(); number++) {
        assertThat(files.get(number - 1)).isEqualTo(BASE + "/sitemap-" + number + ".xml");
        var file = api.get("/sitemap-" + number + ".xml", null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/xml; charset=utf-8");
        Document urls = AtomFeedTest.parse(file.text());
        assertThat(urls.getDocumentElement().getLocalName()).isEqualTo("urlset");
        List<String> locations = texts(urls, "loc");
        assertThat(locations).hasSizeBetween(1, PER_FILE);
        if (number < files.size()) {
          assertThat(locations).as("every file but the last is full").hasSize(PER_FILE);
        }
        all.addAll(locations);
      }
      assertThat(all).doesNotHaveDuplicates().startsWith(BASE + "/", BASE + "/bank");
      assertThat(all)
          .contains(BASE + "/c/" + team.community())
          .containsSubsequence(BASE + materials.path("старый"), BASE + materials.path("новый"))
          .doesNotContain(BASE + materials.path("скрытый"));
      assertThat(all.getLast())
          .as("the newest page ends the last file")
          .isEqualTo(BASE + materials.path("новый"));
      assertThat(sitemaps.file(BASE, files.size() + 1).await()).isEmpty();
    } finally {
      server.close().await();
    }
  }

  /** The feeds' routes alone, over {@code sitemaps}, on a port of their own. */
  private static HttpServer serve(TestApp app, Sitemaps sitemaps) {
    var vertx = app.app().vertx();
    Router router = Router.router(vertx);
    var pool = app.app().parts().pool();
    new BankFeeds(new Bank(pool), sitemaps, new PublicUrl(Optional.of(BASE))).mount(router);
    return vertx.createHttpServer().requestHandler(router).listen(0).await();
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
