package ru.metodichka.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.config.CacheSizes;
import ru.metodichka.page.RelatedPage;
import ru.metodichka.page.SimilarPages;
import ru.metodichka.search.index.Indexer;
import ru.metodichka.search.index.SearchIndex;

/**
 * The search feature as the HTTP layer uses it: every call returns a future and runs the blocking
 * Lucene work on a worker pool of its own, so that searching never holds an event loop and a slow
 * search never delays a password check or a preview.
 */
public final class SearchService {
  private static final int SIMILAR = 5;
  private final SearchScopeRepository scopes = new SearchScopeRepository();
  private final Cache<SimilarKey, List<RelatedPage>> similarCache =
      Caffeine.newBuilder()
          .maximumWeight(CacheSizes.SIMILAR_PAGES)
          .weigher((SimilarKey k, List<RelatedPage> pages) -> weight(pages))
          .build();
  private final Pool pool;
  private final SearchIndex index;
  private final SearchEngine service;
  private final Indexer indexer;
  private final WorkerExecutor workers;

  public SearchService(
      Pool pool, SearchIndex index, SearchEngine service, Indexer indexer, WorkerExecutor workers) {
    this.pool = pool;
    this.index = index;
    this.service = service;
    this.indexer = indexer;
    this.workers = workers;
  }

  /** What this user may find: see {@link SearchScope}. */
  public Future<SearchScope> access(CurrentUser user) {
    return scopes.scope(pool, user);
  }

  public Future<SearchResult> search(SearchQuery query, SearchScope access) {
    return workers.executeBlocking(() -> service.search(query, access), false);
  }

  /** Titles starting with what the user has typed so far, for autocomplete. */
  public Future<List<SearchResult.Hit>> suggest(String prefix, SearchScope access, int limit) {
    return workers.executeBlocking(() -> service.suggestTitles(prefix, access, limit), false);
  }

  /** «Похожие материалы»: pages like this one that the user may see. */
  public Future<List<SearchResult.Hit>> similar(long pageId, SearchScope access, int limit) {
    return workers.executeBlocking(
        () -> service.similar(Long.toString(pageId), access, limit), false);
  }

  /** Pages in the index, of every status. */
  public Future<Integer> indexSize() {
    return workers.executeBlocking(index::size, false);
  }

  /**
   * Similar pages for the page screens; a failing search shows none rather than failing them. «More
   * like this» reads many terms of the page, far more work than the rest of a page view, so answers
   * are kept until the index next changes (a new generation misses every old key).
   */
  public SimilarPages similarPages() {
    return (user, pageId) ->
        access(user)
            .compose(
                access -> {
                  var key = new SimilarKey(pageId, access, indexer.generation());
                  List<RelatedPage> known = similarCache.getIfPresent(key);
                  if (known != null) {
                    return Future.succeededFuture(known);
                  }
                  return similar(pageId, access, SIMILAR)
                      .map(hits -> hits.stream().map(SearchService::related).toList())
                      .onSuccess(found -> similarCache.put(key, found));
                })
            .otherwise(List.of());
  }

  /** What a list of similar pages takes in the heap, about (its key is small beside it). */
  private static int weight(List<RelatedPage> pages) {
    int bytes = 64;
    for (RelatedPage page : pages) {
      bytes +=
          32
              + CacheSizes.bytes(page.community())
              + CacheSizes.bytes(page.communityName())
              + CacheSizes.bytes(page.slug())
              + CacheSizes.bytes(page.title())
              + CacheSizes.bytes(page.kind());
    }
    return bytes;
  }

  private static RelatedPage related(SearchResult.Hit hit) {
    return new RelatedPage(
        hit.community(), hit.communityName(), hit.slug(), hit.title(), hit.kind());
  }

  private record SimilarKey(long pageId, SearchScope access, long generation) {}

  public Indexer indexer() {
    return indexer;
  }

  public SearchIndex index() {
    return index;
  }
}
