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
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.Community;
import ru.metodichka.config.CacheSizes;
import ru.metodichka.render.AttachmentResolver;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.render.WikiLink;
import ru.metodichka.render.WikiLinkResolver;
import ru.metodichka.render.WikiLinkResolver.Resolution;

/**
 * The HTML of a revision as one reader sees it. A revision's text never changes, but where its wiki
 * links lead does — pages appear, and a link may only lead to a page its reader may see ({@link
 * Visibility}) — so the cache is keyed by the revision and its links' targets for this reader: the
 * same revision may render differently for a member and a visitor, and never leaks one's links to
 * the other. The same holds for the page's files its text shows ({@code attachment:…}, {@link
 * PageFiles}): a text that refers to files at all is keyed by them too, as its reader may see them,
 * so an upload, a new version of another size or a hidden file renders anew. A cache miss renders
 * on the Markdown workers, never on an event loop: a render may take up to the renderer's time
 * budget. What the renderer returns is cached, its as-written fallback for a text too slow to
 * render too, so a hostile page costs its budget once, not on every view.
 */
public final class PageRendering {
  private final MarkdownRenderer renderer;
  private final LinkRepository links = new LinkRepository();
  private final WorkerExecutor workers;
  private final Cache<String, String> cache =
      Caffeine.newBuilder()
          .maximumWeight(CacheSizes.RENDERED_TEXTS)
          .weigher((String k, String v) -> CacheSizes.bytes(k) + CacheSizes.bytes(v))
          .build();

  /**
   * Where a revision's wiki links lead for an anonymous visitor, and as of which {@link
   * PageViewCache#publicGeneration}: that changes only when a page enters or leaves the public or a
   * public page gets a new title or address, on this server at once and on the others when their
   * indexers read it (within a second). Saves visitors' reads the query (the API's page read ran it
   * on every request). Readers who are logged in resolve on every read: what they may see and
   * create depends on their memberships, which change without any page changing.
   */
  private record PublicLinks(long generation, Map<LinkTarget.Key, LinkTarget.Resolved> resolved) {}

  private final Cache<Long, PublicLinks> publicLinks =
      Caffeine.newBuilder().maximumSize(100_000).build();

  private final PageViewCache publicPages;
  private final PageFiles files;

  /** A rendering whose texts show no files (every {@code attachment:} reference is missing). */
  public PageRendering(
      MarkdownRenderer renderer, WorkerExecutor workers, PageViewCache publicPages) {
    this(renderer, workers, publicPages, PageFiles.NONE);
  }

  /**
   * @param files the files a page's text may show ({@code ![подпись](attachment:схема.png)})
   */
  public PageRendering(
      MarkdownRenderer renderer,
      WorkerExecutor workers,
      PageViewCache publicPages,
      PageFiles files) {
    this.renderer = renderer;
    this.workers = workers;
    this.publicPages = publicPages;
    this.files = files;
  }

  /**
   * Markdown not saved yet (the editor's preview) as its page would show it to the author: the same
   * renderer, sanitizer and wiki-link targets. Parsing and rendering run on {@code previews}, a
   * pool of their own: flexmark can take long on hostile input.
   */
  public Future<String> preview(
      SqlClient sql, Access access, String markdown, WorkerExecutor previews) {
    return preview(sql, access, null, null, markdown, previews);
  }

  /**
   * The editor's preview of a page's text: as {@link #preview(SqlClient, Access, String,
   * WorkerExecutor)}, its files those of {@code page} (null for a new page) and of the editor's
   * {@code pending} files (null for none; see {@link PageFiles#of}).
   */
  public Future<String> preview(
      SqlClient sql,
      Access access,
      Page page,
      String pending,
      String markdown,
      WorkerExecutor previews) {
    Community community = access.community();
    Future<PageFiles.Embeds> embeds =
        AttachmentResolver.mayReferToFiles(markdown)
            ? files.of(sql, access, page, pending)
            : Future.succeededFuture(PageFiles.Embeds.NONE);
    return previews
        .executeBlocking(
            () -> LinkTarget.distinct(renderer.wikiLinks(markdown), community.slug()), false)
        .compose(targets -> links.resolveTargets(sql, targets, access.user()))
        .compose(
            resolved ->
                embeds.compose(
                    shown ->
                        previews.executeBlocking(
                            () ->
                                renderer.render(
                                    markdown, resolver(community, resolved), shown.resolver()),
                            false)));
  }

  /**
   * The revision's HTML with its wiki links as the page's reader may follow them, and its files as
   * they may see them.
   */
  Future<String> html(SqlClient sql, VisiblePage page, Revision revision) {
    Future<PageFiles.Embeds> embeds =
        AttachmentResolver.mayReferToFiles(revision.markdown())
            ? files.of(sql, page.access(), page.page(), null)
            : Future.succeededFuture(PageFiles.Embeds.NONE);
    return resolve(sql, revision, page.access().user())
        .compose(
            resolved -> embeds.compose(shown -> html(page.community(), revision, resolved, shown)));
  }

  private Future<Map<LinkTarget.Key, LinkTarget.Resolved>> resolve(
      SqlClient sql, Revision revision, CurrentUser reader) {
    if (!reader.anonymous()) {
      return links.resolve(sql, revision.id(), reader);
    }
    // Read before the query: a change meanwhile makes what it stores stale at once.
    long generation = publicPages.publicGeneration();
    PublicLinks known = publicLinks.getIfPresent(revision.id());
    if (known != null && known.generation() == generation) {
      return Future.succeededFuture(known.resolved());
    }
    return links
        .resolve(sql, revision.id(), reader)
        .onSuccess(
            resolved -> publicLinks.put(revision.id(), new PublicLinks(generation, resolved)));
  }

  private Future<String> html(
      Community community,
      Revision revision,
      Map<LinkTarget.Key, LinkTarget.Resolved> resolved,
      PageFiles.Embeds shown) {
    String key = revision.id() + "|" + new TreeMap<>(keyed(resolved)) + "|" + shown.key();
    String cached = cache.getIfPresent(key);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    // Not ordered: renders of different pages need not wait for each other.
    return workers.executeBlocking(
        () ->
            cache.get(
                key,
                k ->
                    renderer.render(
                        revision.markdown(), resolver(community, resolved), shown.resolver())),
        false);
  }

  private static Map<String, LinkTarget.Resolved> keyed(
      Map<LinkTarget.Key, LinkTarget.Resolved> resolved) {
    Map<String, LinkTarget.Resolved> keyed = new TreeMap<>();
    resolved.forEach((k, v) -> keyed.put(k.communityKey() + ":" + k.titleKey(), v));
    return keyed;
  }

  /**
   * A visible target links to its page. A missing one links to the editor of a new page with the
   * link's text as its title (whose slug, made from that title, is what the link will then find),
   * for a reader who may create it; for anyone else it is plain text, exactly as a page they may
   * not see.
   */
  static WikiLinkResolver resolver(
      Community community, Map<LinkTarget.Key, LinkTarget.Resolved> resolved) {
    return (WikiLink link) -> {
      LinkTarget.Resolved target = resolved.get(LinkTarget.of(link, community.slug()).key());
      if (target == null) {
        return Resolution.text();
      }
      if (target.pageSlug() != null) {
        return Resolution.existing("/c/" + target.communitySlug() + "/" + target.pageSlug());
      }
      if (target.mayCreate()) {
        return Resolution.missing(
            "/c/"
                + target.communitySlug()
                + "/new?title="
                + URLEncoder.encode(link.target(), StandardCharsets.UTF_8));
      }
      return Resolution.text();
    };
  }
}
