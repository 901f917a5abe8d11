package ru.metodichka.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import ru.metodichka.community.Community;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.render.WikiLink;
import ru.metodichka.render.WikiLinkResolver;

/**
 * The HTML of a revision. A revision's text never changes, but whether its wiki links lead to
 * existing pages does, so the cache is keyed by the revision and the links' current targets. A
 * cache miss renders on the Markdown workers, never on an event loop: a render may take up to the
 * renderer's time budget. What the renderer returns is cached, its as-written fallback for a text
 * too slow to render too, so a hostile page costs its budget once, not on every view.
 */
public final class PageRendering {
  private static final long CACHE_CHARS = 32L * 1024 * 1024;
  private final MarkdownRenderer renderer;
  private final LinkRepository links = new LinkRepository();
  private final WorkerExecutor workers;
  private final Cache<String, String> cache =
      Caffeine.newBuilder()
          .maximumWeight(CACHE_CHARS)
          .weigher((String k, String v) -> v.length())
          .build();

  public PageRendering(MarkdownRenderer renderer, WorkerExecutor workers) {
    this.renderer = renderer;
    this.workers = workers;
  }

  /**
   * Markdown not saved yet (the editor's preview) as its page would show it: the same renderer,
   * sanitizer and wiki-link targets. Parsing and rendering run on {@code workers}, the previews'
   * own pool: flexmark can take long on hostile input.
   */
  public Future<String> preview(
      SqlClient sql, Community community, String markdown, WorkerExecutor workers) {
    return workers
        .executeBlocking(
            () -> LinkTarget.distinct(renderer.wikiLinks(markdown), community.slug()), false)
        .compose(targets -> links.resolveTargets(sql, targets))
        .compose(
            hrefs ->
                workers.executeBlocking(
                    () -> renderer.render(markdown, resolver(community, hrefs)), false));
  }

  Future<String> html(SqlClient sql, Community community, Revision revision) {
    return links.resolve(sql, revision.id()).compose(hrefs -> html(community, revision, hrefs));
  }

  private Future<String> html(
      Community community, Revision revision, Map<LinkTarget.Key, String> hrefs) {
    String key = revision.id() + "|" + new TreeMap<>(keyed(hrefs));
    String cached = cache.getIfPresent(key);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    // Not ordered: renders of different pages need not wait for each other.
    return workers.executeBlocking(
        () -> cache.get(key, k -> renderer.render(revision.markdown(), resolver(community, hrefs))),
        false);
  }

  private static Map<String, String> keyed(Map<LinkTarget.Key, String> hrefs) {
    Map<String, String> keyed = new TreeMap<>();
    hrefs.forEach((k, v) -> keyed.put(k.communityKey() + ":" + k.titleKey(), v));
    return keyed;
  }

  /**
   * Existing targets link to their page; missing ones to the editor of a new page with the link's
   * text as its title (whose slug, made from that title, is what the link will then find).
   */
  static WikiLinkResolver resolver(Community community, Map<LinkTarget.Key, String> hrefs) {
    return (WikiLink link) -> {
      LinkTarget target = LinkTarget.of(link, community.slug());
      String href = hrefs.get(target.key());
      if (href != null) {
        return new WikiLinkResolver.Resolution(href, true);
      }
      String targetCommunity = link.community() != null ? link.community() : community.slug();
      return new WikiLinkResolver.Resolution(
          "/c/"
              + targetCommunity
              + "/new?title="
              + URLEncoder.encode(link.target(), StandardCharsets.UTF_8),
          false);
    };
  }
}
