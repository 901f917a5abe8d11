package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.render.MarkdownRenderer;

/**
 * What the editor screens need besides saving: who may open the editor, the text it starts from,
 * and previews rendered exactly as the page will be (same renderer, sanitizer and wiki links).
 */
final class EditorService {
  private final Pool pool;
  private final CommunityService communities;
  private final PageRepository pages;
  private final PageReader reader;
  private final LinkRepository links;
  private final MarkdownRenderer renderer;
  private final WorkerExecutor previews;

  EditorService(
      Pool pool,
      CommunityService communities,
      PageRepository pages,
      PageReader reader,
      LinkRepository links,
      MarkdownRenderer renderer,
      WorkerExecutor previews) {
    this.pool = pool;
    this.communities = communities;
    this.pages = pages;
    this.reader = reader;
    this.links = links;
    this.renderer = renderer;
    this.previews = previews;
  }

  /** The community an editor works in: 401 for visitors, 403 for non-members. */
  Future<JsonObject> community(CurrentUser actor, String community) {
    return editor(actor, community).map(EditorService::communityJson);
  }

  /** The current revision of a page, for editing (members, moderators, administrators). */
  Future<JsonObject> open(CurrentUser actor, String community, String slug) {
    return editor(actor, community)
        .compose(
            access ->
                pages
                    .find(pool, access.community().id(), slug)
                    .map(
                        found -> found.orElseThrow(() -> AppError.notFound("page_not_found", slug)))
                    .compose(
                        page ->
                            reader
                                .revision(
                                    new PageReader.Visible(access, page), page.currentRevision())
                                .map(r -> pageJson(access, page, r))));
  }

  /**
   * Markdown as the page would show it, wiki links resolved against the community. Parsing and
   * rendering run on the worker pool: flexmark can take long on hostile input.
   */
  Future<String> preview(CurrentUser actor, String community, String markdown) {
    return editor(actor, community)
        .compose(
            access ->
                previews
                    .executeBlocking(() -> targets(markdown, access), false)
                    .compose(targets -> links.resolveTargets(pool, targets))
                    .compose(
                        hrefs ->
                            previews.executeBlocking(
                                () ->
                                    renderer.render(
                                        markdown,
                                        PageRendering.resolver(access.community(), hrefs)),
                                false)));
  }

  private List<LinkTarget> targets(String markdown, Access access) {
    return LinkTarget.distinct(renderer.wikiLinks(markdown), access.community().slug());
  }

  private Future<Access> editor(CurrentUser actor, String community) {
    return communities.access(pool, actor, community).map(Access::requireEditor);
  }

  private static JsonObject communityJson(Access access) {
    return new JsonObject()
        .put("community", access.community().slug())
        .put("communityName", access.community().name());
  }

  private static JsonObject pageJson(Access access, Page page, Revision r) {
    return communityJson(access)
        .put("slug", page.slug())
        .put("title", r.title())
        .put("kind", r.kind())
        .put("revision", r.number())
        .put("markdown", r.markdown())
        .put("metadata", r.metadata().toJson());
  }
}
