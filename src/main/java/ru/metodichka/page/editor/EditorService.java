package ru.metodichka.page.editor;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.attachment.PendingFiles;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.Community;
import ru.metodichka.community.CommunityService;
import ru.metodichka.page.Page;
import ru.metodichka.page.PageReader;
import ru.metodichka.page.PageRendering;
import ru.metodichka.page.Revision;
import ru.metodichka.page.VisiblePage;

/**
 * What the editor screens need besides saving: who may open the editor, the text it starts from,
 * and previews rendered exactly as the page will be (same renderer, sanitizer and wiki links).
 */
public final class EditorService {
  private final Pool pool;
  private final CommunityService communities;
  private final PageReader reader;
  private final PageRendering rendering;
  private final WorkerExecutor previews;
  private final PendingFiles pending;

  public EditorService(
      Pool pool,
      CommunityService communities,
      PageReader reader,
      PageRendering rendering,
      WorkerExecutor previews,
      PendingFiles pending) {
    this.pool = pool;
    this.communities = communities;
    this.reader = reader;
    this.rendering = rendering;
    this.previews = previews;
    this.pending = pending;
  }

  /**
   * After a save: the files the editor kept for the page ({@code token}, see {@link PendingFiles})
   * become the page's, in one transaction of their own; the names attached.
   */
  Future<List<String>> attachPending(
      CurrentUser actor, String community, String slug, String token) {
    return reader
        .visible(actor, community, slug)
        .compose(
            page -> {
              page.access().requireEditor();
              return pending.attach(page, token);
            });
  }

  /** The community an editor works in: 401 for visitors, 403 for non-members. */
  Future<Community> community(CurrentUser actor, String community) {
    return editor(actor, community).map(Access::community);
  }

  /** The current revision of a page, for editing (members, moderators, administrators). */
  Future<Opened> open(CurrentUser actor, String community, String slug) {
    return editor(actor, community)
        .compose(access -> reader.visible(actor, community, slug))
        .compose(
            v ->
                reader
                    .revision(v, v.page().currentRevision())
                    .map(r -> new Opened(v.community(), v.page().slug(), r)));
  }

  /** A page opened for editing: where it is and the revision the text starts from. */
  record Opened(Community community, String slug, Revision current) {}

  /**
   * Markdown as the page would show it, wiki links resolved against the community, its files
   * ({@code attachment:…}) those of page {@code slug} (null or unknown: a new page) and of the
   * editor's {@code pending} files (null for none).
   */
  public Future<String> preview(
      CurrentUser actor, String community, String slug, String pending, String markdown) {
    return editor(actor, community)
        .compose(
            access ->
                page(actor, community, slug)
                    .compose(
                        page ->
                            rendering.preview(pool, access, page, pending, markdown, previews)));
  }

  /** The page being edited, when it exists and its editor may see it; null otherwise. */
  private Future<Page> page(CurrentUser actor, String community, String slug) {
    if (slug == null || slug.isBlank()) {
      return Future.succeededFuture(null);
    }
    return reader.visible(actor, community, slug).map(VisiblePage::page).otherwise(failure -> null);
  }

  private Future<Access> editor(CurrentUser actor, String community) {
    return communities.access(pool, actor, community).map(Access::requireEditor);
  }
}
