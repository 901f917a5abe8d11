package ru.metodichka.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.SimilarPages;
import ru.metodichka.search.index.Indexer;
import ru.metodichka.search.index.SearchIndex;

/**
 * The search feature as the HTTP layer uses it: every call returns a future and runs the blocking
 * Lucene work on a worker pool of its own, so that searching never holds an event loop and a slow
 * search never delays a password check or a preview.
 */
public final class SearchService {
  private static final String MEMBER_COMMUNITIES =
      """
      SELECT community_id FROM memberships
       WHERE user_id = $1 AND status = 'active' AND role IN ('member', 'moderator')
      """;

  private static final int SIMILAR = 5;
  private final Cache<SimilarKey, JsonArray> similarCache =
      Caffeine.newBuilder().maximumSize(20_000).build();
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

  /**
   * What this user may find: published pages, and the drafts of the communities where they may see
   * drafts (members and moderators; administrators everywhere), as the page screens allow.
   */
  public Future<Access> access(CurrentUser user) {
    if (user.anonymous()) {
      return Future.succeededFuture(Access.anonymous());
    }
    Future<? extends Iterable<Row>> rows =
        user.admin()
            ? pool.query("SELECT id AS community_id FROM communities").execute()
            : pool.preparedQuery(MEMBER_COMMUNITIES).execute(Tuple.of(user.id()));
    return rows.map(
        found -> {
          Set<Long> ids = new HashSet<>();
          found.forEach(row -> ids.add(row.getLong("community_id")));
          return Access.member(ids);
        });
  }

  public Future<SearchResult> search(SearchQuery query, Access access) {
    return workers.executeBlocking(() -> service.search(query, access), false);
  }

  /** Titles starting with what the user has typed so far, for autocomplete. */
  public Future<List<SearchResult.Hit>> suggest(String prefix, Access access, int limit) {
    return workers.executeBlocking(() -> service.suggestTitles(prefix, access, limit), false);
  }

  /** «Похожие материалы»: pages like this one that the user may see. */
  public Future<List<SearchResult.Hit>> similar(long pageId, Access access, int limit) {
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
                  JsonArray known = similarCache.getIfPresent(key);
                  if (known != null) {
                    return Future.succeededFuture(known);
                  }
                  return similar(pageId, access, SIMILAR)
                      .map(SearchRoutes::items)
                      .onSuccess(found -> similarCache.put(key, found));
                })
            .otherwise(new JsonArray());
  }

  private record SimilarKey(long pageId, Access access, long generation) {}

  public Indexer indexer() {
    return indexer;
  }

  public SearchIndex index() {
    return index;
  }
}
