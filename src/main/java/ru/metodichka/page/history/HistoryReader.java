package ru.metodichka.page.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.Page;
import ru.metodichka.page.PageReader;

/**
 * What the history screens read: a page's revisions, one old revision, two revisions side by side,
 * and what a revert would bring back. Visibility is {@link PageReader}'s: a draft's history does
 * not exist for those who may not see the draft.
 */
public final class HistoryReader {
  private final Pool pool;
  private final PageReader pages;
  private final HistoryRepository revisions = new HistoryRepository();

  public HistoryReader(Pool pool, PageReader pages) {
    this.pool = pool;
    this.pages = pages;
  }

  /** Newest first; {@code before} pages backwards through long histories. */
  public Future<JsonArray> revisions(
      CurrentUser actor, String community, String slug, int before, int limit) {
    return pages
        .visible(actor, community, slug)
        .compose(v -> revisions.list(pool, v.page().id(), before, limit));
  }

  /** One revision with its HTML, as the API gives it. */
  public Future<JsonObject> revisionJson(
      CurrentUser actor, String community, String slug, int number) {
    return pages
        .visible(actor, community, slug)
        .compose(v -> pages.rendered(v, number))
        .map(PageReader::revisionJson);
  }

  /** Line hunks between two revisions, with the changed words inside changed lines. */
  public Future<JsonObject> diff(
      CurrentUser actor, String community, String slug, int from, int to) {
    return pages
        .visible(actor, community, slug)
        .compose(
            v ->
                pages
                    .revision(v, from)
                    .compose(a -> pages.revision(v, to).map(b -> DiffJson.of(a, b))));
  }

  /**
   * The page, whether the reader may revert, and up to {@code limit} revisions numbered below
   * {@code before}, newest first.
   */
  public Future<JsonObject> history(
      CurrentUser actor, String community, String slug, int before, int limit) {
    return pages
        .visible(actor, community, slug)
        .compose(
            v ->
                revisions
                    .list(pool, v.page().id(), before, limit)
                    .map(list -> head(v).put("revisions", list)));
  }

  /** One revision with its HTML, and the page it belongs to under {@code page}. */
  public Future<JsonObject> revision(CurrentUser actor, String community, String slug, int number) {
    return pages
        .visible(actor, community, slug)
        .compose(
            v ->
                pages
                    .rendered(v, number)
                    .map(r -> PageReader.revisionJson(r).put("page", head(v))));
  }

  /**
   * Two revisions side by side; the older one is always {@code from}, whichever was asked first.
   */
  public Future<Comparison> compare(
      CurrentUser actor, String community, String slug, int from, int to) {
    int older = Math.min(from, to);
    int newer = Math.max(from, to);
    return pages
        .visible(actor, community, slug)
        .compose(
            v ->
                pages
                    .revision(v, older)
                    .compose(a -> pages.revision(v, newer).map(b -> Comparison.of(head(v), a, b))));
  }

  /**
   * The revision a revert would bring back, without its text, for the confirmation screen. Only
   * those who may revert get it: 401 for anonymous visitors, 403 for non-members.
   */
  public Future<JsonObject> revertable(
      CurrentUser actor, String community, String slug, int number) {
    return pages
        .visible(actor, community, slug)
        .map(HistoryReader::mayRevert)
        .compose(v -> pages.revision(v, number).map(r -> Comparison.head(r).put("page", head(v))));
  }

  /** Reverting is editing: the same people may do it. */
  private static PageReader.Visible mayRevert(PageReader.Visible v) {
    v.access().requireEditor();
    return v;
  }

  /** The page as every history screen's header and breadcrumbs need it. */
  private static JsonObject head(PageReader.Visible v) {
    Page page = v.page();
    return new JsonObject()
        .put("community", v.access().community().slug())
        .put("communityName", v.access().community().name())
        .put("slug", page.slug())
        .put("title", page.title())
        .put("status", page.status())
        .put("current", page.currentRevision())
        .put("canEdit", v.access().canEdit());
  }
}
