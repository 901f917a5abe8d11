package ru.metodichka.bank;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sitemap of public addresses. While they fit in one file it is {@code /sitemap.xml} itself;
 * beyond that {@code /sitemap.xml} is an index of numbered files, each read from PostgreSQL on its
 * own, so no request holds more than one file's rows.
 */
public final class Sitemaps {
  private final Pool pool;
  private final SitemapRepository repository;
  private final int perFile;

  public Sitemaps(Pool pool) {
    this(pool, Sitemap.URLS_PER_FILE);
  }

  /** With fewer addresses per file than the protocol allows: tests reach the index form. */
  Sitemaps(Pool pool, int perFile) {
    this.pool = pool;
    this.repository = new SitemapRepository();
    this.perFile = perFile;
  }

  /** The only file when there is one, otherwise the index of the files. */
  Future<String> main(String base) {
    return files()
        .compose(
            files ->
                files.count() == 1
                    ? file(base, files, 1)
                    : Future.succeededFuture(Sitemap.index(base, files.count())));
  }

  /** File {@code number} (from 1); empty when there is no such file. */
  Future<Optional<String>> file(String base, int number) {
    return files()
        .compose(
            files ->
                number > files.count()
                    ? Future.succeededFuture(Optional.empty())
                    : file(base, files, number).map(Optional::of));
  }

  /** Counted afresh for each request: two small queries, and a new page appears at once. */
  private Future<SitemapFiles> files() {
    var communities = repository.activeCommunities(pool);
    var pages = repository.publishedCount(pool);
    return Future.all(communities, pages)
        .map(v -> new SitemapFiles(sitePaths(communities.result()), pages.result(), perFile));
  }

  private Future<String> file(String base, SitemapFiles files, int number) {
    SitemapFiles.Part part = files.part(number);
    Future<List<SitemapRepository.PublishedPage>> pages =
        part.pageLimit() == 0
            ? Future.succeededFuture(List.of())
            : repository.published(pool, part.skipPages(), part.pageLimit());
    return pages.map(found -> Sitemap.urls(base, part.sitePaths(), found));
  }

  private static List<String> sitePaths(List<String> communities) {
    List<String> paths = new ArrayList<>(List.of("/", "/bank"));
    communities.forEach(slug -> paths.add("/c/" + slug));
    return paths;
  }
}
