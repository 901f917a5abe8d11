package ru.metodichka.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How addresses are shared out between sitemap files: the site's own first, then the pages. */
class SitemapFilesTest {
  private static final List<String> SITE = List.of("/", "/bank", "/c/a", "/c/b");

  @Test
  void everythingFitsInOneFileUpToTheLimit() {
    var files = new SitemapFiles(SITE, 6, 10);

    assertThat(files.count()).isEqualTo(1);
    assertThat(files.part(1)).isEqualTo(new SitemapFiles.Part(SITE, 0, 6));
  }

  @Test
  void anEmptySiteStillHasOneFile() {
    assertThat(new SitemapFiles(List.of(), 0, 10).count()).isEqualTo(1);
  }

  @Test
  void oneAddressOverTheLimitMakesASecondFile() {
    var files = new SitemapFiles(SITE, 7, 10);

    assertThat(files.count()).isEqualTo(2);
    assertThat(files.part(1)).isEqualTo(new SitemapFiles.Part(SITE, 0, 6));
    assertThat(files.part(2)).isEqualTo(new SitemapFiles.Part(List.of(), 6, 10));
  }

  @Test
  void theSitesOwnAddressesMaySpanFilesBeforeThePagesBegin() {
    var files = new SitemapFiles(SITE, 5, 3);

    assertThat(files.count()).isEqualTo(3);
    assertThat(files.part(1)).isEqualTo(new SitemapFiles.Part(List.of("/", "/bank", "/c/a"), 0, 0));
    assertThat(files.part(2)).isEqualTo(new SitemapFiles.Part(List.of("/c/b"), 0, 2));
    assertThat(files.part(3)).isEqualTo(new SitemapFiles.Part(List.of(), 2, 3));
  }

  @Test
  void aHundredThousandPagesMakeThreeFilesOfAtMostFiftyThousand() {
    var files = new SitemapFiles(SITE, 100_000, Sitemap.URLS_PER_FILE);

    assertThat(files.count()).isEqualTo(3);
    assertThat(files.part(1).pageLimit()).isEqualTo(49_996);
    assertThat(files.part(2)).isEqualTo(new SitemapFiles.Part(List.of(), 49_996, 50_000));
    assertThat(files.part(3)).isEqualTo(new SitemapFiles.Part(List.of(), 99_996, 50_000));
  }
}
